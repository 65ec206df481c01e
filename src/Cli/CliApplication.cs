using System.CommandLine;
using Connector.Cli.Commands;

namespace Connector.Cli;

/// <summary>The <c>connector</c> command: its verbs, and how failures become one-line reasons and exit codes.</summary>
internal static class CliApplication
{
    public static async Task<int> RunAsync(
        string[] args,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("Connector: run GoHighLevel automations described in YAML.")
        {
            OpsCommand.Create(),
            ValidateCommand.Create(),
            InvokeCommand.Create(),
            ConnectionsCommand.Create(),
            RunCommand.Create(),
            RunsCommand.Create(),
            HostCommand.Create(),
            DemoCommand.Create(),
            SandboxCommand.Create(),
        };

        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            EnableDefaultExceptionHandler = false,

            // Without it, Ctrl-C and SIGTERM never reach the commands' cancellation tokens.
            ProcessTerminationTimeout = TimeSpan.FromSeconds(5),
        };
        try
        {
            // `@FILE` belongs to --input (inputs from a file), not to the parser's response files.
            var parser = new ParserConfiguration { ResponseFileTokenReplacer = null };
            return await root.Parse(args, parser).InvokeAsync(configuration, cancellationToken);
        }
        catch (CommandException failure)
        {
            await error.WriteLineAsync($"connector: {failure.Message}");
            return failure.ExitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("connector: cancelled");
            return 130;
        }
        catch (Exception unexpected)
            when (unexpected is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            await error.WriteLineAsync($"connector: {unexpected.Message}");
            return 1;
        }
    }
}
