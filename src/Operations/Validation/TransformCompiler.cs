using Connector.Operations.Definitions;
using Connector.Runtime.Scripting;

namespace Connector.Operations.Validation;

/// <summary>Compiles an operation's transform scripts with the parameters each stage receives.</summary>
internal static class TransformCompiler
{
    public static readonly IReadOnlyList<string> BeforeParameters = ["request", "inputs", "connection"];

    public static readonly IReadOnlyList<string> AfterParameters = ["output", "response", "status", "inputs"];

    public static CompiledScript Compile(
        OperationDefinition op,
        string stage,
        string script,
        ScriptLimits? limits = null)
    {
        var location = op.Source.Locate($"/transforms/{stage}");

        // A block scalar (before: |) starts on the line after its key.
        var firstLine = location.Line + (script.Contains('\n', StringComparison.Ordinal) ? 1 : 0);
        var origin = new ScriptOrigin(op.Key, $"transforms.{stage}", op.Source.File, firstLine);
        var parameters = stage == "before" ? BeforeParameters : AfterParameters;
        return CompiledScript.Compile(script, parameters, origin, limits);
    }
}
