using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Sandbox.Auth;
using Connector.Sandbox.Checks;
using Connector.Sandbox.Faults;
using Connector.Sandbox.Handlers;
using Connector.Sandbox.Routing;
using Connector.Sandbox.Storage;
using Connector.Sandbox.TrainerCentral;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Connector.Sandbox.Hosting;

/// <summary>
/// Answers every request as the vendor's API does, in the vendor's order: find the operation, check the
/// bearer token, count the request against its location's budgets, check the Version header, the
/// token's kind and scopes, the locations named in the request, and the request's fields; then let the
/// operation's handler act on the sandbox's state.
/// </summary>
internal sealed partial class RequestPipeline(
    SandboxState state,
    RouteTable routes,
    RateLimiter limiter,
    SandboxFaults faults,
    FaultResponder faultResponder,
    OAuthEndpoints oauth,
    AdminEndpoints admin,
    TrainerCentralEndpoints trainerCentral,
    ILogger logger)
{
    /// <summary>The Version value the vendor's own SDK sends on every call, which the API accepts too.</summary>
    public const string SdkVersion = "2023-02-21";

    public async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path.StartsWith(AdminEndpoints.Prefix, StringComparison.Ordinal))
        {
            await admin.HandleAsync(context).ConfigureAwait(false);
            return;
        }

        if (faults.TryTake(out var fault))
        {
            LogFault(logger, fault, context.Request.Method, path);
            await faultResponder.RespondAsync(context, fault).ConfigureAwait(false);
            return;
        }

        if (await trainerCentral.TryHandleAsync(context, path).ConfigureAwait(false))
        {
            return;
        }

        try
        {
            if ((path.StartsWith(OAuthEndpoints.Prefix, StringComparison.Ordinal)
                    || path.StartsWith("/v2" + OAuthEndpoints.Prefix, StringComparison.Ordinal))
                && await oauth.TryHandleAsync(context, path).ConfigureAwait(false))
            {
                return;
            }

            await HandleOperationAsync(context, path).ConfigureAwait(false);
        }
        catch (ApiException error)
        {
            await ErrorResponses.WriteAsync(context, error).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is not OperationCanceledException && !context.Response.HasStarted)
        {
            // A fault of the sandbox itself: answer as the vendor answers its own, and say where in the log.
            LogFailure(logger, failure, context.Request.Method, path);
            await ErrorResponses.WriteAsync(context, 500, "Internal server error").ConfigureAwait(false);
        }
    }

    private async Task HandleOperationAsync(HttpContext context, string path)
    {
        var method = context.Request.Method;
        var match = routes.Match(method, path)
            ?? throw new ApiException(404, $"Cannot {method} {path}");
        var token = Authenticate(context, state.Tokens);
        var decision = limiter.Take(token.LocationId ?? token.CompanyId);
        RateLimiter.WriteHeaders(context.Response.Headers, decision);
        if (!decision.Allowed)
        {
            throw new ApiException(429, "Too many requests");
        }

        var candidates = match.Endpoint.Plans;
        CheckVersion(context, candidates[0]);
        CheckToken(token, candidates[0]);
        var body = candidates[0].Rules.HasBody ? await ReadBodyAsync(context).ConfigureAwait(false) : null;
        CheckLocations(context, match, token, body);
        var plan = Choose(candidates, context.Request.Query, body);

        var request = new ApiRequest
        {
            Plan = plan,
            Route = match,
            Http = context,
            Token = token,
            State = state,
            Body = body,
        };
        var result = plan.Handler(request);
        await result.WriteAsync(context.Response, context.RequestAborted).ConfigureAwait(false);
    }

    internal static TokenRecord Authenticate(HttpContext context, TokenService tokens)
    {
        var header = context.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            || tokens.Authenticate(header[scheme.Length..].Trim()) is not { } token)
        {
            throw new ApiException(401, ErrorResponses.InvalidToken);
        }

        return token;
    }

    internal static void CheckVersion(HttpContext context, string? expected)
    {
        if (expected is null)
        {
            return;
        }

        var version = context.Request.Headers["Version"].ToString();
        if (version.Length == 0)
        {
            throw ApiException.BadRequest("Version header is missing");
        }

        if (version != expected && version != SdkVersion)
        {
            throw ApiException.BadRequest($"Version header '{version}' is not supported here; send {expected}");
        }
    }

    private static void CheckVersion(HttpContext context, OperationPlan plan) =>
        CheckVersion(context, plan.Operation.Version);

    private static void CheckToken(TokenRecord token, OperationPlan plan)
    {
        if (token.IsCompany ? !plan.AcceptsCompanyTokens : !plan.AcceptsLocationTokens)
        {
            throw new ApiException(401, ErrorResponses.TokenTypeRefused);
        }

        foreach (var scope in plan.Scopes)
        {
            if (!token.Scopes.Contains(scope))
            {
                throw new ApiException(401, ErrorResponses.ScopeRefused);
            }
        }
    }

    private void CheckLocations(HttpContext context, RouteMatch match, TokenRecord token, JsonNode? body)
    {
        var query = context.Request.Query;
        foreach (var location in new[]
        {
            match.Value("locationId"), query["locationId"].ToString(), query["location_id"].ToString(),
            JsonText.String(body, "locationId"),
        })
        {
            if (!string.IsNullOrEmpty(location) && !state.Covers(token, location))
            {
                throw new ApiException(403, ErrorResponses.LocationRefused);
            }
        }

        var companies = new[]
        {
            match.Value("companyId"), query["companyId"].ToString(), JsonText.String(body, "companyId"),
        };
        foreach (var company in companies)
        {
            if (!string.IsNullOrEmpty(company) && !string.Equals(company, token.CompanyId, StringComparison.Ordinal))
            {
                throw new ApiException(403, ErrorResponses.CompanyRefused);
            }
        }
    }

    // Where two operations share a request, the first whose rules the request meets handles it.
    private static OperationPlan Choose(List<OperationPlan> candidates, IQueryCollection query, JsonNode? body)
    {
        if (candidates is [{ Rules.IsEmpty: true } only])
        {
            return only;
        }

        List<string>? firstProblems = null;
        foreach (var plan in candidates)
        {
            var problems = plan.Rules.Check(query, body);
            if (problems.Count == 0)
            {
                return plan;
            }

            firstProblems ??= problems;
        }

        throw ApiException.Unprocessable([.. firstProblems!]);
    }

    private static async Task<JsonNode?> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        if (buffer.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        }
        catch (JsonException error)
        {
            throw ApiException.BadRequest($"Unexpected token in JSON at position {error.BytePositionInLine ?? 0}");
        }
    }

    [LoggerMessage(EventId = 11, Level = LogLevel.Error, Message = "The sandbox failed to answer {Method} {Path}")]
    private static partial void LogFailure(ILogger logger, Exception failure, string method, string path);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information,
        Message = "Injected fault {Fault} answers {Method} {Path}")]
    private static partial void LogFault(ILogger logger, SandboxFault fault, string method, string path);
}
