using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Connector.Operations.Definitions;
using Connector.Runtime.Json;

namespace Connector.Operations.Invoking;

/// <summary>Reads a trigger's listing page after page, in the paging style its definition declares.</summary>
internal sealed class PageReader(
    OperationInvoker invoker,
    CompiledOperation operation,
    JsonObject scope,
    ConnectionContext connection,
    int maxPages)
{
    private readonly TriggerSpec _trigger = operation.Definition.Trigger!;

    /// <summary>The listing's pages, each as the items it held, until the last page or the page limit.</summary>
    public async IAsyncEnumerable<IReadOnlyList<JsonNode?>> ReadAsync(
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var paging = _trigger.Paging;
        var cursor = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        for (var page = 0; page < maxPages; page++)
        {
            var request = OperationInvoker.Render(operation, scope);
            var pageSize = Apply(paging, request, page, cursor);
            var result = await invoker.SendAsync(operation, scope, request, connection, cancellationToken)
                .ConfigureAwait(false);
            var items = Items(result.Output);
            yield return items;

            if (!HasNextPage(paging, pageSize, result, RawPage(result, items), cursor))
            {
                yield break;
            }
        }
    }

    // Whether a page was short is a fact of the listing, not of what an after transform kept of it.
    private List<JsonNode?> RawPage(InvocationResult result, List<JsonNode?> items) =>
        operation.After is not null
        && JsonPath.Get(JsonPath.Get(result.Response, operation.Definition.Output.Path), _trigger.Items)
            is JsonArray raw
            ? [.. raw]
            : items;

    private List<JsonNode?> Items(JsonNode? output) => JsonPath.Get(output, _trigger.Items) switch
    {
        JsonArray array => [.. array.Select(i => i?.DeepClone())],
        null => [],
        var single => [single.DeepClone()],
    };

    /// <summary>Sets the paging parameters of one page; returns the page size asked for.</summary>
    private static int Apply(PagingSpec paging, RenderedRequest request, int page, Dictionary<string, JsonNode?> cursor)
    {
        if (paging.Style == PagingStyle.None)
        {
            return 0;
        }

        var target = paging.In == "body" ? request.Body as JsonObject ?? [] : request.Query;
        if (paging.In == "body")
        {
            request.Body = target;
        }

        if (paging.Limit is { } limit && !target.ContainsKey(limit))
        {
            target[limit] = paging.PageSize;
        }

        switch (paging.Style)
        {
            case PagingStyle.SkipLimit:
                target[paging.Skip!] = page * PageSize(paging, target);
                break;
            case PagingStyle.Page:
                target[paging.Page!] = paging.FirstPage + page;
                break;
            default:
                foreach (var (name, value) in cursor)
                {
                    target[name] = value?.DeepClone();
                }

                break;
        }

        return PageSize(paging, target);
    }

    private static int PageSize(PagingSpec paging, JsonObject target) =>
        paging.Limit is { } limit && target[limit] is JsonValue value
        && int.TryParse(value.ToString(), out var size) && size > 0 ? size : paging.PageSize;

    private static bool HasNextPage(
        PagingSpec paging,
        int pageSize,
        InvocationResult result,
        List<JsonNode?> items,
        Dictionary<string, JsonNode?> cursor)
    {
        if (paging.Style == PagingStyle.None || items.Count == 0)
        {
            return false;
        }

        if (paging.HasMore is { } hasMore)
        {
            var more = JsonPath.Get(result.Response, hasMore);
            if (more is JsonValue flag && flag.TryGetValue<bool>(out var isMore))
            {
                return isMore && Advance(paging, result, items, cursor);
            }
        }

        return items.Count >= pageSize && Advance(paging, result, items, cursor);
    }

    // Cursor styles move only when every cursor value is present and at least one changed.
    private static bool Advance(
        PagingSpec paging,
        InvocationResult result,
        List<JsonNode?> items,
        Dictionary<string, JsonNode?> cursor)
    {
        if (paging.Style is not (PagingStyle.StartAfter or PagingStyle.SearchAfter))
        {
            return true;
        }

        var next = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (name, source) in paging.Cursor)
        {
            var value = source.StartsWith("$last.", StringComparison.Ordinal)
                ? JsonPath.Get(items[^1], source["$last.".Length..])
                : JsonPath.Get(result.Response, source);
            if (value is null)
            {
                return false;
            }

            next[name] = value.DeepClone();
        }

        var moved = next.Any(p => !cursor.TryGetValue(p.Key, out var old) || !JsonNode.DeepEquals(old, p.Value));
        foreach (var (name, value) in next)
        {
            cursor[name] = value;
        }

        return moved;
    }
}
