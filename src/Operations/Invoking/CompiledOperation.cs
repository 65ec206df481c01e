using System.Text.Json.Nodes;
using Connector.Operations.Definitions;
using Connector.Operations.Validation;
using Connector.Runtime.Scripting;
using Connector.Runtime.Templating;

namespace Connector.Operations.Invoking;

/// <summary>An operation's templates and scripts, parsed once and reused by every invocation.</summary>
internal sealed class CompiledOperation
{
    public CompiledOperation(OperationDefinition definition, ScriptLimits limits)
    {
        Definition = definition;
        InputKeys = definition.Inputs.Select(i => i.Key).ToHashSet(StringComparer.Ordinal);
        Query = JsonTemplate.Compile(definition.Request.Query?.DeepClone());
        Body = JsonTemplate.Compile(definition.Request.Body?.DeepClone());
        Form = JsonTemplate.Compile(definition.Request.Form?.DeepClone());
        var headers = new JsonObject();
        foreach (var (name, value) in definition.Request.Headers)
        {
            headers[name] = value;
        }

        Headers = JsonTemplate.Compile(headers);
        Defaults = definition.Inputs.Where(i => i.Default is not null)
            .ToDictionary(i => i.Key, i => JsonTemplate.Compile(i.Default!.DeepClone()), StringComparer.Ordinal);
        Before = definition.Transforms?.Before is { } before
            ? TransformCompiler.Compile(definition, "before", before, limits)
            : null;
        After = definition.Transforms?.After is { } after
            ? TransformCompiler.Compile(definition, "after", after, limits)
            : null;
    }

    public OperationDefinition Definition { get; }

    /// <summary>The keys of the operation's inputs, so that checking a caller's is no scan per key.</summary>
    public IReadOnlySet<string> InputKeys { get; }

    public JsonTemplate Query { get; }

    public JsonTemplate Body { get; }

    public JsonTemplate Form { get; }

    public JsonTemplate Headers { get; }

    public IReadOnlyDictionary<string, JsonTemplate> Defaults { get; }

    public CompiledScript? Before { get; }

    public CompiledScript? After { get; }
}
