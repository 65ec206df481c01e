using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Connector.Operations.Definitions;
using Connector.Operations.Invoking;
using Connector.Runtime.Scripting;
using Connector.Runtime.Templating;
using FluentValidation;
using FluentValidation.Results;

namespace Connector.Operations.Validation;

/// <summary>
/// What the JSON Schema cannot say about one operation. Each failure's property name is the JSON
/// pointer of the offending value, so that it can be reported with its line.
/// </summary>
internal sealed partial class OperationRules : AbstractValidator<OperationDefinition>
{
    public OperationRules()
    {
        RuleFor(op => op).Custom(KeyMatchesFile);
        RuleFor(op => op).Custom(InputsAreUnique);
        RuleFor(op => op).Custom(PathParametersAreInputs);
        RuleFor(op => op).Custom(PathStaysUnderBaseUrl);
        RuleFor(op => op).Custom(TemplatesNameKnownValues);
        RuleFor(op => op).Custom(ChoicesPickByInputs);
        RuleFor(op => op).Custom(ItemFieldsFitArraysOfObjects);
        RuleFor(op => op).Custom(ScopesAreKnown);
        RuleFor(op => op).Custom(OneBodyAtMost);
        RuleFor(op => op).Custom(TransformsCompile);
        RuleFor(op => op).Custom(DefaultsFitTheirFields);
        RuleFor(op => op).Custom(ExampleFitsTheInputs);
    }

    /// <summary>The <c>{name}</c> parameters of a request path.</summary>
    public static IEnumerable<string> PathParameters(string path) =>
        PathParameterPattern().Matches(path).Select(m => m.Groups[1].Value);

    private static void KeyMatchesFile(OperationDefinition op, ValidationContext<OperationDefinition> context)
    {
        var fileName = Path.GetFileNameWithoutExtension(op.Source.File);
        if (op.Source != DefinitionSource.None && fileName != op.Key)
        {
            Fail(context, "/key", $"key '{op.Key}' does not match the file name '{fileName}.yaml'");
        }
    }

