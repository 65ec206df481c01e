using System.Text.Json.Nodes;
using Connector.Sandbox.Auth;
using Connector.Sandbox.Handlers;
using Connector.Sandbox.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Connector.Sandbox.Hosting;

/// <summary>
/// The vendor's OAuth 2.0 server, shortened: /oauth/chooselocation approves at once (no sign-in page)
/// and redirects with a code; /oauth/token trades codes and refresh tokens (each works once) for
/// tokens; /oauth/locationToken trades an agency token for a location token.
/// </summary>
internal sealed class OAuthEndpoints(SandboxState state, IReadOnlySet<string> knownScopes)
{
    public const string Prefix = "/oauth/";

    public async Task<bool> TryHandleAsync(HttpContext context, string path)
    {
        var method = context.Request.Method;
        try
        {
            switch (path.TrimEnd('/'))
            {
                // The vendor serves it as /v2/oauth/chooselocation on its marketplace host; both answer here.
                case "/oauth/chooselocation" or "/v2/oauth/chooselocation" when HttpMethods.IsGet(method):
                    ChooseLocation(context);
                    return true;
                case "/oauth/token" when HttpMethods.IsPost(method):
                    await WriteAsync(context, 200, await TokenAsync(context).ConfigureAwait(false)).ConfigureAwait(false);
                    return true;
                case "/oauth/locationToken" when HttpMethods.IsPost(method):
                    await WriteAsync(context, 200, await LocationTokenAsync(context).ConfigureAwait(false))
                        .ConfigureAwait(false);
                    return true;
                case "/oauth/installedLocations" when HttpMethods.IsGet(method):
                    await WriteAsync(context, 200, InstalledLocations(context)).ConfigureAwait(false);
                    return true;
                default:
                    return false;
            }
        }
        catch (OAuthError error)
        {
            var body = new JsonObject { ["error"] = error.Code, ["error_description"] = error.Message };
            await WriteAsync(context, error.Status, body).ConfigureAwait(false);
            return true;
        }
    }

    private static Task WriteAsync(HttpContext context, int status, JsonNode body) =>
        ApiResult.Json(status, body).WriteAsync(context.Response, context.RequestAborted);

    private void ChooseLocation(HttpContext context)
    {
        var query = context.Request.Query;
        var clientId = query["client_id"].ToString();
        if (clientId.Length == 0 || state.Store.FindClientSecret(clientId) is null)
        {
            throw new OAuthError(400, "invalid_client", $"Unknown client_id '{clientId}'");
        }

        if (query["response_type"].ToString() != "code")
        {
            throw new OAuthError(400, "unsupported_response_type", "response_type must be code");
        }

        var redirect = query["redirect_uri"].ToString();
        if (!Uri.TryCreate(redirect, UriKind.Absolute, out _))
        {
            throw OAuthError.InvalidRequest("redirect_uri must be an absolute address");
        }

        // Sandbox extension: locationId picks the sub-account to install into; the well-known one otherwise.
        var locationId = query["locationId"] is { Count: > 0 } chosen ? chosen.ToString() : WellKnownIds.Location;
        var companyId = state.CompanyOf(locationId)
            ?? throw OAuthError.InvalidRequest($"No location '{locationId}' in the sandbox");
        var grant = new TokenRecord
        {
            Value = "",
            Kind = TokenKind.AuthorizationCode,
            IsCompany = false,
            CompanyId = companyId,
            LocationId = locationId,
            Scopes = Scopes(query["scope"].ToString()),
            ClientId = clientId,
        };
        var code = state.Tokens.IssueCode(grant, redirect);
        var target = QueryHelpers.AddQueryString(redirect, "code", code.Value);
        if (query["state"] is { Count: > 0 } callerState)
        {
            target = QueryHelpers.AddQueryString(target, "state", callerState.ToString());
        }

        context.Response.StatusCode = StatusCodes.Status302Found;
        context.Response.Headers.Location = target;
    }

    private IReadOnlySet<string> Scopes(string requested)
    {
        var scopes = requested.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (scopes.Length == 0)
        {
            return knownScopes;
        }

        var unknown = scopes.Where(s => !knownScopes.Contains(s)).ToList();
        return unknown.Count == 0
            ? scopes.ToHashSet(StringComparer.Ordinal)
            : throw new OAuthError(400, "invalid_scope", $"Unknown scope(s): {string.Join(' ', unknown)}");
    }

    private async Task<JsonObject> TokenAsync(HttpContext context)
    {
        var form = await ReadFormAsync(context).ConfigureAwait(false);
        var clientId = form["client_id"].ToString();
        var secret = state.Store.FindClientSecret(clientId);
        if (secret is null || secret != form["client_secret"].ToString())
        {
            throw new OAuthError(401, "invalid_client", "Invalid client: client_id or client_secret is wrong");
        }

        var grant = form["grant_type"].ToString() switch
        {
            "authorization_code" => RedeemCode(form, clientId),
            "refresh_token" => state.Tokens.Redeem(form["refresh_token"].ToString(), TokenKind.Refresh)
                is { } spent && spent.ClientId == clientId
                ? spent
                : throw OAuthError.InvalidGrant("Invalid grant: refresh token is invalid"),
            var other => throw new OAuthError(400, "unsupported_grant_type", $"Unsupported grant_type '{other}'"),
        };
        var (access, refresh) = state.Tokens.IssuePair(grant);
        return TokenResponse(access, refresh);
    }

