using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connector.Sandbox;

/// <summary>Small JSON helpers the handlers share: reading fields leniently, writing times as GHL does.</summary>
internal static class JsonText
{
    // The vendor writes "+1888..." and "<p>" as they are; the default encoder would write \u002B and \u003C.
    private static readonly JsonSerializerOptions Options =
        new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] ToUtf8(JsonNode? node) => JsonSerializer.SerializeToUtf8Bytes(node, Options);

    /// <summary>GHL's timestamp form: ISO 8601 in UTC with milliseconds (2026-01-05T10:00:00.000Z).</summary>
    public static string Time(long unixMilliseconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds).UtcDateTime
            .ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string? String(JsonNode? node, string name) =>
        node is JsonObject obj && obj.TryGetPropertyValue(name, out var value)
            && value?.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : null;

    public static bool? Boolean(JsonNode? node, string name) =>
        node is JsonObject obj && obj.TryGetPropertyValue(name, out var value)
            && value?.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? value!.GetValue<bool>()
            : null;

    public static double? Number(JsonNode? node, string name) =>
        node is JsonObject obj && obj.TryGetPropertyValue(name, out var value) ? AsNumber(value) : null;

    public static double? AsNumber(JsonNode? value) =>
        value?.GetValueKind() == JsonValueKind.Number
            ? double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture)
            : null;

    /// <summary>Whether a text field contains <paramref name="text"/>, ignoring case.</summary>
    public static bool Contains(JsonNode? node, string name, string text) =>
        String(node, name)?.Contains(text, StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The strings of an array field; empty when the field is absent or not an array.</summary>
    public static List<string> Strings(JsonNode? node, string name) =>
        node is JsonObject obj && obj[name] is JsonArray array
            ? array.Where(v => v?.GetValueKind() == JsonValueKind.String).Select(v => v!.GetValue<string>()).ToList()
            : [];

    public static JsonArray Array(IEnumerable<string> values) => new([.. values.Select(v => JsonValue.Create(v))]);

    /// <summary>Copies the fields of <paramref name="changes"/> to <paramref name="target"/>; null removes.</summary>
    public static void Merge(JsonObject target, JsonObject changes, params string[] except)
    {
        foreach (var (name, value) in changes)
        {
            if (except.Contains(name, StringComparer.Ordinal))
            {
                continue;
            }

            if (value is null)
            {
                target.Remove(name);
            }
            else
            {
                target[name] = value.DeepClone();
            }
        }
    }
}
