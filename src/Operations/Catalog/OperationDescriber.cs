using System.Text.Json.Nodes;
using Connector.Operations.Definitions;

namespace Connector.Operations.Catalog;

/// <summary>The JSON a builder or a person reads about an operation: what it takes, needs, sends and returns.</summary>
public static class OperationDescriber
{
    /// <summary>A one-line summary: key, kind, category, title.</summary>
    public static JsonObject Summarize(OperationDefinition op) => new()
    {
        ["key"] = op.Key,
        ["connector"] = op.Connector.Key,
        ["kind"] = Name(op.Kind),
        ["category"] = op.Category,
        ["title"] = op.Title,
    };

    /// <summary>Everything about the operation that its users need.</summary>
    public static JsonObject Describe(OperationDefinition op)
    {
        var description = Summarize(op);
        description["description"] = op.Description.Trim();
        description["scopes"] = new JsonArray([.. op.Scopes.Select(s => JsonValue.Create(s))]);
        description["tokenTypes"] = new JsonArray([.. op.TokenTypes.Select(t => JsonValue.Create(Name(t)))]);
        description["version"] = op.Version;
        description["method"] = op.Request.Method;
        description["path"] = op.Request.Path;
        description["fields"] = new JsonArray([.. op.Inputs.Select(DescribeField)]);
        if (op.Trigger is { } trigger)
        {
            description["trigger"] = new JsonObject
            {
                ["items"] = trigger.Items,
                ["id"] = trigger.Id,
                ["updated"] = trigger.Updated,
                ["paging"] = Name(trigger.Paging.Style),
            };
        }

        description["sample"] = op.Output.Sample?.DeepClone();
        description["example"] = op.Example.DeepClone();
        return description;
    }

    private static JsonObject DescribeField(InputField field)
    {
        var description = new JsonObject
        {
            ["key"] = field.Key,
            ["label"] = field.Label ?? field.Key,
            ["type"] = FieldTypes.Name(field.Type),
            ["required"] = field.Required,
        };
        if (field.Items is { } items)
        {
            description["items"] = FieldTypes.Name(items);
        }

        if (field.Help is { } help)
        {
            description["help"] = help;
        }

        if (field.Default is { } fallback)
        {
            description["default"] = fallback.DeepClone();
        }

        if (field.Choices.Count > 0)
        {
            description["choices"] = new JsonArray([.. field.Choices.Select(c => new JsonObject
            {
                ["value"] = c.Value.DeepClone(),
                ["label"] = c.Label,
            })]);
        }

        if (field.DynamicChoices is { } dynamic)
        {
            description["choicesFrom"] = new JsonObject
            {
                ["operation"] = dynamic.Operation,
                ["items"] = dynamic.Items,
                ["value"] = dynamic.Value,
                ["label"] = dynamic.Label ?? dynamic.Value,
                ["inputs"] = dynamic.Inputs?.DeepClone(),
            };
            if (dynamic.ItemField is { } property)
            {
                description["choicesFrom"]!["itemField"] = property;
            }
        }

        return description;
    }

    private static string Name<T>(T value) where T : struct, Enum
    {
        var text = value.ToString();
        return char.ToLowerInvariant(text[0]) + text[1..];
    }
}
