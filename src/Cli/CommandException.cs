namespace Connector.Cli;

/// <summary>A command that failed for a reason its user can act on; printed as one line.</summary>
internal sealed class CommandException(string message, int exitCode = 1, Exception? inner = null)
    : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;
}
