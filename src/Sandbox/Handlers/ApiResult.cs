using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Connector.Sandbox.Handlers;

/// <summary>
/// A successful answer: a status and a JSON body, a stored document (optionally under a key), or bytes.
/// </summary>
internal sealed class ApiResult
{
    private const string JsonContentType = "application/json; charset=utf-8";

    private static readonly ConcurrentDictionary<string, byte[]> Prefixes = new(StringComparer.Ordinal);

    private ApiResult(int status, JsonNode? body, byte[]? raw, string? wrapKey, string contentType)
    {
        Status = status;
        Body = body;
        Raw = raw;
        WrapKey = wrapKey;
        ContentType = contentType;
    }

    public int Status { get; }

    public JsonNode? Body { get; }

    public byte[]? Raw { get; }

    public string? WrapKey { get; }

    public string ContentType { get; }

    public static ApiResult Json(int status, JsonNode? body) => new(status, body, null, null, JsonContentType);

    /// <summary>
    /// Stored JSON sent as it is, or as the only field <paramref name="wrapKey"/> of an object: the fast
    /// path of reads, which never parse what they send.
    /// </summary>
    public static ApiResult Document(int status, byte[] json, string? wrapKey = null) =>
        new(status, null, json, wrapKey, JsonContentType);

    public static ApiResult Bytes(int status, byte[] content, string contentType) =>
        new(status, null, content, null, contentType);

    public async Task WriteAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        response.StatusCode = Status;
        response.ContentType = ContentType;
        if (Raw is null)
        {
            var bytes = JsonText.ToUtf8(Body);
            response.ContentLength = bytes.Length;
            await response.Body.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (WrapKey is null)
        {
            response.ContentLength = Raw.Length;
            await response.Body.WriteAsync(Raw, cancellationToken).ConfigureAwait(false);
            return;
        }

        var prefix = Prefixes.GetOrAdd(WrapKey, key => Encoding.UTF8.GetBytes($"{{\"{key}\":"));
        response.ContentLength = prefix.Length + Raw.Length + 1;
        var writer = response.BodyWriter;
        writer.Write(prefix);
        writer.Write(Raw);
        writer.Write("}"u8);
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
