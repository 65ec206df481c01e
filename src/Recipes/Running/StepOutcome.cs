using System.Text.Json.Nodes;
using Connector.Recipes.Storage;

namespace Connector.Recipes.Running;

/// <summary>How one step ended.</summary>
internal sealed record StepOutcome(StepStatus Status, JsonNode? Output, string? Error = null);
