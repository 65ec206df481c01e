using System.Text.Json.Nodes;

namespace Connector.Recipes.Definitions;

/// <summary>What a recipe polls, how often, and how it tells new items from those it has seen.</summary>
public sealed record RecipeTrigger
{
    public required string Operation { get; init; }

    public JsonObject Inputs { get; init; } = [];

    /// <summary>Time between polls, from 1 to 15 minutes.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How items are told apart; null lets the trigger's definition decide.</summary>
    public DedupeMode? Dedupe { get; init; }

    /// <summary>
    /// For <see cref="DedupeMode.Change"/> without an updated field: the fields whose hash marks a change.
    /// </summary>
    public IReadOnlyList<string> Fields { get; init; } = [];

    /// <summary>
    /// With <see cref="DedupeMode.Change"/>: whether an item seen before that a complete read no longer
    /// lists fires once more, as <c>{"&lt;id field&gt;": id, "removed": true}</c>.
    /// </summary>
    public bool Removals { get; init; }

    public FirstPoll FirstPoll { get; init; } = FirstPoll.Seed;
}
