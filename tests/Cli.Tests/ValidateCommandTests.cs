using Connector.Operations.Tests.Support;

namespace Connector.Cli.Tests;

public sealed class ValidateCommandTests
{
    [Fact]
    public async Task Validate_ShippedDefinitions_PassesWithASummary()
    {
        var run = await CliRun.ExecuteAsync("validate", Repository.Definitions);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("142 operation(s) in 2 connector(s): no problems", run.Output);
    }

    [Fact]
    public async Task Validate_BrokenDefinition_PrintsFileLineColumnAndFails()
    {
        using var folder = new DefinitionFolder();
        var file = folder.Write("contacts.broken", "key: contacts.broken\nkind: sometimes\n");

        var run = await CliRun.ExecuteAsync("validate", folder.Root);

        Assert.Equal(1, run.ExitCode);
        var first = run.Output.Split('\n')[0];
        Assert.Matches(@"^.+contacts\.broken\.yaml:\d+:\d+: ", first);
        Assert.Contains(Path.GetFileName(file), first);
    }

    [Fact]
    public async Task Validate_MissingPath_FailsWithOneLine()
    {
        var run = await CliRun.ExecuteAsync("validate", "/nowhere/at/all");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("No definition file or folder at '/nowhere/at/all'", run.Error);
    }
}
