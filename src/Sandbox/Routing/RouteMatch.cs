namespace Connector.Sandbox.Routing;

/// <summary>The endpoint a request reached and the values of its path parameters, in template order.</summary>
internal sealed class RouteMatch(RouteEndpoint endpoint, string[] values)
{
    public RouteEndpoint Endpoint { get; } = endpoint;

    /// <summary>The value of a path parameter; null when the template has no such parameter.</summary>
    public string? Value(string name)
    {
        var names = Endpoint.ParameterNames;
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return values[i];
            }
        }

        return null;
    }
}
