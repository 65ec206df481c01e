namespace Connector.Recipes.Hosting;

/// <summary>Settings of <c>connector host</c>.</summary>
public sealed record RecipeHostOptions
{
    /// <summary>Folder of recipe files, watched for changes.</summary>
    public required string RecipesFolder { get; init; }

    /// <summary>Polls that may run at once across all recipes. Default: 16.</summary>
    /// <remarks>
    /// Known shortcoming: a poll that waits for its location's rate budget keeps its place while it waits, so a
    /// location whose recipes need more than its budget delays the polls of every other recipe too. It can go
    /// when a poll waits for its budget before it takes a place.
    /// </remarks>
    public int MaxConcurrentPolls { get; init; } = 16;

    /// <summary>How long a file change waits for more changes before recipes reload. Default: 500 ms.</summary>
    public TimeSpan ReloadDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Poll every enabled recipe once as soon as the host starts, then on its schedule: what a restart or a
    /// deploy wants, rather than waiting up to a whole interval for new items. Default: false.
    /// </summary>
    public bool PollNow { get; init; }
}
