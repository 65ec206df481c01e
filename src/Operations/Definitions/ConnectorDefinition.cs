namespace Connector.Operations.Definitions;

/// <summary>What every operation of one connector shares: address, headers, auth, rate limits and errors.</summary>
public sealed record ConnectorDefinition
{
    public required string Key { get; init; }

    public required string Title { get; init; }

    public string Description { get; init; } = "";

    public required Uri BaseUrl { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Values of a connection that templates may name as <c>{{connection.NAME}}</c>.</summary>
    public IReadOnlyList<string> ConnectionValues { get; init; } = ["locationId", "companyId", "userId"];

    /// <summary>Header that carries each operation's version, when the connector versions its API that way.</summary>
    public string? VersionHeader { get; init; }

    public required AuthSpec Auth { get; init; }

    public RateLimitSpec? RateLimits { get; init; }

    public ErrorSpec Errors { get; init; } = new();

    /// <summary>Every scope the connector knows.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>Where the definition was read from; set by the loader.</summary>
    public DefinitionSource Source { get; internal set; } = DefinitionSource.None;
}
