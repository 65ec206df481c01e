namespace Connector.Operations.Definitions;

/// <summary>The addresses and conventions of a connector's OAuth 2.0 server.</summary>
public sealed record OAuth2Spec
{
    public required string AuthorizeUrl { get; init; }

    public string? WhiteLabelAuthorizeUrl { get; init; }

    public required string TokenUrl { get; init; }

    public string? LocationTokenUrl { get; init; }

    public string? LocationTokenVersion { get; init; }

    public string ScopeSeparator { get; init; } = " ";

    /// <summary>
    /// The runtime's settings for this server; every address moves to <paramref name="baseUrl"/> when given.
    /// </summary>
    public Runtime.Auth.OAuth2Settings ToSettings(string? versionHeader, Uri? baseUrl = null)
    {
        var settings = new Runtime.Auth.OAuth2Settings
        {
            AuthorizeUrl = new Uri(AuthorizeUrl),
            WhiteLabelAuthorizeUrl = WhiteLabelAuthorizeUrl is null ? null : new Uri(WhiteLabelAuthorizeUrl),
            TokenUrl = new Uri(TokenUrl),
            LocationTokenUrl = LocationTokenUrl is null ? null : new Uri(LocationTokenUrl),
            LocationTokenVersion = versionHeader is not null && LocationTokenVersion is not null
                ? KeyValuePair.Create(versionHeader, LocationTokenVersion)
                : null,
            ScopeSeparator = ScopeSeparator,
            ExtraAuthorizeParameters = ExtraAuthorizeParameters,
        };
        return baseUrl is null ? settings : settings.RebasedOn(baseUrl);
    }

    public IReadOnlyDictionary<string, string> ExtraAuthorizeParameters { get; init; } =
        new Dictionary<string, string>();
}
