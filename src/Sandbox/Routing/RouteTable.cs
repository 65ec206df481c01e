namespace Connector.Sandbox.Routing;

/// <summary>
/// Finds the operation a request is for, from the catalog's method and path templates. Segments are
/// matched one at a time; a literal segment is tried before a parameter (so /contacts/search wins over
/// /contacts/{contactId}), and a literal branch that leads nowhere falls back to the parameter.
/// Trailing slashes do not matter (/contacts/ and /contacts are the same path).
/// </summary>
internal sealed class RouteTable
{
    private readonly Node _root = new();

    public void Add(string method, string template, OperationPlan plan)
    {
        var node = _root;
        var names = new List<string>();
        foreach (var segment in Split(template))
        {
            if (segment.Length > 2 && segment[0] == '{' && segment[^1] == '}')
            {
                names.Add(segment[1..^1]);
                node = node.Parameter ??= new Node();
            }
            else
            {
                if (!node.Literals.TryGetValue(segment, out var child))
                {
                    child = node.Literals[segment] = new Node();
                }

                node = child;
            }
        }

        if (!node.Endpoints.TryGetValue(method, out var endpoint))
        {
            endpoint = new RouteEndpoint(template, names);
            node.Endpoints[method] = endpoint;
        }

        endpoint.Plans.Add(plan);
    }

    public RouteMatch? Match(string method, string path)
    {
        var segments = Split(path);
        var values = new List<string>(4);
        return Find(_root, segments, 0, method, values) is { } endpoint
            ? new RouteMatch(endpoint, [.. values])
            : null;
    }

    private static string[] Split(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);

    private static RouteEndpoint? Find(Node node, string[] segments, int index, string method, List<string> values)
    {
        if (index == segments.Length)
        {
            return node.Endpoints.GetValueOrDefault(method);
        }

        if (node.Literals.TryGetValue(segments[index], out var literal)
            && Find(literal, segments, index + 1, method, values) is { } found)
        {
            return found;
        }

        if (node.Parameter is not { } parameter)
        {
            return null;
        }

        values.Add(segments[index]);
        if (Find(parameter, segments, index + 1, method, values) is { } viaParameter)
        {
            return viaParameter;
        }

        values.RemoveAt(values.Count - 1);
        return null;
    }

    private sealed class Node
    {
        public Dictionary<string, Node> Literals { get; } = new(StringComparer.Ordinal);

        public Node? Parameter { get; set; }

        public Dictionary<string, RouteEndpoint> Endpoints { get; } = new(StringComparer.OrdinalIgnoreCase);
    }
}
