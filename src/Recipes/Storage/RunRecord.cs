using System.Text.Json.Nodes;

namespace Connector.Recipes.Storage;

/// <summary>One run of a recipe: the item that fired it and how it went.</summary>
public sealed record RunRecord
{
    public required string Id { get; init; }

    public required string Recipe { get; init; }

    public required RunStatus Status { get; init; }

    public string? ItemKey { get; init; }

    /// <summary>The trigger item, with secrets masked.</summary>
    public JsonNode? Trigger { get; init; }

    public string? Error { get; init; }

    /// <summary>The run this one replays, if any.</summary>
    public string? ReplayOf { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public IReadOnlyList<StepRecord> Steps { get; init; } = [];
}
