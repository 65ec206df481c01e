namespace Connector.Sandbox.Routing;

/// <summary>The operations one method and path template lead to, and the names of that template's parameters.</summary>
internal sealed class RouteEndpoint(string template, IReadOnlyList<string> parameterNames)
{
    public string Template { get; } = template;

    /// <summary>Names of the template's <c>{name}</c> segments, in order.</summary>
    public IReadOnlyList<string> ParameterNames { get; } = parameterNames;

    /// <summary>
    /// Usually one; two operations may share a request (contacts.search and contacts.find both POST
    /// /contacts/search), and the request's checks then pick between them.
    /// </summary>
    public List<OperationPlan> Plans { get; } = [];
}
