using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Connector.Operations.Definitions;

namespace Connector.Sandbox.Tests.Support;

/// <summary>
/// The request an operation's example stands for, rendered from the definition's request templates the
/// simple way (transforms are not run): inputs from the example, else their defaults, with connection
/// values taken from the well-known location, company and user.
/// </summary>
internal static partial class ExampleRequest
{
    public static HttpRequestMessage Build(OperationDefinition operation, string token)
    {
        var inputs = Inputs(operation);
        var request = operation.Request;
        var path = PathParameter().Replace(request.Path, m => Uri.EscapeDataString(Text(inputs[m.Groups[1].Value]!)));
        if (request.Query is { } query && Render(query, inputs) is JsonObject rendered && rendered.Count > 0)
        {
            path += "?" + string.Join('&', rendered.SelectMany(p => Values(p.Value)
                .Select(v => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(v)}")));
        }

        var message = new HttpRequestMessage(new HttpMethod(request.Method), path.TrimStart('/'));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (operation.Version is { } version)
        {
            message.Headers.Add("Version", version);
        }

        if (request.Body is { } body)
        {
            var json = Render(body, inputs)?.ToJsonString() ?? "{}";
            message.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        else if (request.Form is { } form && Render(form, inputs) is JsonObject fields)
        {
            var pairs = fields.Select(p => KeyValuePair.Create(p.Key, Text(p.Value)));
            message.Content = new FormUrlEncodedContent(pairs);
        }

        return message;
    }

    private static Dictionary<string, JsonNode?> Inputs(OperationDefinition operation)
    {
        var inputs = new Dictionary<string, JsonNode?>(StringComparer.Ordinal)
        {
            ["connection.locationId"] = WellKnownIds.Location,
            ["connection.companyId"] = WellKnownIds.Company,
            ["connection.userId"] = WellKnownIds.User,
        };
        foreach (var field in operation.Inputs)
        {
            if (operation.Example.TryGetPropertyValue(field.Key, out var value))
            {
                inputs[field.Key] = value?.DeepClone();
            }
            else if (field.Default is { } fallback)
            {
                inputs[field.Key] = fallback.GetValueKind() == JsonValueKind.String
                    ? Connection(fallback.GetValue<string>())
                    : fallback.DeepClone();
            }
        }

        return inputs;
    }

    private static JsonNode? Connection(string text) => text switch
    {
        "{{connection.locationId}}" => WellKnownIds.Location,
        "{{connection.companyId}}" => WellKnownIds.Company,
        "{{connection.userId}}" => WellKnownIds.User,
        _ => text,
    };

    // Null means "absent": the key is dropped, as the runtime drops an absent optional input.
    private static JsonNode? Render(JsonNode? template, Dictionary<string, JsonNode?> inputs)
    {
        switch (template)
        {
            case JsonObject obj:
                var rendered = new JsonObject();
                foreach (var (name, value) in obj)
                {
                    if (Render(value, inputs) is { } result)
                    {
                        rendered[name] = result;
                    }
                }

                return rendered;
            case JsonArray array:
                return new JsonArray([.. array.Select(v => Render(v, inputs))]);
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                var whole = WholeTemplate().Match(text);
                if (whole.Success)
                {
                    return inputs.GetValueOrDefault(whole.Groups[1].Value)?.DeepClone();
                }

                var missing = false;
                var replaced = AnyTemplate().Replace(text, m =>
                {
                    missing |= inputs.GetValueOrDefault(m.Groups[1].Value) is null;
                    return inputs.GetValueOrDefault(m.Groups[1].Value) is { } v ? Text(v) : "";
                });
                return missing ? null : replaced;
            default:
                return template?.DeepClone();
        }
    }

    private static IEnumerable<string> Values(JsonNode? value) =>
        value is JsonArray array ? array.Select(Text) : [Text(value)];

    private static string Text(JsonNode? value) => value?.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.ToJsonString(),
        null => "",
        _ => value.ToJsonString(),
    };

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex PathParameter();

    [GeneratedRegex(@"^\s*\{\{\s*([A-Za-z0-9_.]+)\s*\}\}\s*$")]
    private static partial Regex WholeTemplate();

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_.]+)\s*\}\}")]
    private static partial Regex AnyTemplate();
}
