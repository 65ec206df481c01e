namespace Connector.Runtime.Http.RateLimiting;

/// <summary>
/// One request's place in a key's budgets, from <see cref="RateLimiter.AcquireAsync"/>; hand it back to
/// <see cref="RateLimiter.Complete"/> when the request is answered. The default lease (limiter off) holds nothing.
/// </summary>
public readonly record struct RateLease(string? Key, DateTimeOffset SentAt);
