namespace Connector.Cli.Tests;

public sealed class HostCommandTests
{
    [Fact]
    public async Task Help_NamesPollNow_AndWhatItDoes()
    {
        var run = await CliRun.ExecuteAsync("host", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--poll-now", run.Output);
        Assert.Contains("Poll every enabled recipe once as soon as the host starts, then on schedule.", run.Output);
    }

    [Fact]
    public async Task MissingRecipesFolder_FailsSayingWhichFolder()
    {
        var run = await CliRun.ExecuteAsync("host", "--recipes", "/nowhere/at/all", "--poll-now");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no recipes folder at '/nowhere/at/all'", run.Error);
    }
}
