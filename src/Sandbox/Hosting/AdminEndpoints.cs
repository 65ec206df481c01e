using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Sandbox.Checks;
using Connector.Sandbox.Handlers;
using Microsoft.AspNetCore.Http;

namespace Connector.Sandbox.Hosting;

/// <summary>
/// The sandbox's own routes under /_sandbox/, for processes that cannot use <see cref="SandboxServer"/>
/// directly: health, faults, credentials, OAuth clients, budgets and reset. They need no token, carry no
/// budget headers, and are never faulted: the sandbox only listens on 127.0.0.1.
/// </summary>
internal sealed class AdminEndpoints(SandboxData data, SandboxFaults faults, RateLimiter limiter, Action reset)
{
    public const string Prefix = "/_sandbox/";

    private static readonly Dictionary<string, SandboxFault> FaultNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["429"] = SandboxFault.TooManyRequests,
        ["500"] = SandboxFault.InternalServerError,
        ["502"] = SandboxFault.BadGateway,
        ["503"] = SandboxFault.ServiceUnavailable,
        ["hang"] = SandboxFault.Hang,
        ["reset"] = SandboxFault.ResetConnection,
        ["truncated"] = SandboxFault.TruncatedJson,
    };

    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            var body = await ReadAsync(context).ConfigureAwait(false);
            var path = context.Request.Path.Value!.TrimEnd('/');
            var (status, answer) = await RouteAsync(context.Request.Method, path, body).ConfigureAwait(false);
            var result = ApiResult.Json(status, answer);
            await result.WriteAsync(context.Response, context.RequestAborted).ConfigureAwait(false);
        }
        catch (ApiException error)
        {
            await ErrorResponses.WriteAsync(context, error).ConfigureAwait(false);
        }
        catch (ArgumentException error)
        {
            await ErrorResponses.WriteAsync(context, 400, error.Message).ConfigureAwait(false);
        }
    }

    private async Task<(int Status, JsonNode Body)> RouteAsync(string method, string path, JsonObject body) =>
        (method, path) switch
        {
            ("POST", "/_sandbox/tokens") => (201, await CreateTokenAsync(body).ConfigureAwait(false)),
            ("POST", "/_sandbox/oauth/clients") => (201, await RegisterClientAsync(body).ConfigureAwait(false)),
            ("GET", "/_sandbox/health") => (200, new JsonObject { ["status"] = "ok", ["seed"] = data.Seed }),
            ("GET", "/_sandbox/faults") => (200, Pending()),
            ("POST", "/_sandbox/faults") => (200, Inject(body)),
            ("DELETE", "/_sandbox/faults") => (200, Clear()),
            ("PUT", "/_sandbox/rate-limits") => (200, SetLimits(body)),
            ("POST", "/_sandbox/reset") => (200, Reset()),
            _ => throw new ApiException(404, $"Cannot {method} {path}"),
        };

    private JsonObject Pending() => new() { ["pending"] = faults.Pending };

    private JsonObject Inject(JsonObject body)
    {
        var name = JsonText.String(body, "fault") ?? throw ApiException.Unprocessable("fault should not be empty");
        if (!FaultNames.TryGetValue(name, out var fault) && !Enum.TryParse(name, ignoreCase: true, out fault))
        {
            throw ApiException.Unprocessable(
                $"fault must be one of: {string.Join(", ", FaultNames.Keys.Concat(Enum.GetNames<SandboxFault>()))}");
        }

        faults.Inject(fault, (int)(JsonText.Number(body, "count") ?? 1));
        return Pending();
    }

    private JsonObject Clear()
    {
        faults.Clear();
        return Pending();
    }

    private async Task<JsonObject> CreateTokenAsync(JsonObject body)
    {
        var scopes = body["scopes"] switch
        {
            JsonArray => JsonText.Strings(body, "scopes"),
            JsonValue value when value.GetValueKind() == JsonValueKind.String =>
                [.. value.GetValue<string>().Split(' ', StringSplitOptions.RemoveEmptyEntries)],
            _ => null,
        };
        var token = JsonText.Boolean(body, "company") == true
            ? await data.CreateCompanyTokenAsync(JsonText.String(body, "companyId"), scopes).ConfigureAwait(false)
            : await data.CreatePrivateTokenAsync(JsonText.String(body, "locationId"), scopes).ConfigureAwait(false);
        return new JsonObject
        {
            ["token"] = token.Token,
            ["locationId"] = token.LocationId,
            ["companyId"] = token.CompanyId,
            ["scopes"] = JsonText.Array(token.Scopes),
        };
    }

    private async Task<JsonObject> RegisterClientAsync(JsonObject body)
    {
        var client = await data
            .RegisterOAuthClientAsync(JsonText.String(body, "clientId"), JsonText.String(body, "clientSecret"))
            .ConfigureAwait(false);
        return new JsonObject { ["clientId"] = client.ClientId, ["clientSecret"] = client.ClientSecret };
    }

    private JsonObject SetLimits(JsonObject body)
    {
        var current = limiter.Limits;
        limiter.Limits = new SandboxRateLimits
        {
            BurstLimit = (int)(JsonText.Number(body, "burstLimit") ?? current.BurstLimit),
            BurstWindow = JsonText.Number(body, "burstWindowMs") is { } ms
                ? TimeSpan.FromMilliseconds(ms)
                : current.BurstWindow,
            DailyLimit = (int)(JsonText.Number(body, "dailyLimit") ?? current.DailyLimit),
        };
        return new JsonObject
        {
            ["burstLimit"] = limiter.Limits.BurstLimit,
            ["burstWindowMs"] = limiter.Limits.BurstWindow.TotalMilliseconds,
            ["dailyLimit"] = limiter.Limits.DailyLimit,
        };
    }

    private JsonObject Reset()
    {
        reset();
        return new JsonObject { ["seed"] = data.Seed };
    }

    private static async Task<JsonObject> ReadAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        try
        {
            return buffer.Length == 0 ? [] : JsonNode.Parse(buffer.ToArray()) as JsonObject ?? [];
        }
        catch (JsonException error)
        {
            throw ApiException.BadRequest($"The body is not JSON: {error.Message}");
        }
    }
}
