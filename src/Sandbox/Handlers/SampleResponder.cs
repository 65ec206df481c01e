using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Operations.Definitions;

namespace Connector.Sandbox.Handlers;

/// <summary>
/// The answer of an operation the sandbox keeps no state for: the definition's sample output, placed at
/// its output path, with every value of the definition's example replaced by the value the request
/// sent for the same input (so an id asked for is the id answered).
/// </summary>
internal static class SampleResponder
{
    public static OperationHandler For(OperationDefinition operation) =>
        request => request.Ok(Build(operation, request));

    private static JsonNode? Build(OperationDefinition operation, ApiRequest request)
    {
        var sample = operation.Output.Sample?.DeepClone();
        foreach (var (input, example) in operation.Example)
        {
            if (example?.GetValueKind() == JsonValueKind.String
                && Sent(request, input) is { } sent
                && sent != example.GetValue<string>())
            {
                sample = Replace(sample, example.GetValue<string>(), sent);
            }
        }

        return Wrap(sample, operation.Output.Path);
    }

    private static string? Sent(ApiRequest request, string input) =>
        request.Route.Value(input) ?? request.Query(input) ?? JsonText.String(request.Body, input);

    private static JsonNode? Replace(JsonNode? node, string from, string to)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    if (Replace(obj[name], from, to) is var replaced && !ReferenceEquals(replaced, obj[name]))
                    {
                        obj[name] = replaced;
                    }
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (Replace(array[i], from, to) is var replaced && !ReferenceEquals(replaced, array[i]))
                    {
                        array[i] = replaced;
                    }
                }

                return array;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String
                && value.GetValue<string>() == from:
                return JsonValue.Create(to);
            default:
                return node;
        }
    }

    private static JsonNode? Wrap(JsonNode? output, string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return output;
        }

        foreach (var name in path.Split('.').Reverse())
        {
            output = new JsonObject { [name] = output };
        }

        return output;
    }
}
