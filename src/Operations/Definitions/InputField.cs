using System.Text.Json.Nodes;

namespace Connector.Operations.Definitions;

/// <summary>One value an operation takes from its caller.</summary>
public sealed record InputField
{
    public required string Key { get; init; }

    /// <summary>What people see; the key when none is given.</summary>
    public string? Label { get; init; }

    public required FieldType Type { get; init; }

    /// <summary>Type of each element when <see cref="Type"/> is <see cref="FieldType.Array"/>.</summary>
    public FieldType? Items { get; init; }

    public bool Required { get; init; }

    public string? Help { get; init; }

    /// <summary>
    /// Value used when the caller gives none; may be a template such as <c>{{connection.locationId}}</c>.
    /// </summary>
    public JsonNode? Default { get; init; }

    /// <summary>The only values accepted, when the vendor fixes them.</summary>
    public IReadOnlyList<Choice> Choices { get; init; } = [];

    public DynamicChoices? DynamicChoices { get; init; }
}
