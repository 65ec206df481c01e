using System.Text.Json.Nodes;

namespace Connector.Runtime.Json;

/// <summary>Reads values at dotted paths such as <c>meta.startAfter</c> or <c>contacts.0.id</c>.</summary>
public static class JsonPath
{
    /// <summary>
    /// Finds the value at <paramref name="path"/>; <c>.</c> or an empty path is the node itself.
    /// Returns false when a step is missing; a JSON null that is present returns true with null.
    /// </summary>
    public static bool TryGet(JsonNode? node, string? path, out JsonNode? value)
    {
        value = node;
        if (string.IsNullOrEmpty(path) || path == ".")
        {
            return true;
        }

        // Most paths are one name: no split, no allocation.
        if (!path.Contains('.', StringComparison.Ordinal))
        {
            return Step(ref value, path);
        }

        foreach (var step in path.Split('.'))
        {
            switch (value)
            {
                case JsonObject obj when obj.TryGetPropertyValue(step, out var next):
                    value = next;
                    break;
                case JsonArray array when int.TryParse(step, out var index) && index >= 0 && index < array.Count:
                    value = array[index];
                    break;
                default:
                    value = null;
                    return false;
            }
        }

        return true;
    }

    private static bool Step(ref JsonNode? value, string step)
    {
        switch (value)
        {
            case JsonObject obj when obj.TryGetPropertyValue(step, out var next):
                value = next;
                return true;
            case JsonArray array when int.TryParse(step, out var index) && index >= 0 && index < array.Count:
                value = array[index];
                return true;
            default:
                value = null;
                return false;
        }
    }

    /// <summary>The value at <paramref name="path"/>, or null when it is missing.</summary>
    public static JsonNode? Get(JsonNode? node, string? path) => TryGet(node, path, out var value) ? value : null;
}
