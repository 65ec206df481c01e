using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Connector.Operations.Tests.Support;

/// <summary>A real HTTP server on 127.0.0.1 that records each request and answers as the test says.</summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<RecordedRequest, ServerReply> _reply;
    private readonly Task _loop;

    public LoopbackServer(Func<RecordedRequest, ServerReply> reply)
    {
        _reply = reply;
        var port = FreePort();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseUrl.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseUrl { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception error)
                when (error is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.AllKeys.Where(k => k is not null)
            .ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
        var request = new RecordedRequest(
            context.Request.HttpMethod,
            context.Request.Url!.AbsolutePath,
            context.Request.Url.Query,
            headers,
            text.Length == 0 ? null : text,
            context.Request.ContentType);
        Requests.Enqueue(request);
        var reply = _reply(request);
        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers)
        {
            context.Response.Headers[name] = value;
        }

        context.Response.ContentType = reply.ContentType;
        var bytes = Encoding.UTF8.GetBytes(reply.Body);
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}

/// <summary>What the server received.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string? Body,
    string? ContentType)
{
    public JsonNode? Json => Body is null ? null : JsonNode.Parse(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The query's parameters, decoded; a repeated name keeps every value.</summary>
    public ILookup<string, string> QueryParameters => Query.TrimStart('?')
        .Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(p => p.Split('=', 2))
        .ToLookup(p => Uri.UnescapeDataString(p[0]), p => p.Length > 1 ? Uri.UnescapeDataString(p[1]) : "");
}

/// <summary>What the server answers.</summary>
public sealed record ServerReply(int Status, string Body, string ContentType = "application/json")
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public static ServerReply Json(int status, JsonNode? body) => new(status, body?.ToJsonString() ?? "");
}
