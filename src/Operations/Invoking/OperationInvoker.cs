using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Connector.Operations.Catalog;
using Connector.Operations.Definitions;
using Connector.Operations.Validation;
using Connector.Runtime.Http;
using Connector.Runtime.Json;

namespace Connector.Operations.Invoking;

/// <summary>
/// Runs operations of the catalog: checks the inputs and the connection, renders the request, runs
/// the transforms and sends it through the connector's shared pipeline. Thread-safe; one per process.
/// </summary>
public sealed partial class OperationInvoker(
    OperationCatalog catalog,
    ConnectorClients clients,
    InvokerOptions? options = null)
{
    private readonly InvokerOptions _options = options ?? new InvokerOptions();
    private readonly ConcurrentDictionary<string, CompiledOperation> _compiled = new(StringComparer.Ordinal);

    public OperationCatalog Catalog => catalog;

    /// <summary>Runs the operation of <paramref name="key"/> once and returns its output.</summary>
    /// <exception cref="OperationException">The inputs, the connection, a script or the vendor failed it.</exception>
    public async Task<InvocationResult> InvokeAsync(
        string key,
        JsonObject inputs,
        ConnectionContext connection,
        CancellationToken cancellationToken = default)
    {
        var operation = Compile(catalog.Get(key));
        var scope = Bind(operation, inputs, connection);
        var request = Render(operation, scope);
        return await SendAsync(operation, scope, request, connection, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a trigger's items, page after page, as its paging style says.</summary>
    public async IAsyncEnumerable<JsonNode?> ReadItemsAsync(
        string key,
        JsonObject inputs,
        ConnectionContext connection,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var page in ReadPagesAsync(key, inputs, connection, cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in page)
            {
                yield return item;
            }
        }
    }

    /// <summary>Reads a trigger's listing page by page; the caller may stop between pages.</summary>
    public IAsyncEnumerable<IReadOnlyList<JsonNode?>> ReadPagesAsync(
        string key,
        JsonObject inputs,
        ConnectionContext connection,
        CancellationToken cancellationToken = default)
    {
        var operation = Compile(catalog.Get(key));
        if (operation.Definition.Trigger is null)
        {
            throw new InvocationException(key, "is an action: only triggers list items");
        }

        var scope = Bind(operation, inputs, connection);
        return new PageReader(this, operation, scope, connection, _options.MaxPages).ReadAsync(cancellationToken);
    }

    /// <summary>
    /// The request an invocation would send (after templating and the before transform), sending nothing.
    /// </summary>
    public JsonObject Preview(string key, JsonObject inputs, ConnectionContext connection)
    {
        var operation = Compile(catalog.Get(key));
        var scope = Bind(operation, inputs, connection);
        var request = Render(operation, scope);
        ApplyBefore(operation, scope, request);
        var preview = request.ToJson();
        preview["baseUrl"] = (connection.BaseUrl ?? operation.Definition.Connector.BaseUrl).ToString();
        return preview;
    }

    internal CompiledOperation Compile(OperationDefinition definition) =>
        _compiled.GetOrAdd(
            definition.Key,
            static (_, state) => new CompiledOperation(state.Definition, state.Scripts),
            (Definition: definition, _options.Scripts));

    /// <summary>Checks the inputs and builds the scope templates render from: inputs plus <c>connection</c>.</summary>
    internal static JsonObject Bind(CompiledOperation operation, JsonObject inputs, ConnectionContext connection)
    {
        var op = operation.Definition;
        CheckConnection(op, connection);
        var scope = new JsonObject { ["connection"] = ConnectionValues(connection) };
        foreach (var (key, _) in inputs)
        {
            if (!operation.InputKeys.Contains(key))
            {
                var known = string.Join(", ", op.Inputs.Select(i => i.Key));
                throw new InvocationException(op.Key, $"unknown input '{key}' (inputs: {known})");
            }
        }

        foreach (var input in op.Inputs)
        {
            if (!inputs.TryGetPropertyValue(input.Key, out var value) || value is null)
            {
                if (!operation.Defaults.TryGetValue(input.Key, out var fallback)
                    || !fallback.TryRender(scope, out value))
                {
                    if (input.Required)
                    {
                        throw new InvocationException(op.Key, $"input '{input.Key}' is required{Hint(input)}");
                    }

                    continue;
                }
            }

            if (InputRules.Check(input, value) is { } problem)
            {
                throw new InvocationException(op.Key, $"input '{input.Key}' {problem}");
            }

            // The caller's values stay theirs; a rendered default is already a fresh node.
            scope[input.Key] = value!.Parent is null ? value : value.DeepClone();
        }

        return scope;
    }

    private static string Hint(InputField input) =>
        input.Default?.ToString().Contains("connection.", StringComparison.Ordinal) == true
            ? $" (the connection has no value for {input.Default})"
            : "";

    private static void CheckConnection(OperationDefinition op, ConnectionContext connection)
    {
        if (connection.TokenType is { } tokenType && !op.TokenTypes.Contains(tokenType))
        {
            var accepted = op.IsAgencyOnly
                ? "is agency only: it needs a company (agency) token"
                : "needs a location (sub-account) token";
            throw new InvocationException(op.Key,
                $"{accepted}, and connection '{connection.Name}' has a "
                + $"{tokenType.ToString().ToLowerInvariant()} token");
        }

        if (connection.Scopes is { } granted && op.Scopes.FirstOrDefault(s => !granted.Contains(s)) is { } missing)
        {
            throw new InvocationException(op.Key, $"connection '{connection.Name}' lacks the scope '{missing}'");
        }
    }

    private static JsonObject ConnectionValues(ConnectionContext connection)
    {
        var values = new JsonObject();
        foreach (var (name, value) in connection.Values)
        {
            values[name] = value;
        }

        AddKnown(values, "locationId", connection.LocationId);
        AddKnown(values, "companyId", connection.CompanyId);
        AddKnown(values, "userId", connection.UserId);
        return values;
    }

    private static void AddKnown(JsonObject values, string name, string? value)
    {
        if (value is not null)
        {
            values[name] = value;
        }
    }

    internal static RenderedRequest Render(CompiledOperation operation, JsonObject scope)
    {
        var op = operation.Definition;
        var request = new RenderedRequest
        {
            Method = op.Request.Method,
            Path = RenderPath(op, scope),
            Query = operation.Query.Render(scope) as JsonObject ?? [],
            Headers = operation.Headers.Render(scope) as JsonObject ?? [],
            Body = operation.Body.Render(scope),
            Form = operation.Form.Render(scope) as JsonObject,
        };
        if (op.Version is { } version && op.Connector.VersionHeader is { } header)
        {
            request.Headers[header] = version;
        }

        return request;
    }

    private static string RenderPath(OperationDefinition op, JsonObject scope)
    {
        // Most paths have no parameter, and need no pass of the regex.
        var path = op.Request.Path;
        return path.Contains('{', StringComparison.Ordinal)
            ? PathParameter().Replace(path, match => PathValue(op, scope, match.Groups[1].Value))
            : path;
    }

    private static string PathValue(OperationDefinition op, JsonObject scope, string name)
    {
        var value = scope[name];
        var text = value?.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value?.ToJsonString();
        if (string.IsNullOrEmpty(text))
        {
            throw new InvocationException(op.Key, $"path parameter '{name}' has no value");
        }

        return Uri.EscapeDataString(text);
    }

    internal async Task<InvocationResult> SendAsync(
        CompiledOperation operation,
        JsonObject scope,
        RenderedRequest request,
        ConnectionContext connection,
        CancellationToken cancellationToken)
    {
        var op = operation.Definition;
        ApplyBefore(operation, scope, request);

        var client = clients.For(op.Connector, connection.BaseUrl);
        var response = await client
            .SendAsync(ToApiRequest(op, scope, request, connection), connection.Auth, cancellationToken)
            .ConfigureAwait(false);
        var output = JsonPath.Get(response.Body, op.Output.Path)?.DeepClone();
        if (operation.After is { } after)
        {
            var returned = after.Run(
                [output, response.Body, JsonValue.Create(response.StatusCode), Inputs(scope)],
                out var nothing);
            output = nothing ? output : returned;
        }

        return new InvocationResult(output, response.Body, response.StatusCode);
    }

    private static void ApplyBefore(CompiledOperation operation, JsonObject scope, RenderedRequest request)
    {
        if (operation.Before is not { } before)
        {
            return;
        }

        var returned = before.Run([request.ToJson(), Inputs(scope), scope["connection"]], out var nothing);
        if (nothing || returned is not JsonObject changed)
        {
            throw new InvocationException(operation.Definition.Key, "transforms.before must return the request object");
        }

        request.Update(changed);
    }

    private static JsonObject Inputs(JsonObject scope)
    {
        var inputs = (JsonObject)scope.DeepClone();
        inputs.Remove("connection");
        return inputs;
    }

    private static ApiRequest ToApiRequest(
        OperationDefinition op,
        JsonObject scope,
        RenderedRequest request,
        ConnectionContext connection) => new()
    {
        OperationKey = op.Key,
        Method = HttpMethod.Parse(request.Method),
        Path = request.Path,
        Query = QueryPairs(request.Query),
        Headers = HeaderValues(request.Headers),
        Body = request.Form is null ? request.Body : null,
        Form = request.Form?
            .Where(f => f.Value is not null)
            .Select(f => KeyValuePair.Create(f.Key, Text(f.Value!)))
            .ToList(),
        Repeatable = request.Method == op.Request.Method
            ? op.Request.IsRepeatable
            : request.Method is "GET" or "PUT" or "DELETE",
        RateLimitKey = RateLimitKey(op, scope, connection),
    };

    // GHL budgets are per location; a company-wide call spends the company's.
    private static string RateLimitKey(OperationDefinition op, JsonObject scope, ConnectionContext connection)
    {
        var perLocation = op.Connector.RateLimits?.Per != "connection";
        var location = scope["locationId"]?.GetValueKind() == JsonValueKind.String
            ? scope["locationId"]!.GetValue<string>()
            : null;
        return perLocation
            ? location ?? connection.LocationId ?? connection.CompanyId ?? connection.Name
            : connection.Name;
    }

    // Arrays repeat the parameter (tags=a&tags=b); objects are sent as JSON text.
    private static List<KeyValuePair<string, string>> QueryPairs(JsonObject query)
    {
        var pairs = new List<KeyValuePair<string, string>>(query.Count);
        foreach (var (name, value) in query)
        {
            if (value is JsonArray array)
            {
                pairs.AddRange(array.Where(e => e is not null).Select(e => KeyValuePair.Create(name, Text(e!))));
            }
            else if (value is not null)
            {
                pairs.Add(KeyValuePair.Create(name, Text(value)));
            }
        }

        return pairs;
    }

    private static Dictionary<string, string> HeaderValues(JsonObject headers)
    {
        var values = new Dictionary<string, string>(headers.Count);
        foreach (var (name, value) in headers)
        {
            if (value is not null)
            {
                values.Add(name, Text(value));
            }
        }

        return values;
    }

    private static string Text(JsonNode value) =>
        value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex PathParameter();
}
