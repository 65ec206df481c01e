using System.Text.Json.Serialization;

namespace Connector.Runtime.Auth;

/// <summary>What a vendor's token endpoint answers.</summary>
public sealed record TokenResponse
{
    [JsonPropertyName("access_token")]
    public string AccessToken { get; init; } = "";

    [JsonPropertyName("refresh_token")]
    public string? RefreshToken { get; init; }

    [JsonPropertyName("expires_in")]
    public long ExpiresIn { get; init; }

    [JsonPropertyName("scope")]
    public string? Scope { get; init; }

    [JsonPropertyName("userType")]
    public string? UserType { get; init; }

    [JsonPropertyName("companyId")]
    public string? CompanyId { get; init; }

    [JsonPropertyName("locationId")]
    public string? LocationId { get; init; }

    [JsonPropertyName("userId")]
    public string? UserId { get; init; }

    [JsonPropertyName("approvedLocations")]
    public IReadOnlyList<string>? ApprovedLocations { get; init; }

    /// <summary>Never the tokens themselves.</summary>
    public override string ToString() => $"token response ({UserType}, expires in {ExpiresIn} s)";
}
