using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connector.Cli;

/// <summary>How the command prints JSON: indented, with non-ASCII text left readable.</summary>
internal static class JsonText
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Format(JsonNode? node) => node?.ToJsonString(Indented) ?? "null";
}
