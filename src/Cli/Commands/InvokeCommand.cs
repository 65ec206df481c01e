using System.CommandLine;

namespace Connector.Cli.Commands;

/// <summary><c>connector invoke KEY</c>: runs one operation and prints its output.</summary>
internal static class InvokeCommand
{
    public static Command Create() => new("invoke", "Run one operation and print its output as JSON.");
}
