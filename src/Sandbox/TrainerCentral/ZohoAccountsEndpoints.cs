using System.Text.Json.Nodes;
using Connector.Sandbox.Handlers;
using Connector.Sandbox.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Connector.Sandbox.TrainerCentral;

/// <summary>
/// Zoho accounts' OAuth 2.0 server, shortened: /oauth/v2/auth approves at once (no sign-in page) and
/// redirects with the code, the state, the location and the accounts server (this sandbox);
/// /oauth/v2/token trades a code, or a refresh token, for tokens. As Zoho does, a refused code, refresh
/// token or client is answered with HTTP 200 and <c>{"error": "invalid_code"}</c> (or
/// <c>invalid_client</c>), and a refresh token past its 10 tokens in 10 minutes with HTTP 400 and
/// <c>Access Denied</c>.
/// </summary>
internal sealed class ZohoAccountsEndpoints(SandboxStore store, ZohoTokenService tokens)
{
    public const string Prefix = "/oauth/v2/";

    private const string TooManyRequests =
        "You have made too many requests continuously. Please try again after some time.";

    public async Task<bool> TryHandleAsync(HttpContext context, string path)
    {
        var method = context.Request.Method;
        switch (path.TrimEnd('/'))
        {
            case "/oauth/v2/auth" when HttpMethods.IsGet(method):
                await AuthorizeAsync(context).ConfigureAwait(false);
                return true;
            case "/oauth/v2/token" when HttpMethods.IsPost(method):
                var (status, body) = await TokenAsync(context).ConfigureAwait(false);
                await WriteAsync(context, status, body).ConfigureAwait(false);
                return true;
            default:
                return false;
        }
    }

    private async Task AuthorizeAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var problem = AuthorizeProblem(query);
        if (problem is not null)
        {
            await WriteAsync(context, 400, problem).ConfigureAwait(false);
            return;
        }

        var redirect = query["redirect_uri"].ToString();
        var code = tokens.IssueCode(query["client_id"].ToString(), redirect, Scopes(query["scope"].ToString())!);
        var target = redirect;
        if (query["state"] is { Count: > 0 } state)
        {
            target = QueryHelpers.AddQueryString(target, "state", state.ToString());
        }

        target = QueryHelpers.AddQueryString(target, "code", code.Value);
        target = QueryHelpers.AddQueryString(target, "location", "us");
        target = QueryHelpers.AddQueryString(target, "accounts-server", Origin(context));
        context.Response.StatusCode = StatusCodes.Status302Found;
        context.Response.Headers.Location = target;
    }

    private JsonObject? AuthorizeProblem(IQueryCollection query)
    {
        var clientId = query["client_id"].ToString();
        if (clientId.Length == 0 || store.FindClientSecret(clientId) is null)
        {
            return Error("invalid_client");
        }

        if (query["response_type"].ToString() != "code")
        {
            return Error("unsupported_response_type");
        }

        if (!Uri.TryCreate(query["redirect_uri"].ToString(), UriKind.Absolute, out _))
        {
            return Error("invalid_redirect_uri");
        }

        return Scopes(query["scope"].ToString()) is null ? Error("invalid_scope") : null;
    }

    private async Task<(int Status, JsonObject Body)> TokenAsync(HttpContext context)
    {
        var parameters = await ParametersAsync(context).ConfigureAwait(false);
        var clientId = parameters.GetValueOrDefault("client_id").ToString();
        var secret = store.FindClientSecret(clientId);
        if (secret is null || secret != parameters.GetValueOrDefault("client_secret").ToString())
        {
            return (200, Error("invalid_client"));
        }

        return parameters.GetValueOrDefault("grant_type").ToString() switch
        {
            "authorization_code" => (200, Exchange(parameters, clientId)),
            "refresh_token" => Refresh(parameters, clientId),
            _ => (400, Error("unsupported_grant_type")),
        };
    }

    private JsonObject Exchange(Dictionary<string, StringValues> parameters, string clientId)
    {
        var code = tokens.RedeemCode(parameters.GetValueOrDefault("code").ToString(), clientId);
        if (code is null)
        {
            return Error("invalid_code");
        }

        if (parameters.TryGetValue("redirect_uri", out var redirect) && redirect.ToString() != code.RedirectUri)
        {
            return Error("invalid_redirect_uri");
        }

        var (access, refresh) = tokens.IssuePair(clientId, code.Scopes);
        var body = Answer(access);
        body["refresh_token"] = refresh.Value;
        return body;
    }

    // Zoho answers a refresh with a new access token only: the refresh token stays the same.
    private (int Status, JsonObject Body) Refresh(Dictionary<string, StringValues> parameters, string clientId)
    {
        var outcome = tokens.Refresh(parameters.GetValueOrDefault("refresh_token").ToString(), clientId);
        if (outcome.TooMany)
        {
            var denied = Error("Access Denied");
            denied["error_description"] = TooManyRequests;
            denied["status"] = "failure";
            return (400, denied);
        }

        return outcome.Access is { } access ? (200, Answer(access)) : (200, Error("invalid_code"));
    }

    private static JsonObject Answer(TokenRecord access) => new()
    {
        ["access_token"] = access.Value,
        ["scope"] = string.Join(',', access.Scopes.Order(StringComparer.Ordinal)),
        ["api_domain"] = "https://www.zohoapis.com",
        ["token_type"] = "Bearer",
        ["expires_in"] = (int)ZohoTokenService.AccessTokenLifetime.TotalSeconds,
    };

    /// <summary>The scopes asked for, comma or space separated; null when none, or one is not TrainerCentral.</summary>
    internal static HashSet<string>? Scopes(string requested)
    {
        const StringSplitOptions Options = StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries;
        var scopes = requested.Split([',', ' '], Options);
        return scopes.Length > 0 && scopes.All(TrainerCentralScopes.All.Contains)
            ? scopes.ToHashSet(StringComparer.Ordinal)
            : null;
    }

    // Zoho reads the token call's parameters from the query string as well as from a form body.
    private static async Task<Dictionary<string, StringValues>> ParametersAsync(HttpContext context)
    {
        var parameters = context.Request.Query.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            foreach (var (name, value) in form)
            {
                parameters[name] = value;
            }
        }

        return parameters;
    }

    private static string Origin(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}";

    private static JsonObject Error(string code) => new() { ["error"] = code };

    private static Task WriteAsync(HttpContext context, int status, JsonObject body) =>
        ApiResult.Json(status, body).WriteAsync(context.Response, context.RequestAborted);
}
