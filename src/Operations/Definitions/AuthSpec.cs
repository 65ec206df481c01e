using System.Text.Json.Serialization;

namespace Connector.Operations.Definitions;

/// <summary>How a connector's requests are authorized.</summary>
public sealed record AuthSpec
{
    /// <summary>Accepted kinds: <c>privateToken</c>, <c>oauth2</c>.</summary>
    public IReadOnlyList<string> Kinds { get; init; } = [];

    public string Header { get; init; } = "Authorization";

    /// <summary>Word before the token in the header, for example <c>Bearer</c> or <c>Zoho-oauthtoken</c>.</summary>
    public string Scheme { get; init; } = "Bearer";

    [JsonPropertyName("oauth2")]
    public OAuth2Spec? OAuth2 { get; init; }
}
