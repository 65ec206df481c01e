namespace Connector.Operations.Connections;

/// <summary>How connections keep their tokens fresh.</summary>
public sealed record ConnectionResolverOptions
{
    /// <summary>A token this close to its expiry is refreshed before use. Default: 5 minutes.</summary>
    public TimeSpan RefreshMargin { get; init; } = TimeSpan.FromMinutes(5);
}
