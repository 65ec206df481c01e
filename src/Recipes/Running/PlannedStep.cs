using System.Text.Json.Nodes;

namespace Connector.Recipes.Running;

/// <summary>What a step would do in a dry run: a sentence, and the request it would send.</summary>
public sealed record PlannedStep(string Key, string Description, JsonObject? Request);
