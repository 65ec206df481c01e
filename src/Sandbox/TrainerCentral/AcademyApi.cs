using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Sandbox.Handlers;
using Connector.Sandbox.Storage;
using Microsoft.AspNetCore.Http;
using static Connector.Sandbox.TrainerCentral.TrainerCentralScopes;

namespace Connector.Sandbox.TrainerCentral;

/// <summary>
/// Answers the TrainerCentral API under /api/v4/ in the order the checks apply: find the endpoint, check
/// the <c>Zoho-oauthtoken</c> credential and its scope, check the academy named in the path, read the
/// body, then let the endpoint's handler act on the academy. No rate limits: none are documented.
/// </summary>
internal sealed class AcademyApi(Academy academy, ZohoTokenService tokens)
{
    public const string Prefix = "/api/v4/";

    private const string Scheme = "Zoho-oauthtoken ";

    private static readonly AcademyRoute[] Routes =
    [
        new("GET", "/api/v4/org/portals.json", PortalRead, AcademyReads.Portals),
        new("GET", "/api/v4/{orgId}/courses.json", CourseRead, AcademyReads.Courses),
        new("GET", "/api/v4/{orgId}/portalMembers.json", PresenterRead, AcademyReads.Learners),
        new("GET", "/api/v4/{orgId}/course/{courseId}/courseMembers.json", CourseRead, AcademyReads.Enrolments),
        new("GET", "/api/v4/{orgId}/talks.json", TalkRead, AcademyReads.Talks),
        new("GET", "/api/v4/{orgId}/fetchuserdetails.json", UserRead, AcademyReads.UserDetails),
        new("POST", "/api/v4/{orgId}/addCourseAttendee.json", UserCreate, AcademyWrites.AddCourseAttendee),
        new("POST", "/api/v4/{orgId}/sessions.json", SessionCreate, AcademyWrites.CreateSession),
        new("DELETE", "/api/v4/{orgId}/sessions/{sessionId}.json", SessionDelete, AcademyWrites.DeleteSession),
    ];

    public async Task HandleAsync(HttpContext context, string path)
    {
        try
        {
            var (route, values) = Find(context.Request.Method, path);
            var token = Authenticate(context);
            if (!token.Scopes.Contains(route.Scope))
            {
                throw new AcademyError(401, "OAUTH_SCOPE_MISMATCH", $"The token lacks the scope {route.Scope}");
            }

            if (values.TryGetValue("orgId", out var orgId) && !academy.HasOrg(orgId))
            {
                throw new AcademyError(403, "NO_ACCESS", $"You are not a member of the academy {orgId}");
            }

            var request = new AcademyRequest
            {
                Http = context,
                Academy = academy,
                Values = values,
                Body = route.HasBody ? await ReadBodyAsync(context).ConfigureAwait(false) : null,
            };
            await WriteAsync(context, 200, route.Handler(request)).ConfigureAwait(false);
        }
        catch (AcademyError error)
        {
            var body = new JsonObject { ["code"] = error.Code, ["message"] = error.Message };
            await WriteAsync(context, error.Status, new JsonObject { ["error"] = body }).ConfigureAwait(false);
        }
    }

    private static (AcademyRoute Route, Dictionary<string, string> Values) Find(string method, string path)
    {
        foreach (var route in Routes)
        {
            if (string.Equals(route.Method, method, StringComparison.OrdinalIgnoreCase)
                && route.Match(path) is { } values)
            {
                return (route, values);
            }
        }

        throw new AcademyError(404, "URL_NOT_FOUND", $"Cannot {method} {path}");
    }

    private static Task WriteAsync(HttpContext context, int status, JsonObject body) =>
        ApiResult.Json(status, body).WriteAsync(context.Response, context.RequestAborted);

    private TokenRecord Authenticate(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            && tokens.Authenticate(header[Scheme.Length..].Trim()) is { } token
            ? token
            : throw new AcademyError(401, "INVALID_OAUTHTOKEN", "Invalid OAuth access token");
    }

    private static async Task<JsonObject?> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        if (buffer.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)) as JsonObject
                ?? throw AcademyError.Invalid("The body must be a JSON object");
        }
        catch (JsonException error)
        {
            throw new AcademyError(400, "INVALID_JSON", $"The body is not JSON: {error.Message}");
        }
    }
}
