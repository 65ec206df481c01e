namespace Connector.Recipes.Definitions;

/// <summary>What the first poll of a recipe does with the items that exist already.</summary>
public sealed record FirstPoll
{
    public static FirstPoll Seed { get; } = new() { Mode = FirstPollMode.Seed };

    public FirstPollMode Mode { get; init; }

    /// <summary>How many of the latest items a backfill fires.</summary>
    public int Count { get; init; }

    /// <summary>Items updated since this time fire.</summary>
    public DateTimeOffset Since { get; init; }
}
