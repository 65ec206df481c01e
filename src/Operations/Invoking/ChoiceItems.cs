using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Connector.Operations.Definitions;
using Connector.Runtime.Json;

namespace Connector.Operations.Invoking;

/// <summary>
/// Follows the items path of dynamic choices through a listing's output, including the steps
/// <c>name[field={{input}}]</c> that pick one element by an input chosen earlier.
/// </summary>
internal static partial class ChoiceItems
{
    /// <summary>The listed items, or none with the reason when a picking step matches nothing.</summary>
    public static (List<JsonNode?> Items, string? Reason) Read(
        JsonNode? output,
        DynamicChoices source,
        JsonObject inputs)
    {
        var node = output;
        foreach (var step in Steps(source.Items))
        {
            var pick = PickStep().Match(step);
            if (!pick.Success)
            {
                node = JsonPath.Get(node, step);
                continue;
            }

            var (list, field) = (pick.Groups["list"].Value, pick.Groups["field"].Value);
            var input = pick.Groups["input"].Value;
            if (inputs[input] is not { } wanted)
            {
                return ([], $"the choices depend on '{input}': choose it first");
            }

            node = JsonPath.Get(node, list) is JsonArray array
                ? array.FirstOrDefault(item => Same(JsonPath.Get(item, field), wanted))
                : null;
            if (node is null)
            {
                return ([], $"{source.Operation} lists no {list} with {field} '{Text(wanted)}'");
            }
        }

        return (node is JsonArray items ? [.. items] : [], null);
    }

    /// <summary>The inputs that picking steps of <paramref name="items"/> name.</summary>
    public static IEnumerable<string> PickedBy(string? items) =>
        Steps(items).Select(step => PickStep().Match(step))
            .Where(match => match.Success)
            .Select(match => match.Groups["input"].Value);

    private static string[] Steps(string? items) =>
        string.IsNullOrEmpty(items) || items == "." ? [] : items.Split('.');

    private static bool Same(JsonNode? value, JsonNode wanted) => value is not null && Text(value) == Text(wanted);

    private static string Text(JsonNode node) =>
        node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();

    [GeneratedRegex(@"^(?<list>[^\[\]]+)\[(?<field>[A-Za-z0-9_]+)=\{\{(?<input>[A-Za-z_][A-Za-z0-9_]*)\}\}\]$")]
    private static partial Regex PickStep();
}
