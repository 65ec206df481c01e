using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Connector.Runtime.Tests.Support;

/// <summary>
/// A small HTTP/1.1 server on 127.0.0.1 that records every request and answers as the test scripts it,
/// including the ways real servers misbehave: hanging, truncating a body, resetting the connection.
/// It closes each connection after one exchange, so every attempt of the client is its own request.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    /// <summary>How long a test waits for real I/O (a request reaching the server) before it fails.</summary>
    public static readonly TimeSpan RealIoPatience = TimeSpan.FromSeconds(10);

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<int, RecordedRequest, Reply> _reply;
    private readonly TimeProvider _clock;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<TaskCompletionSource<RecordedRequest>> _arrivals = [];
    private readonly ConcurrentBag<Task> _exchanges = [];
    private readonly Task _accepting;
    private int _connections;

    /// <param name="reply">Answers the n-th request (1-based).</param>
    /// <param name="clock">Stamps each request's arrival; pass the test's fake clock.</param>
    public LoopbackServer(Func<int, RecordedRequest, Reply> reply, TimeProvider? clock = null)
    {
        _reply = reply;
        _clock = clock ?? TimeProvider.System;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>Answers the n-th request with the n-th reply, and every later one with the last.</summary>
    public LoopbackServer(TimeProvider clock, params Reply[] replies)
        : this((n, _) => replies[Math.Min(n, replies.Length) - 1], clock)
    {
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Connections accepted so far, whether or not a whole request came over them.</summary>
    public int Connections => Volatile.Read(ref _connections);

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public Uri Url(string path = "") => new($"http://127.0.0.1:{Port}{path}");

    /// <summary>A port on 127.0.0.1 that nothing listens on.</summary>
    public static int UnusedPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    /// <summary>The <paramref name="number"/>-th request (1-based), once it has arrived.</summary>
    public Task<RecordedRequest> WaitForRequestAsync(int number)
    {
        lock (_requests)
        {
            return Arrival(number - 1).Task.WaitAsync(RealIoPatience);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        await Task.WhenAll(_exchanges);
        _stop.Dispose();
    }

    private TaskCompletionSource<RecordedRequest> Arrival(int index)
    {
        while (_arrivals.Count <= index)
        {
            _arrivals.Add(new(TaskCreationOptions.RunContinuationsAsynchronously));
        }

        return _arrivals[index];
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception error)
                when (error is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            _exchanges.Add(Task.Run(() => ExchangeAsync(socket)));
        }
    }

    private async Task ExchangeAsync(Socket socket)
    {
        using (socket)
        {
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            try
            {
                if (await ReadRequestAsync(stream) is not { } request)
                {
                    return;
                }

                var reply = _reply(Record(request), request);
                if (reply.HeldUntil is { } held)
                {
                    await held.WaitAsync(_stop.Token);
                }

                await AnswerAsync(socket, stream, reply);
            }
            catch (Exception error) when (error is IOException or SocketException or OperationCanceledException)
            {
                // The client hung up (a timeout, a cancelled request) or the test ended: nothing to answer.
            }
        }
    }

    private int Record(RecordedRequest request)
    {
        lock (_requests)
        {
            _requests.Add(request);
            Arrival(_requests.Count - 1).TrySetResult(request);
            return _requests.Count;
        }
    }

    private async Task<RecordedRequest?> ReadRequestAsync(NetworkStream stream)
    {
        var received = new List<byte>();
        var chunk = new byte[8192];
        int headEnd;
        while ((headEnd = IndexOfBlankLine(received)) < 0)
        {
            var read = await stream.ReadAsync(chunk, _stop.Token);
            if (read == 0)
            {
                return null;
            }

            received.AddRange(chunk.AsSpan(0, read));
        }

        var lines = Encoding.Latin1.GetString([.. received.Take(headEnd)]).Split("\r\n");
        var headers = ParseHeaders(lines.Skip(1));
        var length = headers.TryGetValue("Content-Length", out var text)
            ? int.Parse(text, CultureInfo.InvariantCulture)
            : 0;
        var body = received.Skip(headEnd + 4).ToList();
        while (body.Count < length)
        {
            var read = await stream.ReadAsync(chunk, _stop.Token);
            if (read == 0)
            {
                return null;
            }

            body.AddRange(chunk.AsSpan(0, read));
        }

        var requestLine = lines[0].Split(' ');
        var content = Encoding.UTF8.GetString([.. body]);
        return new RecordedRequest(requestLine[0], requestLine[1], headers, content, _clock.GetUtcNow());
    }

    private static Dictionary<string, string> ParseHeaders(IEnumerable<string> lines)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var (name, value) = (line[..colon].Trim(), line[(colon + 1)..].Trim());
            headers[name] = headers.TryGetValue(name, out var earlier) ? $"{earlier}, {value}" : value;
        }

        return headers;
    }

    private static int IndexOfBlankLine(List<byte> bytes)
    {
        for (var i = 0; i + 3 < bytes.Count; i++)
        {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }

    private async Task AnswerAsync(Socket socket, NetworkStream stream, Reply reply)
    {
        switch (reply.Kind)
        {
            case ReplyKind.Reset:
                socket.LingerState = new LingerOption(true, 0);
                socket.Close();
                return;
            case ReplyKind.Hang:
                await WaitForHangUpAsync(stream);
                return;
        }

        var body = Encoding.UTF8.GetBytes(reply.Body);
        var promised = reply.Kind == ReplyKind.Complete ? body.Length : body.Length + 100;
        await stream.WriteAsync(Encoding.Latin1.GetBytes(Head(reply, promised)), _stop.Token);
        await stream.WriteAsync(body, _stop.Token);
        await stream.FlushAsync(_stop.Token);
        if (reply.Kind == ReplyKind.HangAfterHeaders)
        {
            await WaitForHangUpAsync(stream);
            return;
        }

        socket.Shutdown(SocketShutdown.Both);
    }

    private static string Head(Reply reply, int contentLength)
    {
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {reply.Status} {(HttpStatusCode)reply.Status}\r\n");
        foreach (var (name, value) in reply.Headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        if (reply.ContentType is { } type)
        {
            head.Append(CultureInfo.InvariantCulture, $"Content-Type: {type}\r\n");
        }

        return head
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {contentLength}\r\n")
            .Append("Connection: close\r\n\r\n")
            .ToString();
    }

    /// <summary>Holds the connection open, answering nothing, until the client gives up or the test ends.</summary>
    private async Task WaitForHangUpAsync(NetworkStream stream)
    {
        var sink = new byte[256];
        while (await stream.ReadAsync(sink, _stop.Token) > 0)
        {
        }
    }
}
