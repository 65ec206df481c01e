using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Connector.Sandbox.Tests.Support;

namespace Connector.Sandbox.Tests;

/// <summary>Starting and stopping, and the admin routes other processes drive a sandbox with.</summary>
public sealed class HostingTests
{
    [Fact]
    public async Task Port_zero_picks_a_free_loopback_port_and_a_taken_port_fails_the_start()
    {
        await using var first = await SandboxServer.StartAsync(new SandboxOptions { Catalog = TestCatalog.Value });

        var taken = new SandboxOptions { Catalog = TestCatalog.Value, Port = first.BaseUrl.Port };

        Assert.Equal("127.0.0.1", first.BaseUrl.Host);
        Assert.NotEqual(0, first.BaseUrl.Port);
        await Assert.ThrowsAnyAsync<IOException>(() => SandboxServer.StartAsync(taken));
    }

    [Fact]
    public async Task Stopped_sandbox_no_longer_accepts_connections()
    {
        var sandbox = await SandboxServer.StartAsync(new SandboxOptions { Catalog = TestCatalog.Value });
        using var http = new HttpClient { BaseAddress = sandbox.BaseUrl };

        await sandbox.DisposeAsync();

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("_sandbox/health"));
        Assert.IsType<SocketException>(failure.InnerException);
    }

    [Fact]
    public async Task Admin_routes_mint_tokens_and_reset_the_data_for_other_processes()
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { Catalog = TestCatalog.Value });
        using var http = new HttpClient { BaseAddress = sandbox.BaseUrl };
        using var ask = new StringContent("""{"scopes":"contacts.readonly contacts.write"}""", Encoding.UTF8,
            "application/json");
        using var minted = await http.PostAsync("_sandbox/tokens", ask);
        var token = JsonNode.Parse(await minted.Content.ReadAsStringAsync())!["token"]!.GetValue<string>();
        await Api.SendAsync(http, Api.Request(HttpMethod.Delete, $"contacts/{WellKnownIds.Contact}", token));

        using var reset = await http.PostAsync("_sandbox/reset", null);
        var (status, _, _) = await Api.GetAsync(http, $"contacts/{WellKnownIds.Contact}", token);

        Assert.StartsWith("pit-", token, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(200, status);
    }
}
