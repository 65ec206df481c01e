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

        var prefix = key.Split('.')[0];
        var near = _operations.Keys.Where(k => k.StartsWith(prefix + ".", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).Take(5).ToList();
        var hint = near.Count > 0 ? $" Did you mean {string.Join(", ", near)}?" : " See `connector ops list`.";
        throw new KeyNotFoundException($"No operation '{key}' in the catalog.{hint}");
    }

    public ConnectorDefinition GetConnector(string key) =>
        Connectors.FirstOrDefault(c => c.Key == key)
        ?? throw new KeyNotFoundException($"No connector '{key}' in the catalog.");
}
