using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Operations.Definitions;

namespace Connector.Operations.Tests.Conformance;

/// <summary>What the <c>{{name}}</c> templates of a request value refer to.</summary>
internal static class Templates
{
    /// <summary>Every reference of every template in the value, such as <c>locationId</c>.</summary>
    public static IEnumerable<string> References(JsonNode? value) => value switch
    {
        JsonObject obj => obj.SelectMany(p => References(p.Value)),
        JsonArray array => array.SelectMany(References),
        JsonValue text when text.GetValueKind() == JsonValueKind.String =>
            References(text.GetValue<string>()),
        _ => [],
    };

    /// <summary>
    /// The references of a value that may be absent when the operation is invoked: optional inputs with
    /// no default. Such a value removes its key from the request, so it cannot carry a required field.
    /// </summary>
    public static IEnumerable<string> OptionalReferences(OperationDefinition operation, JsonNode? value) =>
        References(value).Where(reference =>
        {
            var root = reference.Split('.')[0];
            var input = operation.FindInput(root);
            return root != "connection" && (input is null || (!input.Required && input.Default is null));
        });

    private static IEnumerable<string> References(string text)
    {
        var position = 0;
        while (text.IndexOf("{{", position, StringComparison.Ordinal) is var open and >= 0)
        {
            var close = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                yield break;
            }

            yield return text[(open + 2)..close].Trim();
            position = close + 2;
        }
    }
}
