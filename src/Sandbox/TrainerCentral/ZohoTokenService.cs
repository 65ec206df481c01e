using System.Collections.Concurrent;
using System.Security.Cryptography;
using Connector.Sandbox.Storage;

namespace Connector.Sandbox.TrainerCentral;

/// <summary>
/// Zoho accounts' credentials, as Zoho documents them: codes live two minutes and work once; access tokens
/// live one hour; a refresh token never expires, is not rotated, and mints at most 10 access tokens in any
/// 10 minutes. Credentials are kept with GHL's in the sandbox's database, under kinds of their own.
/// </summary>
internal sealed class ZohoTokenService(SandboxStore store, TimeProvider time)
{
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromHours(1);
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(2);
    public const int MintLimit = 10;
    public static readonly TimeSpan MintWindow = TimeSpan.FromMinutes(10);

    // Known shortcoming: the mint counts live in memory, so a restarted sandbox forgets them; they can go
    // to the database once a test needs the limit to outlive a restart.
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _mints = new(StringComparer.Ordinal);

    /// <summary>The grant of an access token; null when it is unknown, expired, or not a Zoho access token.</summary>
    public TokenRecord? Authenticate(string accessToken)
    {
        var token = store.FindToken(accessToken);
        return token is { Kind: TokenKind.ZohoAccess } && token.IsUsable(time.GetUtcNow()) ? token : null;
    }

    public TokenRecord IssueCode(string clientId, string redirectUri, IReadOnlySet<string> scopes)
    {
        var code = Record(TokenKind.ZohoCode, clientId, scopes, time.GetUtcNow() + CodeLifetime)
            with { RedirectUri = redirectUri };
        store.SaveToken(code);
        return code;
    }

    /// <summary>Uses up a code issued to the client; null when it is unknown, expired, spent, or another's.</summary>
    public TokenRecord? RedeemCode(string code, string clientId)
    {
        var token = store.FindToken(code);
        return token is { Kind: TokenKind.ZohoCode } && token.ClientId == clientId && token.IsUsable(time.GetUtcNow())
            && store.TrySpendToken(code)
            ? token
            : null;
    }

    /// <summary>A new refresh token and a first access token, for the client (none: usable only here).</summary>
    public (TokenRecord Access, TokenRecord Refresh) IssuePair(string? clientId, IReadOnlySet<string> scopes)
    {
        var refresh = Record(TokenKind.ZohoRefresh, clientId, scopes, null);
        store.SaveToken(refresh);
        return (IssueAccess(refresh), refresh);
    }

    /// <summary>A new access token from a refresh token of the client, which stays as it is.</summary>
    public RefreshOutcome Refresh(string refreshToken, string clientId)
    {
        var refresh = store.FindToken(refreshToken);
        if (refresh is not { Kind: TokenKind.ZohoRefresh } || refresh.ClientId != clientId)
        {
            return new RefreshOutcome(null, TooMany: false);
        }

        return TryCountMint(refreshToken)
            ? new RefreshOutcome(IssueAccess(refresh), TooMany: false)
            : new RefreshOutcome(null, TooMany: true);
    }

    private TokenRecord IssueAccess(TokenRecord refresh)
    {
        var expiresAt = time.GetUtcNow() + AccessTokenLifetime;
        var access = Record(TokenKind.ZohoAccess, refresh.ClientId, refresh.Scopes, expiresAt);
        store.SaveToken(access);
        return access;
    }

    // A sliding window per refresh token: the mints of the last 10 minutes, oldest first.
    private bool TryCountMint(string refreshToken)
    {
        var now = time.GetUtcNow();
        var mints = _mints.GetOrAdd(refreshToken, _ => new Queue<DateTimeOffset>());
        lock (mints)
        {
            while (mints.Count > 0 && now - mints.Peek() >= MintWindow)
            {
                mints.Dequeue();
            }

            if (mints.Count >= MintLimit)
            {
                return false;
            }

            mints.Enqueue(now);
            return true;
        }
    }

    private static TokenRecord Record(
        TokenKind kind,
        string? clientId,
        IReadOnlySet<string> scopes,
        DateTimeOffset? expiresAt) =>
        new()
        {
            Value = NewValue(),
            Kind = kind,
            IsCompany = false,
            CompanyId = Academy.OrgId,
            Scopes = scopes,
            ClientId = clientId,
            ExpiresAt = expiresAt,
        };

    // Zoho's shape: 1000.<32 hex>.<32 hex>.
    private static string NewValue() => $"1000.{Hex()}.{Hex()}";

    private static string Hex() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
