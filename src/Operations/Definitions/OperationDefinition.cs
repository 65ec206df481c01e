using System.Text.Json.Nodes;

namespace Connector.Operations.Definitions;

/// <summary>One operation of a connector, as its YAML file describes it.</summary>
public sealed record OperationDefinition
{
    public required string Key { get; init; }

    public required OperationKind Kind { get; init; }

    public required string Category { get; init; }

    public required string Title { get; init; }

    public string Description { get; init; } = "";

    /// <summary>Scopes the connection needs, all of them.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>Value of the connector's version header; null when the vendor declares none.</summary>
    public string? Version { get; init; }

    /// <summary>Whose tokens the operation accepts.</summary>
    public IReadOnlyList<TokenType> TokenTypes { get; init; } = [TokenType.Location, TokenType.Company];

    public IReadOnlyList<InputField> Inputs { get; init; } = [];

    public required RequestTemplate Request { get; init; }

    public TransformScripts? Transforms { get; init; }

    public required OutputSpec Output { get; init; }

    /// <summary>Present on triggers only.</summary>
    public TriggerSpec? Trigger { get; init; }

    /// <summary>Inputs the vendor's API accepts.</summary>
    public JsonObject Example { get; init; } = [];

    /// <summary>The connector the operation belongs to; set by the loader.</summary>
    public ConnectorDefinition Connector { get; internal set; } = null!;

    /// <summary>Where the definition was read from; set by the loader.</summary>
    public DefinitionSource Source { get; internal set; } = DefinitionSource.None;

    /// <summary>Whether only agency (company) tokens may call the operation.</summary>
    public bool IsAgencyOnly => TokenTypes is [TokenType.Company];

    public InputField? FindInput(string key) => Inputs.FirstOrDefault(i => i.Key == key);
}
