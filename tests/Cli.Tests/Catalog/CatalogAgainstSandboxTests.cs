using System.Net;
using System.Text.Json.Nodes;
using Connector.Operations.Definitions;
using Connector.Operations.Invoking;
using Connector.Operations.Tests.Support;
using Connector.Runtime.Auth;
using Connector.Runtime.Http;
using Connector.Runtime.Http.RateLimiting;
using Connector.Sandbox;

namespace Connector.Cli.Tests.Catalog;

/// <summary>
/// Every GHL operation of the catalog, invoked with its example through the runtime, against the sandbox
/// (TrainerCentral's are in tests/Operations.Tests/TrainerCentral, with their own tokens).
/// </summary>
public sealed class CatalogAgainstSandboxTests : IAsyncLifetime
{
    private SandboxServer _sandbox = null!;
    private ConnectorClients _clients = null!;
    private OperationInvoker _invoker = null!;
    private ConnectionContext _location = null!;
    private ConnectionContext _agency = null!;

    public static TheoryData<string> Keys => [.. ShippedCatalog.Instance.Operations
        .Where(o => o.Connector.Key == "ghl")
        .Select(o => o.Key)];

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxServer.StartAsync(new SandboxOptions
        {
            Catalog = ShippedCatalog.Instance,
            RateLimits = new SandboxRateLimits { BurstLimit = 100_000, DailyLimit = 1_000_000 },
        });
        _clients = new ConnectorClients(new InvokerOptions
        {
            MaxRetries = 0,
            RateLimiter = new RateLimiterOptions { Enabled = false },
        });
        _invoker = new OperationInvoker(ShippedCatalog.Instance, _clients);
        var location = await _sandbox.CreatePrivateTokenAsync();
        var company = await _sandbox.CreateCompanyTokenAsync();
        _location = new ConnectionContext
        {
            Name = "location",
            Auth = new StaticTokenSource(location.Token),
            BaseUrl = _sandbox.BaseUrl,
            LocationId = location.LocationId,
            CompanyId = location.CompanyId,
            TokenType = TokenType.Location,
        };
        _agency = _location with
        {
            Name = "agency",
            Auth = new StaticTokenSource(company.Token),
            TokenType = TokenType.Company,
        };
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task Example_ThroughTheRuntime_Succeeds(string key)
    {
        var op = ShippedCatalog.Instance.Get(key);
        var connection = op.TokenTypes.Contains(TokenType.Location) ? _location : _agency;

        var result = await _invoker.InvokeAsync(key, (JsonObject)op.Example.DeepClone(), connection);

        Assert.InRange(result.StatusCode, 200, 299);
    }

    [Theory]
    [InlineData("contacts.create", "contacts.get", "contactId", "contacts.delete")]
    [InlineData("calendars.create", "calendars.get", "calendarId", "calendars.delete")]
    [InlineData("opportunities.create", "opportunities.get", "id", "opportunities.delete")]
    [InlineData("businesses.create", "businesses.get", "businessId", "businesses.delete")]
    [InlineData("users.create", "users.get", "userId", "users.delete")]
    [InlineData("calendars.groups.create", null, "groupId", "calendars.groups.delete")]
    public async Task Created_CanBeReadBack_AndDeleted_IsGone(string create, string? get, string idInput, string delete)
    {
        var created = await _invoker.InvokeAsync(create, Example(create), _location);
        var id = Id(created.Output);

        if (get is not null)
        {
            var read = await _invoker.InvokeAsync(get, new JsonObject { [idInput] = id }, _location);
            Assert.Equal(id, Id(read.Output));
        }

        await _invoker.InvokeAsync(delete, new JsonObject { [idInput] = id }, _location);
        if (get is not null)
        {
            var gone = await Assert.ThrowsAsync<ApiException>(
                () => _invoker.InvokeAsync(get, new JsonObject { [idInput] = id }, _location));
            Assert.Equal((int)HttpStatusCode.NotFound, gone.StatusCode);
        }
    }

    [Fact]
    public async Task ContactNote_Created_IsListed_AndDeleted_IsNot()
    {
        var contact = "seD4PfOuKoVMLkEZqohJ";
        var note = await _invoker.InvokeAsync(
            "contacts.notes.create",
            new JsonObject { ["contactId"] = contact, ["body"] = "Called back" },
            _location);
        var id = Id(note.Output);

        var listed = await Notes(contact);
        await _invoker.InvokeAsync(
            "contacts.notes.delete",
            new JsonObject { ["contactId"] = contact, ["id"] = id },
            _location);
        var after = await Notes(contact);

        Assert.Contains(id, listed);
        Assert.DoesNotContain(id, after);
    }

    private async Task<List<string>> Notes(string contact)
    {
        var result = await _invoker.InvokeAsync(
            "contacts.notes.list",
            new JsonObject { ["contactId"] = contact },
            _location);
        return [.. result.Output!["notes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>())];
    }

    private static JsonObject Example(string key) => (JsonObject)ShippedCatalog.Instance.Get(key).Example.DeepClone();

    private static string Id(JsonNode? output) =>
        (output?["id"] ?? output?["_id"])?.GetValue<string>()
        ?? throw new InvalidOperationException($"no id in {output?.ToJsonString()}");

    public async Task DisposeAsync()
    {
        _clients.Dispose();
        await _sandbox.DisposeAsync();
    }
}
