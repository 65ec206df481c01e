using System.Text.Json.Nodes;

namespace Connector.Operations.Definitions;

/// <summary>Names the operation whose output lists an input field's allowed values.</summary>
public sealed record DynamicChoices
{
    /// <summary>Key of the listing operation, for example <c>calendars.list</c>.</summary>
    public required string Operation { get; init; }

    /// <summary>
    /// Dotted path of the list in the listing's output; the output itself when null. A step
    /// <c>name[field={{input}}]</c> picks the element of the list <c>name</c> whose <c>field</c> equals
    /// the input, so that choices follow an earlier choice: <c>pipelines[id={{pipelineId}}].stages</c>.
    /// </summary>
    public string? Items { get; init; }

    /// <summary>Field of each listed item that becomes the value.</summary>
    public required string Value { get; init; }

    /// <summary>Field of each listed item shown to people; the value when null.</summary>
    public string? Label { get; init; }

    /// <summary>
    /// For an input that is an array of objects: the property of each element that takes the chosen
    /// value (custom fields' <c>id</c>). Null when the input itself takes it.
    /// </summary>
    public string? ItemField { get; init; }

    /// <summary>Inputs for the listing, templated from the inputs of the operation that needs the choices.</summary>
    public JsonObject? Inputs { get; init; }
}
