using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connector.Runtime.Auth;

/// <summary>
/// Talks to a vendor's OAuth 2.0 server: the authorize address, code exchange, refresh, location tokens.
/// </summary>
public sealed class OAuthClient(OAuth2Settings settings, HttpClient http, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public OAuth2Settings Settings => settings;

    /// <summary>Where to send the user to approve access.</summary>
    public Uri AuthorizeUrl(
        string clientId,
        Uri redirectUri,
        IEnumerable<string> scopes,
        string state,
        bool whiteLabel = false)
    {
        var parameters = new Dictionary<string, string>
        {
            ["response_type"] = "code",
            ["client_id"] = clientId,
            ["redirect_uri"] = redirectUri.ToString(),
            ["scope"] = string.Join(settings.ScopeSeparator, scopes),
            ["state"] = state,
        };
        foreach (var (name, value) in settings.ExtraAuthorizeParameters)
        {
            parameters[name] = value;
        }

        var address = whiteLabel && settings.WhiteLabelAuthorizeUrl is { } label ? label : settings.AuthorizeUrl;
        var query = string.Join('&', parameters.Select(p =>
            $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        return new UriBuilder(address) { Query = query }.Uri;
    }

    public Task<TokenResponse> ExchangeCodeAsync(
        string clientId,
        string clientSecret,
        string code,
        Uri redirectUri,
        string? userType,
        CancellationToken cancellationToken) =>
        PostTokenAsync(settings.TokenUrl, new Dictionary<string, string?>
        {
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri.ToString(),
            ["user_type"] = userType,
        }, null, cancellationToken);

    public Task<TokenResponse> RefreshAsync(
        string clientId,
        string clientSecret,
        string refreshToken,
        string? userType,
        CancellationToken cancellationToken) =>
        PostTokenAsync(settings.TokenUrl, new Dictionary<string, string?>
        {
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["user_type"] = userType,
        }, null, cancellationToken);

    /// <summary>Exchanges an agency (company) token for a token of one of its locations.</summary>
    public Task<TokenResponse> LocationTokenAsync(
        string companyToken,
        string companyId,
        string locationId,
        CancellationToken cancellationToken)
    {
        var address = settings.LocationTokenUrl
            ?? throw new InvalidOperationException("This connector has no location-token address.");
        return PostTokenAsync(address, new Dictionary<string, string?>
        {
            ["companyId"] = companyId,
            ["locationId"] = locationId,
        }, companyToken, cancellationToken);
    }

    /// <summary>When tokens that live <paramref name="expiresIn"/> seconds from now expire.</summary>
    public DateTimeOffset ExpiryOf(long expiresIn) => _time.GetUtcNow().AddSeconds(expiresIn);

    private async Task<TokenResponse> PostTokenAsync(
        Uri address,
        Dictionary<string, string?> form,
        string? bearer,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, address)
        {
            Content = new FormUrlEncodedContent(form
                .Where(p => p.Value is not null)
                .Select(p => KeyValuePair.Create(p.Key, p.Value!))),
        };
        request.Headers.Accept.ParseAdd("application/json");
        if (bearer is not null)
        {
            request.Headers.Authorization = new("Bearer", bearer);
            if (settings.LocationTokenVersion is { } version)
            {
                request.Headers.Add(version.Key, version.Value);
            }
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw Refusal((int)response.StatusCode, text, address);
        }

        // Zoho answers some refusals with 200 and an error body.
        if (ErrorCode(text) is not null)
        {
            throw Refusal((int)response.StatusCode, text, address);
        }

        try
        {
            var tokens = JsonSerializer.Deserialize<TokenResponse>(text);
            return tokens is { AccessToken.Length: > 0 }
                ? tokens
                : throw new OAuthException(
                    $"{address.Host} answered without an access token",
                    (int)response.StatusCode,
                    null);
        }
        catch (JsonException)
        {
            throw new OAuthException(
                $"{address.Host} answered HTTP {(int)response.StatusCode} with a body that is not JSON",
                (int)response.StatusCode,
                null);
        }
    }

    private static string? ErrorCode(string text)
    {
        try
        {
            return JsonNode.Parse(text) is JsonObject body && body["error"]?.GetValueKind() == JsonValueKind.String
                ? body["error"]!.GetValue<string>()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // The body may echo what was sent; only the error code and description are kept.
    private static OAuthException Refusal(int status, string text, Uri address)
    {
        string? error = null;
        string? description = null;
        try
        {
            var body = JsonNode.Parse(text);
            error = body?["error"]?.GetValueKind() == JsonValueKind.String ? body["error"]!.GetValue<string>() : null;
            description = body?["error_description"]?.ToString() ?? body?["message"]?.ToString();
        }
        catch (JsonException)
        {
            // Not JSON: the status says enough.
        }

        var detail = string.Join(": ", new[] { error, description }.Where(s => !string.IsNullOrEmpty(s)));
        return new OAuthException(
            $"{address.Host} refused the token request "
            + $"(HTTP {status}{(detail.Length > 0 ? ", " + detail : "")})",
            status,
            error);
    }
}
