namespace Connector.Runtime.Http.RateLimiting;

/// <summary>A budget would not have room for longer than the limiter may wait.</summary>
public sealed class RateLimitWaitException(string budget, string key, TimeSpan wait)
    : Exception($"the {budget} rate budget of '{key}' is spent; it has room again in {Describe(wait)}")
{
    public string Budget { get; } = budget;

    public TimeSpan Wait { get; } = wait;

    private static string Describe(TimeSpan wait) =>
        wait >= TimeSpan.FromHours(1) ? $"{wait.TotalHours:0.#} h" : $"{wait.TotalSeconds:0.#} s";
}
