using System.Text.Json.Nodes;
using Connector.Sandbox.Tests.Support;

namespace Connector.Sandbox.Tests;

/// <summary>A sandbox with a data folder keeps its objects, credentials and seed across a restart.</summary>
public sealed class PersistenceTests : IDisposable
{
    private readonly string _folder =
        Path.Combine(Path.GetTempPath(), "sandbox-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Contact_created_before_a_restart_is_there_after_it_and_the_token_still_works()
    {
        string token;
        string id;
        await using (var first = await StartAsync(seed: 5))
        {
            using var http = new HttpClient { BaseAddress = first.BaseUrl };
            token = (await first.CreatePrivateTokenAsync()).Token;
            var (_, created, _) = await Api.PostAsync(http, "contacts/", token, new JsonObject
            {
                ["locationId"] = WellKnownIds.Location,
                ["firstName"] = "Ines",
                ["email"] = "ines@example.com",
            });
            id = created!["contact"]!["id"]!.GetValue<string>();
        }

        await using var second = await StartAsync(seed: 9);
        using var again = new HttpClient { BaseAddress = second.BaseUrl };
        var (status, body, _) = await Api.GetAsync(again, $"contacts/{id}", token);
        var list = $"contacts/?locationId={WellKnownIds.Location}&limit=100";
        var (_, listed, _) = await Api.GetAsync(again, list, token);

        Assert.Equal(200, status);
        Assert.Equal("ines@example.com", body!["contact"]!["email"]!.GetValue<string>());
        Assert.Equal(5, second.Data.Seed);
        Assert.Equal(5 + 2 + 1, listed!["meta"]!["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Token_added_to_a_folder_while_its_sandbox_runs_works_at_once()
    {
        await using var running = await StartAsync(seed: 0);
        var options = new SandboxOptions { Catalog = TestCatalog.Value, DataFolder = _folder };
        await using var data = await SandboxData.OpenAsync(options);
        var token = await data.CreatePrivateTokenAsync(scopes: ["contacts.readonly"]);
        using var http = new HttpClient { BaseAddress = running.BaseUrl };

        var (status, _, _) = await Api.GetAsync(http, $"contacts/{WellKnownIds.Contact}", token.Token);

        Assert.Equal(200, status);
        Assert.Equal(["contacts.readonly"], token.Scopes);
        Assert.Equal(WellKnownIds.Company, token.CompanyId);
    }

    [Fact]
    public async Task Reset_puts_the_seeded_objects_back()
    {
        await using var sandbox = await StartAsync(seed: 0);
        using var http = new HttpClient { BaseAddress = sandbox.BaseUrl };
        var token = (await sandbox.CreatePrivateTokenAsync()).Token;
        await Api.SendAsync(http, Api.Request(HttpMethod.Delete, $"contacts/{WellKnownIds.Contact}", token));
        var (deleted, _, _) = await Api.GetAsync(http, $"contacts/{WellKnownIds.Contact}", token);

        await sandbox.ResetAsync();
        var (restored, _, _) = await Api.GetAsync(http, $"contacts/{WellKnownIds.Contact}", token);

        Assert.Equal(404, deleted);
        Assert.Equal(200, restored);
    }

    private Task<SandboxServer> StartAsync(int seed) =>
        SandboxServer.StartAsync(new SandboxOptions
        {
            Catalog = TestCatalog.Value,
            DataFolder = _folder,
            Seed = seed,
        });
}
