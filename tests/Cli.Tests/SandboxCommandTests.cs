using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Connector.Cli.Tests;

/// <summary><c>connector sandbox</c> run as a user runs it: a child process, stopped with SIGTERM.</summary>
public sealed partial class SandboxCommandTests
{
    [Fact]
    public async Task Sandbox_InMemory_PrintsItsAddressAndATokenThatWorks_AndStopsCleanlyOnSigterm()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in
            new[] { Path.Combine(AppContext.BaseDirectory, "connector.dll"), "sandbox", "--in-memory", "--port", "0" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var address = await process.StandardOutput.ReadLineAsync(timeout.Token);
            string? tokenLine;
            do
            {
                tokenLine = await process.StandardError.ReadLineAsync(timeout.Token);
            }
            while (tokenLine is not null && !tokenLine.Contains("a token for it", StringComparison.Ordinal));

            var token = TokenPattern().Match(tokenLine ?? "");
            Assert.True(token.Success, $"no token in: {tokenLine}");
            using var http = new HttpClient { BaseAddress = new Uri(address!) };
            using var request = new HttpRequestMessage(
                HttpMethod.Get, $"/contacts/?locationId={token.Groups["location"].Value}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Groups["token"].Value);
            request.Headers.Add("Version", "2021-07-28");
            using var response = await http.SendAsync(request, timeout.Token);
            Assert.Equal(200, (int)response.StatusCode);

            Assert.Equal(0, Kill(process.Id, "TERM"));
            await process.WaitForExitAsync(timeout.Token);
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static int Kill(int pid, string signal)
    {
        using var kill = Process.Start("kill", $"-{signal} {pid}");
        kill.WaitForExit();
        return kill.ExitCode;
    }

    [GeneratedRegex(@"location (?<location>\S+)\): (?<token>\S+)$")]
    private static partial Regex TokenPattern();
}
