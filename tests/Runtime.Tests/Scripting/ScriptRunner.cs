using System.Text.Json.Nodes;
using Connector.Runtime.Scripting;

namespace Connector.Runtime.Tests.Scripting;

/// <summary>Compiles after-transforms the way an operation file would hold them.</summary>
internal static class ScriptRunner
{
    public static readonly ScriptOrigin Origin =
        new("contacts.notes.list", "transforms.after", "definitions/ghl/notes.yaml", 30);

    public static CompiledScript Compile(string body, ScriptLimits? limits = null) =>
        CompiledScript.Compile(body, ["output", "inputs"], Origin, limits);

    public static JsonNode? Run(this CompiledScript script, string output, string inputs = "{}") =>
        script.Run([JsonNode.Parse(output), JsonNode.Parse(inputs)], out _);

    public static string? RunToJson(this CompiledScript script, string output, string inputs = "{}") =>
        script.Run(output, inputs)?.ToJsonString();
}
