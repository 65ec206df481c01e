using System.Text.Json.Nodes;
using Connector.Sandbox.Handlers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Connector.Sandbox.Hosting;

/// <summary>Writes error answers in the vendor's v2 shape: statusCode, message, error, traceId.</summary>
internal static class ErrorResponses
{
    public const string InvalidToken = "Invalid token: access token is invalid";
    public const string ScopeRefused = "The token is not authorized for this scope.";
    public const string LocationRefused = "The token does not have access to this location.";
    public const string CompanyRefused = "The token does not have access to this company.";

    // The vendor's answer when a token of the wrong kind (location vs agency) calls a route.
    public const string TokenTypeRefused =
        "This authClass type is not allowed to access this scope. "
        + "Please reach out to the Platform team to get it added.";

    public static Task WriteAsync(HttpContext context, ApiException error)
    {
        JsonNode? message = error.AsList
            ? JsonText.Array(error.Messages)
            : JsonValue.Create(error.Messages[0]);
        return WriteAsync(context, error.Status, message, error.Extra);
    }

    public static Task WriteAsync(HttpContext context, int status, string message) =>
        WriteAsync(context, status, JsonValue.Create(message), null);

    private static async Task WriteAsync(HttpContext context, int status, JsonNode? message, JsonObject? extra)
    {
        var body = new JsonObject
        {
            ["statusCode"] = status,
            ["message"] = message,
            ["error"] = ReasonPhrases.GetReasonPhrase(status),
        };
        if (extra is not null)
        {
            JsonText.Merge(body, extra);
        }

        body["traceId"] = Guid.NewGuid().ToString();
        await ApiResult.Json(status, body).WriteAsync(context.Response, context.RequestAborted).ConfigureAwait(false);
    }
}
