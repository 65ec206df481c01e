namespace Connector.Cli.Tests.Connections;

/// <summary>Tests that set $CONNECTOR_HOME, which the whole process shares: never two at once.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SharedHome
{
    public const string Name = "connector home";
}
