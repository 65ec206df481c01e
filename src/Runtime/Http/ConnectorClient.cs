using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Runtime.Auth;
using Connector.Runtime.Http.RateLimiting;
using Connector.Runtime.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;

namespace Connector.Runtime.Http;

/// <summary>
/// Sends a connector's requests: the one pipeline of auth, rate limits, timeouts, retries and error
/// reading that every caller in the process shares. Thread-safe; create one per connector and base URL.
/// </summary>
/// <remarks>
/// Requests go straight to <see cref="HttpClient"/>. Flurl.Http sat here at first; the pipeline
/// benchmark (docs/benchmarks.md) measured its request and call objects at about a third of the cost
/// of a whole round trip to a local server, and nothing it added (fluent URLs, its own error types)
/// was used: templates build the URL and Polly does the retries.
/// </remarks>
public sealed partial class ConnectorClient : IDisposable
{
    private static readonly ResiliencePropertyKey<ApiRequest> RequestKey = new("connector.request");

    private readonly ConnectorClientOptions _options;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<Attempt> _retries;
    private readonly string _basePath;
    private readonly KeyValuePair<string, string>[] _headers;

    public ConnectorClient(
        ConnectorClientOptions options,
        HttpMessageHandler? handler = null,
        TimeProvider? time = null,
        ILogger<ConnectorClient>? logger = null)
    {
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger<ConnectorClient>.Instance;
        // The per-attempt timeout comes from the TimeProvider below, so HttpClient's own is off.
        _http = new HttpClient(handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _basePath = options.BaseUrl.AbsolutePath.TrimEnd('/');
        _headers = [.. options.Headers];
        RateLimiter = new RateLimiter(options.RateBudgets, options.RateLimiter, _time);
        _retries = BuildRetries();
    }

    /// <summary>The budgets this client spends; shared by every request it sends.</summary>
    public RateLimiter RateLimiter { get; }

    public Uri BaseUrl => _options.BaseUrl;

    /// <summary>
    /// Sends <paramref name="request"/>, retrying what is safe to retry, and returns its 2xx response.
    /// </summary>
    /// <exception cref="OperationException">A typed failure that names the operation.</exception>
    public async Task<ApiResponse> SendAsync(
        ApiRequest request,
        IAccessTokenSource auth,
        CancellationToken cancellationToken)
    {
        var target = Resolve(request);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        try
        {
            var outcome = await _retries.ExecuteOutcomeAsync(
                static (ctx, state) =>
                    state.Client.AttemptAsync(state.Request, state.Target, state.Auth, ctx.CancellationToken),
                context,
                (Client: this, Request: request, Target: target, Auth: auth)).ConfigureAwait(false);
            return Finish(request, outcome, context.Properties.GetValue(AttemptCountKey, 1));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static readonly ResiliencePropertyKey<int> AttemptCountKey = new("connector.attempts");

    private ResiliencePipeline<Attempt> BuildRetries() =>
        new ResiliencePipelineBuilder<Attempt> { TimeProvider = _time }
        .AddRetry(new RetryStrategyOptions<Attempt>
        {
            MaxRetryAttempts = Math.Max(1, _options.MaxRetries),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = _options.RetryBaseDelay,
            MaxDelay = _options.RetryMaxDelay,
            ShouldHandle = args => ValueTask.FromResult(
                _options.MaxRetries > 0
                && ShouldRetry(args.Context.Properties.GetValue(RequestKey, null!), args.Outcome)),
            DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome)),
            OnRetry = args =>
            {
                var request = args.Context.Properties.GetValue(RequestKey, null!);
                args.Context.Properties.Set(AttemptCountKey, args.AttemptNumber + 2);
                LogRetry(
                    _logger, request.OperationKey, args.AttemptNumber + 1, Describe(args.Outcome), args.RetryDelay);
                return default;
            },
        })
        .Build();

    // One attempt as the retry strategy wants it: a failure is returned, not thrown, unless it is the
    // caller's own cancellation.
    private async ValueTask<Outcome<Attempt>> AttemptAsync(
        ApiRequest request,
        Uri target,
        IAccessTokenSource auth,
        CancellationToken cancellationToken)
    {
        try
        {
            var token = await auth.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            var attempt = await SendOnceAsync(request, target, token, cancellationToken).ConfigureAwait(false);
            if (attempt.StatusCode == 401 && await auth.TryRefreshAsync(token, cancellationToken).ConfigureAwait(false))
            {
                token = await auth.GetTokenAsync(cancellationToken).ConfigureAwait(false);
                attempt = await SendOnceAsync(request, target, token, cancellationToken).ConfigureAwait(false);
            }

            return Outcome.FromResult(attempt);
        }
        catch (Exception error)
            when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Outcome.FromException<Attempt>(error);
        }
    }

