using System.Text.Json.Nodes;

namespace Connector.Recipes.Storage;

/// <summary>One step of a run: what it was given, what it returned, how long it took.</summary>
public sealed record StepRecord
{
    public required string Step { get; init; }

    public int Position { get; init; }

    public required StepStatus Status { get; init; }

    public int Attempts { get; init; }

    public JsonNode? Input { get; init; }

    public JsonNode? Output { get; init; }

    public string? Error { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public long? DurationMs { get; init; }
}
