using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Operations.Definitions;
using Connector.Operations.Invoking;
using Connector.Recipes.Definitions;
using Connector.Recipes.Storage;
using Connector.Runtime.Json;

namespace Connector.Recipes.Running;

/// <summary>
/// Polls a recipe's trigger and tells new (or changed) items from those seen before. Pages are read
/// until one holds only items already seen (deduplication by id) or to the end (by change, since a
/// changed item does not move up a listing ordered by creation).
/// </summary>
internal sealed class TriggerPoller(OperationInvoker invoker, RunStore store)
{
    /// <summary>What a poll would fire, without remembering anything.</summary>
    public async Task<IReadOnlyList<PolledItem>> FindAsync(
        RecipeDefinition recipe,
        ConnectionContext connection,
        CancellationToken cancellationToken)
    {
        var op = invoker.Catalog.Get(recipe.Trigger.Operation);
        var spec = op.Trigger!;
        var mode = recipe.Trigger.Dedupe ?? (spec.Updated is null ? DedupeMode.Id : DedupeMode.Change);
        var seeded = store.IsSeeded(recipe.Name);
        var found = new List<PolledItem>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var page in invoker.ReadPagesAsync(
            op.Key, (JsonObject)recipe.Trigger.Inputs.DeepClone(), connection, cancellationToken))
        {
            var candidates = page.OfType<JsonNode>()
                .Select(item => new PolledItem(Key(spec, item), Fingerprint(recipe, spec, mode, item), item, true))
                .Where(item => keys.Add(item.Key))
                .ToList();
            var seen = store.Seen(recipe.Name, [.. candidates.Select(c => c.Key)]);
            var fresh = candidates
                .Where(c => !seen.TryGetValue(c.Key, out var fingerprint) || fingerprint != c.Fingerprint)
                .ToList();
            found.AddRange(fresh);
            if (mode == DedupeMode.Id && seeded && fresh.Count < candidates.Count)
            {
                break;
            }
        }

        var ordered = OldestFirst(found, spec);
        if (!seeded)
        {
            return FirstPoll(recipe.Trigger.FirstPoll, ordered, spec);
        }

        // Every page was read (a failed page throws before this), so what was seen and is not listed is gone.
        if (recipe.Trigger.Removals && mode == DedupeMode.Change)
        {
            ordered.AddRange(store.SeenKeys(recipe.Name)
                .Where(key => !keys.Contains(key))
                .Order(StringComparer.Ordinal)
                .Select(key => new PolledItem(key, "removed", Removal(spec, key), Fires: true, Removed: true)));
        }

        return ordered;
    }

    /// <summary>
    /// Polls, remembers what was found and queues a run for each item that fires, in one transaction.
    /// </summary>
    public async Task<IReadOnlyList<RunRecord>> PollAsync(
        RecipeDefinition recipe,
        ConnectionContext connection,
        CancellationToken cancellationToken)
    {
        var items = await FindAsync(recipe, connection, cancellationToken).ConfigureAwait(false);
        return store.CommitPoll(recipe.Name, recipe.Trigger.Operation, items);
    }

    private static List<PolledItem> FirstPoll(
        FirstPoll first,
        List<PolledItem> items,
        TriggerSpec spec) => first.Mode switch
    {
        FirstPollMode.Backfill => [.. items.Select((item, i) => item with { Fires = i >= items.Count - first.Count })],
        FirstPollMode.Since => [.. items.Select(item =>
            item with { Fires = UpdatedAt(item.Item, spec) is { } at && at >= first.Since })],
        _ => [.. items.Select(item => item with { Fires = false })],
    };

    // By the updated field where the trigger has one; otherwise in the order the listing gave.
    private static List<PolledItem> OldestFirst(List<PolledItem> items, TriggerSpec spec) => spec.Updated is null
        ? items
        : [.. items.OrderBy(i => UpdatedAt(i.Item, spec) ?? DateTimeOffset.MinValue)];

    private static DateTimeOffset? UpdatedAt(JsonNode? item, TriggerSpec spec)
    {
        var value = JsonPath.Get(item, spec.Updated);
        return value?.GetValueKind() switch
        {
            JsonValueKind.Number => DateTimeOffset.FromUnixTimeMilliseconds((long)value.GetValue<double>()),
            JsonValueKind.String when long.TryParse(value.GetValue<string>(), out var ms) =>
                DateTimeOffset.FromUnixTimeMilliseconds(ms),
            JsonValueKind.String when DateTimeOffset.TryParse(
                value.GetValue<string>(),
                System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal,
                out var at) => at,
            _ => null,
        };
    }

    private static JsonObject Removal(TriggerSpec spec, string key) => new()
    {
        [spec.Id] = key,
        ["removed"] = true,
    };

    private static string Key(TriggerSpec spec, JsonNode item) =>
        JsonPath.Get(item, spec.Id) is { } id ? Text(id) : "sha256:" + Hash(item);

    private static string Fingerprint(RecipeDefinition recipe, TriggerSpec spec, DedupeMode mode, JsonNode item)
    {
        if (mode == DedupeMode.Id)
        {
            return "seen";
        }

        if (recipe.Trigger.Fields.Count > 0)
        {
            var chosen = new JsonObject();
            foreach (var field in recipe.Trigger.Fields)
            {
                chosen[field] = JsonPath.Get(item, field)?.DeepClone();
            }

            return "sha256:" + Hash(chosen);
        }

        return JsonPath.Get(item, spec.Updated) is { } updated ? Text(updated) : "sha256:" + Hash(item);
    }

    private static string Hash(JsonNode node) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(node.ToJsonString())))[..32];

    private static string Text(JsonNode node) =>
        node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
}