    // One request spent from the rate budgets: waited for before it is sent, held until it is answered.
    private async Task<Attempt> SendOnceAsync(
        ApiRequest request,
        Uri target,
        string token,
        CancellationToken cancellationToken)
    {
        var lease = await AcquireAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            // The deadline starts once the budgets have room: a wait for them is not the vendor being slow.
            using var deadline = new CancellationTokenSource(_options.AttemptTimeout, _time);
            // A caller's token that can never fire needs no linking: the deadline alone can end the attempt.
            using var linked = cancellationToken.CanBeCanceled
                ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token)
                : null;
            var attemptToken = linked?.Token ?? deadline.Token;
            try
            {
                using var outgoing = new HttpRequestMessage(request.Method, target)
                {
                    Content = CreateContent(request),
                };
                foreach (var (name, value) in _headers)
                {
                    outgoing.Headers.TryAddWithoutValidation(name, value);
                }

                foreach (var (name, value) in request.Headers)
                {
                    outgoing.Headers.Remove(name);
                    outgoing.Headers.TryAddWithoutValidation(name, value);
                }

                outgoing.Headers.TryAddWithoutValidation(_options.AuthHeader, $"{_options.AuthScheme} {token}");
                using var message = await _http
                    .SendAsync(outgoing, HttpCompletionOption.ResponseContentRead, attemptToken)
                    .ConfigureAwait(false);
                var body = await message.Content.ReadAsByteArrayAsync(attemptToken).ConfigureAwait(false);
                var attempt = new Attempt(
                    (int)message.StatusCode, message.Headers, message.Content.Headers.ContentType, body);
                RateLimiter.Observe(request.RateLimitKey, attempt.Header, attempt.StatusCode == 429);
                return attempt;
            }
            catch (OperationCanceledException)
                when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new AttemptTimeoutException();
            }
        }
        finally
        {
            RateLimiter.Complete(lease);
        }
    }

    private async ValueTask<RateLease> AcquireAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await RateLimiter.AcquireAsync(request.RateLimitKey, cancellationToken).ConfigureAwait(false);
        }
        catch (RateLimitWaitException wait)
        {
            throw new RateLimitedException(request.OperationKey, wait.Message);
        }
    }

    private static HttpContent? CreateContent(ApiRequest request)
    {
        if (request.Form is { } form)
        {
            return new FormUrlEncodedContent(form);
        }

        return request.Body is { } body ? JsonContent(body) : null;
    }

    // Written straight to UTF-8: no string of the body is made only to be encoded again.
    private static ReadOnlyMemoryContent JsonContent(JsonNode body)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            body.WriteTo(writer);
        }

        var content = new ReadOnlyMemoryContent(buffer.WrittenMemory);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private Uri Resolve(ApiRequest request)
    {
        if (!request.Path.StartsWith('/') || request.Path.StartsWith("//", StringComparison.Ordinal)
            || request.Path.Contains("/../", StringComparison.Ordinal)
            || request.Path.EndsWith("/..", StringComparison.Ordinal)
            || request.Path.Contains('?', StringComparison.Ordinal)
            || request.Path.Contains('#', StringComparison.Ordinal))
        {
            throw new RequestRefusedException(request.OperationKey,
                $"the path '{request.Path}' would leave the connector's base URL {_options.BaseUrl}");
        }

        var query = request.Query.Count > 0
            ? string.Join('&',
                request.Query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"))
            : null;
        var builder = new UriBuilder(_options.BaseUrl) { Path = _basePath + request.Path };
        if (query is not null)
        {
            builder.Query = query;
        }

        var target = builder.Uri;
        if (target.Scheme != _options.BaseUrl.Scheme || target.Authority != _options.BaseUrl.Authority
            || !target.AbsolutePath.StartsWith(_basePath + "/", StringComparison.Ordinal))
        {
            throw new RequestRefusedException(request.OperationKey,
                $"the path '{request.Path}' would leave the connector's base URL {_options.BaseUrl}");
        }

        return target;
    }

    private bool ShouldRetry(ApiRequest request, Outcome<Attempt> outcome) => outcome switch
    {
        { Exception: AttemptTimeoutException } => request.Repeatable,
        {
            Exception: HttpRequestException
            {
                InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused },
            },
        } => true,
        { Exception: HttpRequestException or IOException } => request.Repeatable,
        { Result: { StatusCode: 429 } attempt } => !IsLongBudgetSpent(attempt),
        { Result: { StatusCode: 500 or 502 or 503 or 504 } } => request.Repeatable,
        _ => false,
    };

    // Known shortcoming: a 429 also closes the limiter's burst window until its oldest request slides
    // out, so a Retry-After shorter than that is honoured late (never early). It can go once the limiter
    // takes Retry-After as the window's reset.
    private TimeSpan? RetryAfter(Outcome<Attempt> outcome)
    {
        if (outcome.Result?.RetryAfter(_time.GetUtcNow()) is { } wait)
        {
            return wait > _options.RetryMaxDelay ? _options.RetryMaxDelay : wait;
        }

        // No Retry-After: a 429 waits in the rate limiter, which the headers have just closed, so
        // the backoff only needs to be short; anything else gets the exponential backoff.
        return null;
    }

    private ApiResponse Finish(ApiRequest request, Outcome<Attempt> outcome, int attempts)
    {
        if (outcome.Exception is { } error)
        {
            throw error switch
            {
                OperationException typed => typed,
                AttemptTimeoutException =>
                    new RequestTimeoutException(request.OperationKey, _options.AttemptTimeout, attempts),
                OperationCanceledException => error,
                HttpRequestException or IOException => new ConnectionFailedException(request.OperationKey,
                    $"could not reach {_options.BaseUrl.Authority}: {error.Message} ({attempts} attempt(s))", error),
                _ => error,
            };
        }

        var attempt = outcome.Result!;
        if (attempt.StatusCode is >= 200 and < 300)
        {
            return new ApiResponse(attempt.StatusCode, ParseBody(request, attempt));
        }

        var failure = ReadError(request, attempt);
        LogFailure(_logger, request.OperationKey, attempt.StatusCode, failure.Message);
        throw failure;
    }

    private static JsonNode? ParseBody(ApiRequest request, Attempt attempt)
    {
        if (attempt.Body.Length == 0)
        {
            return null;
        }

        if (!attempt.IsJson)
        {
            return attempt.IsText
                ? JsonValue.Create(Encoding.UTF8.GetString(attempt.Body))
                : JsonValue.Create(Convert.ToBase64String(attempt.Body));
        }

        try
        {
            return JsonNode.Parse(attempt.Body);
        }
        catch (JsonException error)
        {
            throw new MalformedResponseException(request.OperationKey, attempt.StatusCode,
                $"{attempt.Body.Length} bytes, {error.Message}", error);
        }
    }

    private OperationException ReadError(ApiRequest request, Attempt attempt)
    {
        JsonNode? body = null;
        try
        {
            body = attempt.Body.Length > 0 && attempt.IsJson ? JsonNode.Parse(attempt.Body) : null;
        }
        catch (JsonException)
        {
            // An error page that is not JSON still has a status worth reporting.
        }

        var messages = JsonPath.Get(body, _options.ErrorMessagePath) switch
        {
            JsonArray many => many.Select(m => m?.ToString() ?? "").ToList(),
            JsonValue one => [one.ToString()],
            _ => body is null && attempt.Body.Length > 0 && attempt.IsText
                ? [Truncate(Encoding.UTF8.GetString(attempt.Body))]
                : new List<string> { ((HttpStatusCode)attempt.StatusCode).ToString() },
        };
        var traceId = JsonPath.Get(body, _options.ErrorTraceIdPath)?.ToString();
        if (attempt.StatusCode == 429)
        {
            var why = IsLongBudgetSpent(attempt)
                ? "the daily request budget is spent"
                : "still rate limited after every retry";
            return new RateLimitedException(request.OperationKey, $"HTTP 429: {why}", messages, traceId);
        }

        return new ApiException(request.OperationKey, attempt.StatusCode, messages, traceId);
    }

    // A 429 that says a budget of an hour or more has nothing left: waiting seconds will not help.
    private bool IsLongBudgetSpent(Attempt attempt) => _options.RateBudgets
        .Where(b => b.Window >= TimeSpan.FromHours(1) && b.RemainingHeader is not null)
        .Any(b => attempt.Header(b.RemainingHeader!) == "0");

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "…";

    private static string Describe(Outcome<Attempt> outcome) => outcome.Exception switch
    {
        AttemptTimeoutException => "timed out",
        { } error => error.GetType().Name + ": " + error.Message,
        null => $"HTTP {outcome.Result!.StatusCode}",
    };

    public void Dispose() => _http.Dispose();

    [LoggerMessage(
        EventId = 1001,
        Level = LogLevel.Warning,
        Message = "{Operation}: attempt {Attempt} failed ({Reason}); retrying in {Delay}")]
    private static partial void LogRetry(ILogger logger, string operation, int attempt, string reason, TimeSpan delay);

    [LoggerMessage(
        EventId = 1002,
        Level = LogLevel.Error,
        Message = "{Operation}: failed with HTTP {Status}: {Reason}")]
    private static partial void LogFailure(ILogger logger, string operation, int status, string reason);

    /// <summary>One response, read whole.</summary>
    private sealed record Attempt(
        int StatusCode,
        HttpResponseHeaders Headers,
        MediaTypeHeaderValue? ContentType,
        byte[] Body)
    {
        public bool IsJson => ContentType?.MediaType is null or "application/json"
            || ContentType.MediaType.EndsWith("+json", StringComparison.Ordinal);

        public bool IsText => ContentType?.MediaType?.StartsWith("text/", StringComparison.Ordinal) == true || IsJson;

        public string? Header(string name) =>
            Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

        public TimeSpan? RetryAfter(DateTimeOffset now) => Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
            _ => null,
        };
    }

    /// <summary>An attempt that got no response within <see cref="ConnectorClientOptions.AttemptTimeout"/>.</summary>
    private sealed class AttemptTimeoutException : Exception;
}
