using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Connector.Recipes.Storage;

/// <summary>Masks what looks like a secret before a value is written to run history.</summary>
public static partial class Redaction
{
    public const string Mask = "***";

    /// <summary>
    /// A copy of <paramref name="value"/> whose secret-looking fields (tokens, secrets, passwords, keys) are masked.
    /// </summary>
    public static JsonNode? Apply(JsonNode? value) => value switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key,
            SecretName().IsMatch(p.Key) && p.Value is not null ? JsonValue.Create(Mask) : Apply(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Apply)]),
        _ => value?.DeepClone(),
    };

    [GeneratedRegex("token|secret|password|passwd|authorization|api_?key|credential", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}
