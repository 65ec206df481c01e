using System.Net;
using System.Text.Json.Nodes;
using Connector.Operations.Definitions;
using Connector.Operations.Invoking;
using Connector.Operations.Tests.Support;
using Connector.Runtime.Http;

namespace Connector.Cli.Tests.Catalog;

/// <summary>
/// Every GHL operation of the catalog, invoked with its example through the runtime, against the sandbox
/// (TrainerCentral's are in tests/Operations.Tests/TrainerCentral, with their own tokens).
/// </summary>
public sealed class CatalogAgainstSandboxTests : IAsyncLifetime
{
    private SandboxCatalog _world = null!;

    public static TheoryData<string> Keys => [.. ShippedCatalog.Instance.Operations
        .Where(o => o.Connector.Key == "ghl")
        .Select(o => o.Key)];

    public async Task InitializeAsync() => _world = await SandboxCatalog.StartAsync();

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task Example_ThroughTheRuntime_Succeeds(string key)
    {
        var op = ShippedCatalog.Instance.Get(key);
        var connection = op.TokenTypes.Contains(TokenType.Location) ? _world.Location : _world.Agency;

        var result = await _world.Invoker.InvokeAsync(key, (JsonObject)op.Example.DeepClone(), connection);

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
        var created = await _world.Invoker.InvokeAsync(create, Example(create), _world.Location);
        var id = Id(created.Output);

        if (get is not null)
        {
            var read = await _world.Invoker.InvokeAsync(get, new JsonObject { [idInput] = id }, _world.Location);
            Assert.Equal(id, Id(read.Output));
        }

        await _world.Invoker.InvokeAsync(delete, new JsonObject { [idInput] = id }, _world.Location);
        if (get is not null)
        {
            var gone = await Assert.ThrowsAsync<ApiException>(
                () => _world.Invoker.InvokeAsync(get, new JsonObject { [idInput] = id }, _world.Location));
            Assert.Equal((int)HttpStatusCode.NotFound, gone.StatusCode);
        }
    }

    [Fact]
    public async Task ContactNote_Created_IsListed_AndDeleted_IsNot()
    {
        var contact = "seD4PfOuKoVMLkEZqohJ";
        var note = await _world.Invoker.InvokeAsync(
            "contacts.notes.create",
            new JsonObject { ["contactId"] = contact, ["body"] = "Called back" },
            _world.Location);
        var id = Id(note.Output);

        var listed = await Notes(contact);
        await _world.Invoker.InvokeAsync(
            "contacts.notes.delete",
            new JsonObject { ["contactId"] = contact, ["id"] = id },
            _world.Location);
        var after = await Notes(contact);

        Assert.Contains(id, listed);
        Assert.DoesNotContain(id, after);
    }

    private async Task<List<string>> Notes(string contact)
    {
        var result = await _world.Invoker.InvokeAsync(
            "contacts.notes.list",
            new JsonObject { ["contactId"] = contact },
            _world.Location);
        return [.. result.Output!["notes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>())];
    }

    private static JsonObject Example(string key) => (JsonObject)ShippedCatalog.Instance.Get(key).Example.DeepClone();

    private static string Id(JsonNode? output) =>
        (output?["id"] ?? output?["_id"])?.GetValue<string>()
        ?? throw new InvalidOperationException($"no id in {output?.ToJsonString()}");

    public async Task DisposeAsync() => await _world.DisposeAsync();
}
