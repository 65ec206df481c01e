namespace Connector.Recipes.Definitions;

public enum FirstPollMode
{
    /// <summary>Remember every existing item and fire none (the default).</summary>
    Seed,

    /// <summary>Fire the latest N existing items.</summary>
    Backfill,

    /// <summary>Fire the existing items updated since a date.</summary>
    Since,
}
