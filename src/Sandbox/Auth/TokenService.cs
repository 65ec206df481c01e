using System.Collections.Concurrent;
using Connector.Sandbox.Storage;

namespace Connector.Sandbox.Auth;

/// <summary>
/// Issues and checks the sandbox's credentials. Usable tokens are cached after their first lookup, so a
/// request pays one dictionary read; a token another process added (`connector sandbox token` on a
/// served folder) is found in the database on its first use.
/// </summary>
internal sealed class TokenService(SandboxStore store, TimeProvider time)
{
    /// <summary>Lifetime of an OAuth access token, as the vendor's token responses state it.</summary>
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromSeconds(86399);

    private static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, TokenRecord> _cache = new(StringComparer.Ordinal);

    /// <summary>
    /// The grant of a bearer credential; null when it is unknown, expired, or not a bearer credential.
    /// </summary>
    public TokenRecord? Authenticate(string bearer)
    {
        if (!_cache.TryGetValue(bearer, out var token))
        {
            token = store.FindToken(bearer);
            if (token is null || token.Kind is not (TokenKind.PrivateIntegration or TokenKind.Access))
            {
                return null;
            }

            _cache[bearer] = token;
        }

        return token.IsUsable(time.GetUtcNow()) ? token : null;
    }

    public TokenRecord CreatePrivate(
        bool isCompany,
        string companyId,
        string? locationId,
        IReadOnlySet<string> scopes)
    {
        var token = new TokenRecord
        {
            Value = $"pit-{Guid.NewGuid()}",
            Kind = TokenKind.PrivateIntegration,
            IsCompany = isCompany,
            CompanyId = companyId,
            LocationId = isCompany ? null : locationId,
            Scopes = scopes,
        };
        store.SaveToken(token);
        return token;
    }

    /// <summary>An authorization code for the grant <paramref name="grant"/> describes.</summary>
    public TokenRecord IssueCode(TokenRecord grant, string redirectUri)
    {
        var code = grant with
        {
            Value = Ids.Secret(""),
            Kind = TokenKind.AuthorizationCode,
            RedirectUri = redirectUri,
            ExpiresAt = time.GetUtcNow() + CodeLifetime,
            Spent = false,
        };
        store.SaveToken(code);
        return code;
    }

    /// <summary>A new access token and refresh token carrying the grant's company, location and scopes.</summary>
    public (TokenRecord Access, TokenRecord Refresh) IssuePair(TokenRecord grant)
    {
        var access = grant with
        {
            Value = Ids.Secret("sbx-at-"),
            Kind = TokenKind.Access,
            RedirectUri = null,
            ExpiresAt = time.GetUtcNow() + AccessTokenLifetime,
            Spent = false,
        };
        var refresh = access with { Value = Ids.Secret("sbx-rt-"), Kind = TokenKind.Refresh, ExpiresAt = null };
        store.SaveToken(access);
        store.SaveToken(refresh);
        return (access, refresh);
    }

    /// <summary>
    /// Uses up a one-time credential (a code or a refresh token) and returns its grant; null when it is
    /// unknown, of another kind, expired, or already used.
    /// </summary>
    public TokenRecord? Redeem(string value, TokenKind kind)
    {
        var token = store.FindToken(value);
        if (token is null || token.Kind != kind || !token.IsUsable(time.GetUtcNow()))
        {
            return null;
        }

        return store.TrySpendToken(value) ? token : null;
    }
}
