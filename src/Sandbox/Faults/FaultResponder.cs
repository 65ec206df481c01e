using System.Text;
using Connector.Sandbox.Checks;
using Connector.Sandbox.Hosting;
using Microsoft.AspNetCore.Http;

namespace Connector.Sandbox.Faults;

/// <summary>Answers a request with an injected fault, the way the failure looks from a client.</summary>
internal sealed class FaultResponder(RateLimiter limiter, CancellationToken stopping)
{
    // A 502 comes from the load balancer in front of the API, as HTML, not from the API itself.
    private static readonly byte[] BadGatewayPage = Encoding.UTF8.GetBytes(
        "<html><head><title>502 Bad Gateway</title></head>"
        + "<body><center><h1>502 Bad Gateway</h1></center></body></html>");

    private static readonly byte[] TruncatedBody = Encoding.UTF8.GetBytes(
        """{"contact":{"id":"seD4PfOuKoVMLkEZqohJ","locationId":"ve9EPM428h8vShlRW1KT","firstName":"Ros""");

    public async Task RespondAsync(HttpContext context, SandboxFault fault)
    {
        switch (fault)
        {
            case SandboxFault.TooManyRequests:
                var limits = limiter.Limits;
                RateLimiter.WriteHeaders(context.Response.Headers, new RateDecision(
                    false, limits.BurstLimit, 0, (long)limits.BurstWindow.TotalMilliseconds,
                    limits.DailyLimit, limits.DailyLimit, 86_400_000));
                await ErrorResponses.WriteAsync(context, 429, "Too many requests").ConfigureAwait(false);
                break;
            case SandboxFault.InternalServerError:
                await ErrorResponses.WriteAsync(context, 500, "Internal server error").ConfigureAwait(false);
                break;
            case SandboxFault.BadGateway:
                await WriteAsync(context, 502, BadGatewayPage, "text/html").ConfigureAwait(false);
                break;
            case SandboxFault.ServiceUnavailable:
                await ErrorResponses.WriteAsync(context, 503, "Service Unavailable").ConfigureAwait(false);
                break;
            case SandboxFault.Hang:
                await HangAsync(context).ConfigureAwait(false);
                break;
            case SandboxFault.ResetConnection:
                context.Abort();
                break;
            default:
                // No Content-Length: the body ends cleanly, it is the JSON that is cut off.
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/json; charset=utf-8";
                await context.Response.Body.WriteAsync(TruncatedBody, context.RequestAborted).ConfigureAwait(false);
                break;
        }
    }

    private static async Task WriteAsync(HttpContext context, int status, byte[] body, string contentType)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task HangAsync(HttpContext context)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        try
        {
            await Task.Delay(Timeout.Infinite, either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The client gave up or the sandbox is stopping: drop the connection, as a hung server would.
            context.Abort();
        }
    }
}
