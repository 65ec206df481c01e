using System.Text.Json.Nodes;
using Connector.Runtime.Auth;
using Connector.Runtime.Http;
using Connector.Runtime.Http.RateLimiting;
using Connector.Runtime.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Connector.Runtime.Tests.Http;

/// <summary>A <see cref="ConnectorClient"/> on a fake clock, and a loopback server playing the vendor.</summary>
internal sealed class ClientHarness : IAsyncDisposable
{
    public const string Location = "ve9EPM428h8vShlRW1KT";

    /// <summary>The GHL budgets, as the connector file declares them.</summary>
    public static readonly IReadOnlyList<RateBudget> GhlBudgets =
    [
        new()
        {
            Name = "burst",
            Limit = 100,
            Window = TimeSpan.FromSeconds(10),
            LimitHeader = "X-RateLimit-Max",
            RemainingHeader = "X-RateLimit-Remaining",
            WindowHeader = "X-RateLimit-Interval-Milliseconds",
        },
        new()
        {
            Name = "daily",
            Limit = 200_000,
            Window = TimeSpan.FromDays(1),
            LimitHeader = "X-RateLimit-Limit-Daily",
            RemainingHeader = "X-RateLimit-Daily-Remaining",
            ResetHeader = "X-RateLimit-Daily-Reset",
        },
    ];

    private ClientHarness(Func<ConnectorClientOptions, ConnectorClientOptions>? configure, Reply[] replies)
    {
        Server = new LoopbackServer(Time, replies);
        var options = new ConnectorClientOptions
        {
            Connector = "ghl",
            BaseUrl = Server.Url("/v2/"),
            Headers = new Dictionary<string, string> { ["Accept"] = "application/json", ["Version"] = "2021-07-28" },

            // Long enough that moving the clock while real I/O is under way never times an attempt out;
            // the timeout tests set their own.
            AttemptTimeout = TimeSpan.FromHours(1),
            MaxRetries = 2,
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
            RetryMaxDelay = TimeSpan.FromSeconds(60),
            RateBudgets = GhlBudgets,
        };
        Options = configure?.Invoke(options) ?? options;
        Client = new ConnectorClient(Options, time: Time, logger: Log);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero));

    public LoopbackServer Server { get; }

    public ConnectorClientOptions Options { get; }

    public ConnectorClient Client { get; }

    public CapturingLogger<ConnectorClient> Log { get; } = new();

    public string Token { get; } = TestTokens.New();

    public static ClientHarness Start(params Reply[] replies) => new(null, replies);

    public static ClientHarness Start(
        Func<ConnectorClientOptions, ConnectorClientOptions> configure,
        params Reply[] replies) => new(configure, replies);

    public static ApiRequest Get(string path = "/contacts/seD4PfOuKoVMLkEZqohJ") => new()
    {
        OperationKey = "contacts.get",
        Method = HttpMethod.Get,
        Path = path,
        Repeatable = true,
        RateLimitKey = Location,
    };

    public static ApiRequest Post(bool repeatable = false) => new()
    {
        OperationKey = "contacts.create",
        Method = HttpMethod.Post,
        Path = "/contacts/",
        Body = JsonNode.Parse("""{"locationId":"ve9EPM428h8vShlRW1KT","firstName":"Ana","tags":["vip"]}"""),
        Repeatable = repeatable,
        RateLimitKey = Location,
    };

    /// <summary>Starts sending; the clock stands still until the test moves it.</summary>
    public Task<ApiResponse> SendAsync(
        ApiRequest request,
        IAccessTokenSource? auth = null,
        CancellationToken cancellationToken = default) =>
        Client.SendAsync(request, auth ?? new StaticTokenSource(Token), cancellationToken);

    /// <summary>Sends, moving the clock a <paramref name="step"/> at a time through every backoff and wait.</summary>
    public async Task<ApiResponse> SendThroughWaitsAsync(
        ApiRequest request,
        IAccessTokenSource? auth = null,
        TimeSpan? step = null)
    {
        var sending = SendAsync(request, auth);

        // The clock stands still until the first attempt reaches the server (or the request ends without
        // one), so that the server's arrival times measure the client's waits and nothing else.
        await Task.WhenAny(sending, Server.WaitForRequestAsync(1));
        return await Time.AdvanceUntilCompletedAsync(sending, step ?? TimeSpan.FromSeconds(1));
    }

    /// <summary>Sends through every wait, expecting a <typeparamref name="TException"/>.</summary>
    public Task<TException> SendExpectingFailureAsync<TException>(ApiRequest request, IAccessTokenSource? auth = null)
        where TException : Exception => Assert.ThrowsAsync<TException>(() => SendThroughWaitsAsync(request, auth));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
