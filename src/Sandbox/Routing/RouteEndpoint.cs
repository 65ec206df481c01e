namespace Connector.Sandbox.Routing;

/// <summary>The operations a method and path template lead to, with the template's parameter names.</summary>
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
