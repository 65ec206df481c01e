using System.Diagnostics;
using System.Text;
using Connector.Runtime.Storage;

namespace Connector.Recipes.Tests.Crash;

/// <summary>
/// The built <c>connector</c> command (its assembly lies beside the tests) as a child process with its
/// own CONNECTOR_HOME, which a test may kill at any moment as a crash would.
/// </summary>
internal sealed class ConnectorProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ConnectorProcess(Process process)
    {
        _process = process;
    }

    /// <summary>Completes when the process has exited, however it ended.</summary>
    public Task Exited { get; private set; } = Task.CompletedTask;

    public int ExitCode => _process.ExitCode;

    /// <summary>What it printed, standard output and error interleaved.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static ConnectorProcess Start(string home, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = home,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "connector.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment[ConnectorHome.Variable] = home;
        var child = new ConnectorProcess(new Process { StartInfo = start });
        child.Launch();
        return child;
    }

    /// <summary>
    /// SIGKILL (TerminateProcess on Windows) to the process and anything it started, then waits for it
    /// to be gone. True when the kill ended it; false when it had exited by itself first.
    /// </summary>
    public async Task<bool> KillAsync()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between our decision and the kill.
        }

        await Exited;
        return OperatingSystem.IsWindows() ? ExitCode == -1 : ExitCode == 128 + 9;
    }

    public void Dispose() => _process.Dispose();

    private void Launch()
    {
        _process.OutputDataReceived += (_, line) => Append(line.Data);
        _process.ErrorDataReceived += (_, line) => Append(line.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Exited = _process.WaitForExitAsync();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    // The SDK names the dotnet that runs the build and the tests; outside it, the one on PATH.
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath!
        : "dotnet";
}
