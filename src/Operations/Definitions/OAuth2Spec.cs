namespace Connector.Operations.Definitions;

/// <summary>The addresses and conventions of a connector's OAuth 2.0 server.</summary>
public sealed record OAuth2Spec
{
    public required string AuthorizeUrl { get; init; }

    public string? WhiteLabelAuthorizeUrl { get; init; }

    public required string TokenUrl { get; init; }

    public string ScopeSeparator { get; init; } = " ";

    public IReadOnlyDictionary<string, string> ExtraAuthorizeParameters { get; init; } = new Dictionary<string, string>();
}
