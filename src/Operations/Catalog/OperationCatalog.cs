using Connector.Operations.Definitions;

namespace Connector.Operations.Catalog;

/// <summary>Every operation that loaded cleanly, by key.</summary>
public sealed class OperationCatalog
{
    private readonly Dictionary<string, OperationDefinition> _operations;

    public OperationCatalog(IEnumerable<ConnectorDefinition> connectors, IEnumerable<OperationDefinition> operations)
    {
        Connectors = connectors.ToList();
        _operations = operations.ToDictionary(o => o.Key, StringComparer.Ordinal);
    }

    public IReadOnlyList<ConnectorDefinition> Connectors { get; }

    /// <summary>All operations, ordered by category and key.</summary>
    public IEnumerable<OperationDefinition> Operations =>
        _operations.Values.OrderBy(o => o.Category, StringComparer.Ordinal).ThenBy(o => o.Key, StringComparer.Ordinal);

    public int Count => _operations.Count;

    public bool TryGet(string key, out OperationDefinition operation) => _operations.TryGetValue(key, out operation!);

    /// <summary>The operation of that key.</summary>
    /// <exception cref="KeyNotFoundException">No such operation; the message suggests close keys.</exception>
    public OperationDefinition Get(string key)
    {
        if (_operations.TryGetValue(key, out var operation))
        {
            return operation;
        }

        var near = _operations.Keys
            .Select(k => (Key: k, Distance: EditDistance(key, k)))
            .Where(k => k.Distance <= Math.Max(2, key.Length / 4))
            .OrderBy(k => k.Distance).ThenBy(k => k.Key, StringComparer.Ordinal)
            .Take(3).Select(k => k.Key).ToList();
        var hint = near.Count > 0 ? $" Did you mean {string.Join(", ", near)}?" : " See `connector ops list`.";
        throw new KeyNotFoundException($"No operation '{key}' in the catalog.{hint}");
    }

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            previous = current;
        }

        return previous[b.Length];
    }

    public ConnectorDefinition GetConnector(string key) =>
        Connectors.FirstOrDefault(c => c.Key == key)
        ?? throw new KeyNotFoundException($"No connector '{key}' in the catalog.");
}
