using System.Net;
using System.Text.Json.Nodes;
using Connector.Operations.Definitions;
using Connector.Operations.Invoking;
using Connector.Operations.Tests.Support;
using Connector.Runtime.Http;
using Connector.Runtime.Templating;

namespace Connector.Cli.Tests.Catalog;

/// <summary>
/// Every writing GHL operation, invoked with its example through the runtime against a freshly seeded
/// sandbox, has a real effect: what is created is read back with the example's values, what is updated
/// shows the new value, what is deleted is gone. <see cref="CatalogEffects.Unreadable"/> names the few
/// whose effect nothing reads, with the reason.
/// </summary>
public sealed class CatalogEffectsTests : IAsyncLifetime
{
    private SandboxCatalog _world = null!;

    public static TheoryData<string> ReadableWrites => [.. CatalogEffects.Readable.Keys.Order(StringComparer.Ordinal)];

    public static TheoryData<string> WritesReadInTheSandbox =>
        [.. CatalogEffects.ReadInTheSandbox.Keys.Order(StringComparer.Ordinal)];

    public async Task InitializeAsync() => _world = await SandboxCatalog.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public void EveryWritingOperation_IsReadBackOrListedWithItsReason()
    {
        var writes = ShippedCatalog.Instance.Operations
            .Where(o => o.Connector.Key == "ghl" && o.Kind == OperationKind.Action && o.Request.Method != "GET")
            .Select(o => o.Key)
            .ToHashSet(StringComparer.Ordinal);

        var accounted = CatalogEffects.Readable.Keys
            .Concat(CatalogEffects.ReadInTheSandbox.Keys)
            .Concat(CatalogEffects.Unreadable.Keys)
            .ToList();

        Assert.Empty(writes.Except(accounted).Order(StringComparer.Ordinal));
        Assert.Empty(accounted.Except(writes));
        Assert.Equal(accounted.Count, accounted.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(ReadableWrites))]
    public async Task Write_WithItsExample_HasAnEffectTheReadShows(string key)
    {
        var effect = CatalogEffects.Readable[key];
        var writer = Connection(ShippedCatalog.Instance.Get(key));
        if (effect.Before is { } before)
        {
            await InvokeAsync(before, Example(before));
        }

        // A read that names the write's output can only run after it; any other must not show the
        // effect before the write, or the row would pass without the write doing anything.
        var scope = Example(key);
        var dependsOnOutput = effect.ReadInputs.Contains("{{output", StringComparison.Ordinal)
            || effect.Expect.Any(e => e.ToString().Contains("{{output", StringComparison.Ordinal));
        var earlier = dependsOnOutput ? [] : await ProblemsAsync(effect, scope, writer);
        var written = await InvokeAsync(key, Example(key));
        scope["output"] = written.Output?.DeepClone();
        var problems = await ProblemsAsync(effect, scope, writer);

        Assert.True(problems.Count == 0, $"after {key}, {effect.Read}: {string.Join("; ", problems)}");
        Assert.True(dependsOnOutput || earlier.Count > 0, $"{effect.Read} showed the effect before {key} ran");
    }

    private async Task<List<string>> ProblemsAsync(Effect effect, JsonObject scope, ConnectionContext writer)
    {
        var inputs = (JsonObject)JsonTemplate.Compile(JsonNode.Parse(effect.ReadInputs)).Render(scope)!;
        var (status, output) = await ReadAsync(effect.Read, inputs, writer);
        return [.. effect.Expect
            .Select(expectation => status == (int)HttpStatusCode.NotFound
                ? expectation == Expectation.Gone ? null : $"{inputs.ToJsonString()} answers 404"
                : expectation.Problem(output, scope))
            .OfType<string>()];
    }

    [Theory]
    [MemberData(nameof(WritesReadInTheSandbox))]
    public async Task Write_WithItsExample_ChangesTheMembershipTheSandboxKeeps(string key)
    {
        var membership = CatalogEffects.ReadInTheSandbox[key];
        if (membership.Before is { } before)
        {
            await InvokeAsync(before, Example(before));
        }

        var existing = Memberships(membership, Example(membership.Before ?? key));
        await InvokeAsync(key, Example(key));
        var after = Memberships(membership, Example(membership.Before ?? key));

        Assert.Equal(!membership.Present, existing.Count > 0);
        Assert.Equal(membership.Present, after.Count > 0);
    }

    private List<string> Memberships(Membership membership, JsonObject example)
    {
        var prefix = example["contactId"]!.GetValue<string>() + ":";
        var target = membership.Parameter is { } name ? example[name]!.GetValue<string>() : null;
        return [.. _world.Sandbox.Data.State.Store.List(membership.Type)
            .Select(d => d.Id)
            .Where(id => id.StartsWith(prefix, StringComparison.Ordinal) && (target is null || id == prefix + target))];
    }

    private async Task<(int StatusCode, JsonNode? Output)> ReadAsync(
        string key,
        JsonObject inputs,
        ConnectionContext writer)
    {
        try
        {
            var result = await InvokeAsync(key, inputs, writer);
            return (result.StatusCode, result.Output);
        }
        catch (ApiException missing) when (missing.StatusCode == (int)HttpStatusCode.NotFound)
        {
            return (missing.StatusCode, null);
        }
    }

    /// <summary>Invokes with the connection <paramref name="preferred"/> when the operation takes its token.</summary>
    private Task<InvocationResult> InvokeAsync(string key, JsonObject inputs, ConnectionContext? preferred = null)
    {
        var op = ShippedCatalog.Instance.Get(key);
        var connection = preferred is not null && preferred.TokenType is { } type && op.TokenTypes.Contains(type)
            ? preferred
            : Connection(op);
        var accepted = new JsonObject();
        foreach (var (name, value) in inputs.Where(p => op.FindInput(p.Key) is not null))
        {
            accepted[name] = value?.DeepClone();
        }

        return _world.Invoker.InvokeAsync(key, accepted, connection);
    }

    private ConnectionContext Connection(OperationDefinition op) =>
        op.TokenTypes.Contains(TokenType.Location) ? _world.Location : _world.Agency;

    private static JsonObject Example(string key) => (JsonObject)ShippedCatalog.Instance.Get(key).Example.DeepClone();
}
