namespace Connector.Runtime.Tests.Support;

/// <summary>How the loopback server answers one request.</summary>
internal sealed record Reply
{
    public ReplyKind Kind { get; init; } = ReplyKind.Complete;

    public int Status { get; init; } = 200;

    public string Body { get; init; } = "";

    public string? ContentType { get; init; } = "application/json";

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>When set, the server holds the reply until this completes (a slow server).</summary>
    public Task? HeldUntil { get; init; }

    public static Reply Json(int status, string body, params (string Name, string Value)[] headers) => new()
    {
        Status = status,
        Body = body,
        Headers = [.. headers.Select(h => KeyValuePair.Create(h.Name, h.Value))],
    };

    public static Reply Ok(string body = """{"ok":true}""") => Json(200, body);

    /// <summary>Reads the request and never answers.</summary>
    public static Reply Hang() => new() { Kind = ReplyKind.Hang };

    /// <summary>Sends the status line, headers and part of the body, then goes silent.</summary>
    public static Reply HangAfterHeaders() => new() { Kind = ReplyKind.HangAfterHeaders, Body = """{"contacts":[""" };

    /// <summary>Promises a longer body than it sends, then closes the connection.</summary>
    public static Reply Truncated() => new() { Kind = ReplyKind.Truncated, Body = """{"contacts":[""" };

    /// <summary>Resets the connection once the request is read.</summary>
    public static Reply Reset() => new() { Kind = ReplyKind.Reset };
}