    private static void InputsAreUnique(OperationDefinition op, ValidationContext<OperationDefinition> context)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < op.Inputs.Count; i++)
        {
            var key = op.Inputs[i].Key;
            if (!seen.Add(key))
            {
                Fail(context, $"/inputs/{i}/key", $"input '{key}' is declared twice");
            }
            else if (key == "connection")
            {
                Fail(context, $"/inputs/{i}/key", "'connection' is reserved for the connection's values");
            }
        }
    }

    private static void PathParametersAreInputs(OperationDefinition op, ValidationContext<OperationDefinition> context)
    {
        foreach (var name in PathParameters(op.Request.Path))
        {
            var input = op.FindInput(name);
            if (input is null)
            {
                Fail(context, "/request/path", $"path parameter '{{{name}}}' is not declared as an input");
            }
            else if (!input.Required && input.Default is null)
            {
                Fail(context, "/request/path", $"path parameter '{{{name}}}' must be a required input");
            }
        }
    }

    private static void PathStaysUnderBaseUrl(OperationDefinition op, ValidationContext<OperationDefinition> context)
    {
        var path = op.Request.Path;
        if (path.Contains("..", StringComparison.Ordinal) || path.Contains("//", StringComparison.Ordinal)
            || path.Contains('?', StringComparison.Ordinal) || path.Contains('#', StringComparison.Ordinal))
        {
            Fail(context, "/request/path", "path may not contain '..', '//', '?' or '#'; use query for parameters");
        }
    }

    private static void TemplatesNameKnownValues(OperationDefinition op, ValidationContext<OperationDefinition> context)
    {
        var templates = new List<(string Pointer, JsonNode? Template)>
        {
            ("/request/query", op.Request.Query),
            ("/request/body", op.Request.Body),
            ("/request/form", op.Request.Form),
            ("/request/headers", JsonTemplateSource(op.Request.Headers)),
        };
        for (var i = 0; i < op.Inputs.Count; i++)
        {
            templates.Add(($"/inputs/{i}/default", op.Inputs[i].Default));
            templates.Add(($"/inputs/{i}/dynamicChoices/inputs", op.Inputs[i].DynamicChoices?.Inputs));
        }

        foreach (var (pointer, template) in templates)
        {
            foreach (var reference in JsonTemplate.Compile(template?.DeepClone()).References)
            {
                if (!IsKnownReference(op, reference))
                {
                    Fail(context, pointer, $"template '{{{{{reference}}}}}' names no input or connection value");
                }
            }
        }
    }

    private static void ChoicesPickByInputs(OperationDefinition op, ValidationContext<OperationDefinition> context)
    {
        for (var i = 0; i < op.Inputs.Count; i++)
        {
            foreach (var input in ChoiceItems.PickedBy(op.Inputs[i].DynamicChoices?.Items))
            {
                if (op.FindInput(input) is null)
                {
                    var message = $"items pick by '{{{{{input}}}}}', which is no input";
                    Fail(context, $"/inputs/{i}/dynamicChoices/items", message);
                }
                else if (input == op.Inputs[i].Key)
                {
                    Fail(context, $"/inputs/{i}/dynamicChoices/items", "items may not pick by the input they fill");
                }
            }
        }
    }

    private static void ItemFieldsFitArraysOfObjects(
        OperationDefinition op,
        ValidationContext<OperationDefinition> context)
    {
        for (var i = 0; i < op.Inputs.Count; i++)
        {
            var input = op.Inputs[i];
            if (input.DynamicChoices?.ItemField is not null
                && (input.Type != FieldType.Array || input.Items != FieldType.Object))
            {
                Fail(
                    context,
                    $"/inputs/{i}/dynamicChoices/itemField",
                    $"itemField needs an input of type array with items: object; '{input.Key}' is not one");
            }
        }
    }

    private static bool IsKnownReference(OperationDefinition op, string reference)
    {
        var parts = reference.Split('.');
        return parts[0] == "connection"
            ? parts.Length == 2 && op.Connector.ConnectionValues.Contains(parts[1])
            : op.FindInput(parts[0]) is not null;
    }

    private static void ScopesAreKnown(OperationDefinition op, ValidationContext<OperationDefinition> context)
    {
        for (var i = 0; i < op.Scopes.Count; i++)
        {
            if (!op.Connector.Scopes.Contains(op.Scopes[i]))
            {
                Fail(
                    context,
                    $"/scopes/{i}",
                    $"scope '{op.Scopes[i]}' is not one of connector '{op.Connector.Key}'s scopes");
            }
        }
    }

    private static void OneBodyAtMost(OperationDefinition op, ValidationContext<OperationDefinition> context)
    {
        if (op.Request.Body is not null && op.Request.Form is not null)
        {
            Fail(context, "/request/form", "a request has either a JSON body or a form, not both");
        }

        if (op.Trigger?.Paging is { In: "body" } && op.Request.Body is not JsonObject)
        {
            Fail(context, "/trigger/paging/in", "paging in the body needs a request body that is an object");
        }
    }

    private static void TransformsCompile(OperationDefinition op, ValidationContext<OperationDefinition> context)
    {
        foreach (var (name, script) in new[] { ("before", op.Transforms?.Before), ("after", op.Transforms?.After) })
        {
            if (script is null)
            {
                continue;
            }

            try
            {
                TransformCompiler.Compile(op, name, script);
            }
            catch (ScriptException error)
            {
                var at = error.ScriptLine > 0 ? $"line {error.ScriptLine}: " : "";
                var line = error.ScriptLine > 0 ? error.Origin.FileLine(error.ScriptLine) : error.Origin.FirstLine;
                context.AddFailure(
                    new ValidationFailure($"/transforms/{name}", $"transforms.{name} {at}{error.Problem}")
                    {
                        CustomState = new SourceLocation(op.Source.File, line, 1),
                    });
            }
        }
    }

    private static void DefaultsFitTheirFields(OperationDefinition op, ValidationContext<OperationDefinition> context)
    {
        for (var i = 0; i < op.Inputs.Count; i++)
        {
            var input = op.Inputs[i];
            if (input.Default is null || IsTemplate(input.Default))
            {
                continue;
            }

            var problem = InputRules.Check(input, input.Default);
            if (problem is not null)
            {
                Fail(context, $"/inputs/{i}/default", $"default of '{input.Key}' {problem}");
            }
        }
    }

    private static void ExampleFitsTheInputs(OperationDefinition op, ValidationContext<OperationDefinition> context)
    {
        foreach (var (key, value) in op.Example)
        {
            var input = op.FindInput(key);
            var problem = input is null ? "is not an input of the operation" : InputRules.Check(input, value);
            if (problem is not null)
            {
                Fail(context, $"/example/{key}", $"example value '{key}' {problem}");
            }
        }

        foreach (var input in op.Inputs.Where(i => i.Required && i.Default is null && !op.Example.ContainsKey(i.Key)))
        {
            Fail(context, "/example", $"example lacks the required input '{input.Key}'");
        }
    }

    private static bool IsTemplate(JsonNode node) =>
        node.GetValueKind() == System.Text.Json.JsonValueKind.String
        && node.GetValue<string>().Contains("{{", StringComparison.Ordinal);

    private static JsonObject JsonTemplateSource(IReadOnlyDictionary<string, string> headers)
    {
        var obj = new JsonObject();
        foreach (var (name, value) in headers)
        {
            obj[name] = value;
        }

        return obj;
    }

    private static void Fail(ValidationContext<OperationDefinition> context, string pointer, string message) =>
        context.AddFailure(new ValidationFailure(pointer, message));

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex PathParameterPattern();
}
