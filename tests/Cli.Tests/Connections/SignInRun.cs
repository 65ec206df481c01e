namespace Connector.Cli.Tests.Connections;

/// <summary>
/// <c>connector connections add</c> with OAuth, running in process while the test plays the browser: it
/// reads the printed sign-in address and visits it (or the redirect) itself.
/// </summary>
internal sealed class SignInRun
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    private SignInRun(string[] args)
    {
        Exit = CliApplication.RunAsync(
            ["connections", "add", "ghl", .. args, "--no-browser"],
            TextWriter.Synchronized(_output),
            TextWriter.Synchronized(_error));
    }

    public Task<int> Exit { get; }

    public string Output => _output.ToString();

    public string Error => _error.ToString();

    public static SignInRun Start(params string[] args) => new(args);

    /// <summary>The line the command printed for the user to open, exactly as printed.</summary>
    public async Task<string> AuthorizeLineAsync()
    {
        for (var i = 0; i < 200 && !Exit.IsCompleted; i++)
        {
            var line = Output.Split('\n').FirstOrDefault(l => l.StartsWith("http", StringComparison.Ordinal));
            if (line is not null)
            {
                return line.TrimEnd('\r');
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException($"no sign-in address was printed; the command printed: {Output}{Error}");
    }
}
