using System.Net.Http.Headers;
using Connector.Sandbox.Tests.Support;

namespace Connector.Sandbox.Tests;

public sealed class SmokeTests
{
    [Fact]
    public async Task Smoke()
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { Catalog = TestCatalog.Value, Seed = 20 });
        var token = await sandbox.CreatePrivateTokenAsync();
        using var http = new HttpClient { BaseAddress = sandbox.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        http.DefaultRequestHeaders.Add("Version", "2021-07-28");
        foreach (var path in new[] { "contacts/seD4PfOuKoVMLkEZqohJ", "contacts/?locationId=ve9EPM428h8vShlRW1KT&limit=3", "nope" })
        {
            var response = await http.GetAsync(path);
            Console.WriteLine($"{(int)response.StatusCode} {string.Join(",", response.Headers.Select(h => h.Key + "=" + string.Join("", h.Value)))}\n{await response.Content.ReadAsStringAsync()}");
        }
    }
}