    private TokenRecord RedeemCode(IFormCollection form, string clientId)
    {
        var code = state.Tokens.Redeem(form["code"].ToString(), TokenKind.AuthorizationCode);
        if (code is null || code.ClientId != clientId)
        {
            throw OAuthError.InvalidGrant("Invalid grant: authorization code is invalid");
        }

        if (form["redirect_uri"] is { Count: > 0 } redirect && redirect.ToString() != code.RedirectUri)
        {
            throw OAuthError.InvalidGrant("Invalid grant: redirect_uri does not match the authorization request");
        }

        return form["user_type"].ToString() == "Company"
            ? code with { IsCompany = true, LocationId = null }
            : code;
    }

    private JsonObject TokenResponse(TokenRecord access, TokenRecord refresh)
    {
        var body = new JsonObject
        {
            ["access_token"] = access.Value,
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)TokenService.AccessTokenLifetime.TotalSeconds,
            ["refresh_token"] = refresh.Value,
            ["scope"] = string.Join(' ', access.Scopes.Order(StringComparer.Ordinal)),
            ["userType"] = access.IsCompany ? "Company" : "Location",
            ["companyId"] = access.CompanyId,
            ["userId"] = WellKnownIds.User,
            ["isBulkInstallation"] = false,
        };
        if (access.IsCompany)
        {
            body["approvedLocations"] = JsonText.Array(CompanyLocations(access.CompanyId));
        }
        else
        {
            body["locationId"] = access.LocationId;
        }

        return body;
    }

    private async Task<JsonObject> LocationTokenAsync(HttpContext context)
    {
        var token = AgencyToken(context, "oauth.write");
        var form = await ReadFormAsync(context).ConfigureAwait(false);
        var companyId = form["companyId"].ToString();
        var locationId = form["locationId"].ToString();
        if (companyId.Length == 0 || locationId.Length == 0)
        {
            throw ApiException.Unprocessable(
                [.. new[] { ("companyId", companyId), ("locationId", locationId) }
                    .Where(f => f.Item2.Length == 0).Select(f => $"{f.Item1} should not be empty")]);
        }

        if (companyId != token.CompanyId || !state.Covers(token, locationId))
        {
            throw new ApiException(403, ErrorResponses.LocationRefused);
        }

        var (access, _) = state.Tokens.IssuePair(token with { IsCompany = false, LocationId = locationId });
        return new JsonObject
        {
            ["access_token"] = access.Value,
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)TokenService.AccessTokenLifetime.TotalSeconds,
            ["scope"] = string.Join(' ', access.Scopes.Order(StringComparer.Ordinal)),
            ["locationId"] = locationId,
            ["companyId"] = companyId,
            ["userType"] = "Location",
            ["userId"] = WellKnownIds.User,
        };
    }

    private JsonObject InstalledLocations(HttpContext context)
    {
        var token = AgencyToken(context, "oauth.readonly");
        var locations = state.Store.List(DocumentTypes.Location)
            .Select(d => d.Parse())
            .Where(l => JsonText.String(l, "companyId") == token.CompanyId)
            .OrderBy(l => JsonText.String(l, "name"), StringComparer.Ordinal)
            .Select(l => (JsonNode)new JsonObject
            {
                ["_id"] = JsonText.String(l, "id"),
                ["name"] = JsonText.String(l, "name"),
                ["address"] = JsonText.String(l, "address"),
                ["isInstalled"] = true,
            })
            .ToArray();
        return new JsonObject
        {
            ["locations"] = new JsonArray(locations),
            ["count"] = locations.Length,
            ["installToFutureLocations"] = true,
        };
    }

    private TokenRecord AgencyToken(HttpContext context, string scope)
    {
        var token = RequestPipeline.Authenticate(context, state.Tokens);
        RequestPipeline.CheckVersion(context, "2021-07-28");
        if (!token.IsCompany)
        {
            throw new ApiException(401, ErrorResponses.TokenTypeRefused);
        }

        return token.Scopes.Contains(scope) ? token : throw new ApiException(401, ErrorResponses.ScopeRefused);
    }

    private IEnumerable<string> CompanyLocations(string companyId) =>
        state.Store.List(DocumentTypes.Location)
            .Where(d => state.CompanyOf(d.Id) == companyId)
            .Select(d => d.Id)
            .Order(StringComparer.Ordinal);

    private static async Task<IFormCollection> ReadFormAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            throw OAuthError.InvalidRequest("The body must be form-encoded (application/x-www-form-urlencoded)");
        }

        return await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
    }
}
