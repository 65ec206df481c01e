namespace Connector.Runtime.Auth;

/// <summary>The addresses and conventions of one vendor's OAuth 2.0 server.</summary>
public sealed record OAuth2Settings
{
    public required Uri AuthorizeUrl { get; init; }

    /// <summary>The authorize address of the vendor's white-label domain, where it has one.</summary>
    public Uri? WhiteLabelAuthorizeUrl { get; init; }

    public required Uri TokenUrl { get; init; }

    /// <summary>Where an agency token is exchanged for a location token (GHL), when the vendor has that.</summary>
    public Uri? LocationTokenUrl { get; init; }

    /// <summary>Version header value the location-token call needs, with the header's name.</summary>
    public KeyValuePair<string, string>? LocationTokenVersion { get; init; }

    public string ScopeSeparator { get; init; } = " ";

    /// <summary>Added to the authorize address, for example Zoho's access_type=offline.</summary>
    public IReadOnlyDictionary<string, string> ExtraAuthorizeParameters { get; init; } =
        new Dictionary<string, string>();

    /// <summary>The same server at another address (a sandbox): every URL keeps its path, on the new host.</summary>
    public OAuth2Settings RebasedOn(Uri baseUrl) => this with
    {
        AuthorizeUrl = Rebase(AuthorizeUrl, baseUrl),
        WhiteLabelAuthorizeUrl = WhiteLabelAuthorizeUrl is null ? null : Rebase(WhiteLabelAuthorizeUrl, baseUrl),
        TokenUrl = Rebase(TokenUrl, baseUrl),
        LocationTokenUrl = LocationTokenUrl is null ? null : Rebase(LocationTokenUrl, baseUrl),
    };

    private static Uri Rebase(Uri address, Uri baseUrl) =>
        new UriBuilder(baseUrl)
        {
            Path = baseUrl.AbsolutePath.TrimEnd('/') + address.AbsolutePath,
            Query = address.Query.TrimStart('?'),
        }.Uri;
}
