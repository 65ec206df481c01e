namespace Connector.Sandbox.Checks;

/// <summary>Whether a request fits its budgets, and what is left of them (for the X-RateLimit-* headers).</summary>
internal readonly record struct RateDecision(
    bool Allowed,
    int BurstLimit,
    int BurstRemaining,
    long WindowMilliseconds,
    int DailyLimit,
    int DailyRemaining,
    long DailyResetMilliseconds);
