using System.CommandLine;

namespace Connector.Cli.Commands;

/// <summary>Options several verbs share, so that they are spelled and explained the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<string?> Definitions() => new("--definitions")
    {
        Description = "Folder of definitions (default: $CONNECTOR_DEFINITIONS, ./definitions, or the installed catalog).",
    };

    public static Option<bool> Json() => new("--json") { Description = "Print JSON instead of text." };
}
