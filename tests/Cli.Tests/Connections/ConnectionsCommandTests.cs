using System.Text.Json.Nodes;

namespace Connector.Cli.Tests.Connections;

/// <summary>The connections verbs, end to end: they read $CONNECTOR_HOME, so these tests run one at a time.</summary>
[Collection(SharedHome.Name)]
public sealed class ConnectionsCommandTests : IAsyncLifetime
{
    private OAuthWorld _world = null!;

    public async Task InitializeAsync() => _world = (await OAuthWorld.StartAsync()).AsConnectorHome();

    [Fact]
    public async Task Add_OAuth_DrivesTheWholeSignInAndStoresTheConnection()
    {
        var output = new StringWriter();
        var synced = TextWriter.Synchronized(output);
        var error = TextWriter.Synchronized(new StringWriter());
        var adding = CliApplication.RunAsync(
            ["connections", "add", "ghl", "--name", "crm",
             "--client-id", _world.App.ClientId, "--client-secret", _world.App.ClientSecret,
             "--base-url", _world.Sandbox.BaseUrl.ToString(), "--no-browser", "--timeout", "30"],
            synced, error);

        var authorize = await WaitForAuthorizeUrlAsync(output, adding);
        using (var browser = new HttpClient())
        {
            var page = await browser.GetStringAsync(authorize);
            Assert.Contains("Connected", page);
        }

        Assert.Equal(0, await adding);
        Assert.Contains("Connection 'crm' saved (OAuth, location ve9EPM428h8vShlRW1KT", output.ToString());

        var shown = await CliRun.ExecuteAsync("connections", "show", "crm");
        var connection = JsonNode.Parse(shown.Output)!;
        Assert.Equal("active", connection["status"]!.GetValue<string>());
        Assert.Contains("contacts.write", connection["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        var stored = _world.Connections.Get("crm");
        Assert.DoesNotContain(stored.AccessToken!, shown.Output);
        Assert.DoesNotContain(stored.RefreshToken!, shown.Output);
        Assert.DoesNotContain(_world.App.ClientSecret, shown.Output + output);

        var invoked = await CliRun.ExecuteAsync("invoke", "contacts.get", "--example", "--connection", "crm");
        Assert.True(invoked.ExitCode == 0, invoked.Error);
        Assert.Equal("seD4PfOuKoVMLkEZqohJ", JsonNode.Parse(invoked.Output)!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Add_PrivateToken_ThenListTestAndRemove()
    {
        var token = await _world.Sandbox.CreatePrivateTokenAsync(scopes: ["contacts.readonly", "locations.readonly"]);

        var added = await CliRun.ExecuteAsync("connections", "add", "ghl", "--name", "pit", "--token", token.Token,
            "--location-id", token.LocationId!, "--base-url", _world.Sandbox.BaseUrl.ToString());
        var listed = await CliRun.ExecuteAsync("connections", "list");
        var tested = await CliRun.ExecuteAsync("connections", "test", "pit");
        var removed = await CliRun.ExecuteAsync("connections", "remove", "pit");

        Assert.True(added.ExitCode == 0, added.Error);
        Assert.Contains("pit", listed.Output);
        Assert.Contains("active", listed.Output);
        Assert.True(tested.ExitCode == 0, tested.Error);
        Assert.Contains("OK: locations.get answered", tested.Output);
        Assert.Equal(0, removed.ExitCode);
        Assert.Null(_world.Connections.Find("pit"));
        Assert.DoesNotContain(token.Token, added.Output + listed.Output + tested.Output + _world.HomeContents());
    }

    [Fact]
    public async Task List_ConnectionNeedingReauthorization_SaysSo_AndInvokeRefusesIt()
    {
        await _world.SignInAsync("crm");
        Assert.True(_world.Connections.TryMarkNeedsReauthorization("crm", _world.Connections.Get("crm").Generation));

        var listed = await CliRun.ExecuteAsync("connections", "list");
        var invoked = await CliRun.ExecuteAsync("invoke", "contacts.get", "--example", "--connection", "crm");

        Assert.Contains("needs re-authorization", listed.Output);
        Assert.Equal(1, invoked.ExitCode);
        Assert.Contains("connection 'crm' needs re-authorization", invoked.Error);
    }

    private static async Task<Uri> WaitForAuthorizeUrlAsync(StringWriter output, Task<int> adding)
    {
        for (var i = 0; i < 200 && !adding.IsCompleted; i++)
        {
            var line = output.ToString().Split('\n')
                .FirstOrDefault(l => l.StartsWith("http", StringComparison.Ordinal));
            if (line is not null)
            {
                return new Uri(line.Trim());
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException(
            "no authorize address was printed; "
            + $"the command ended with {(adding.IsCompleted ? adding.Result : -1)}");
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();
}
