using System.Text.Json.Nodes;

namespace Connector.Operations.Definitions;

/// <summary>One allowed value of an input field, with the label people see.</summary>
public sealed record Choice(JsonNode Value, string Label);
