using System.Net;
using Connector.Sandbox.Checks;
using Connector.Sandbox.Faults;
using Connector.Sandbox.Handlers;
using Connector.Sandbox.Hosting;
using Connector.Sandbox.Routing;
using Connector.Sandbox.TrainerCentral;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Connector.Sandbox;

/// <summary>
/// A running GHL sandbox: a local, stateful stand-in for the GoHighLevel API v2 on 127.0.0.1, answering
/// every operation of the catalog with the vendor's checks (token, Version header, scopes, locations,
/// fields, rate limits) and the vendor's response shapes. Start one with <see cref="StartAsync"/>,
/// point a connector's base URL at <see cref="BaseUrl"/>, and dispose it to stop it.
/// </summary>
public sealed partial class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SandboxData _data;
    private readonly RateLimiter _limiter;
    private readonly CancellationTokenSource _stopping;
    private readonly ILogger _logger;
    private int _stopped;

    private SandboxServer(
        WebApplication app,
        SandboxData data,
        RateLimiter limiter,
        SandboxFaults faults,
        TrainerCentralSandbox trainerCentral,
        CancellationTokenSource stopping,
        ILogger logger)
    {
        _app = app;
        _data = data;
        _limiter = limiter;
        _stopping = stopping;
        _logger = logger;
        Faults = faults;
        TrainerCentral = trainerCentral;
        var server = app.Services.GetRequiredService<IServer>();
        var address = server.Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseUrl = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    /// <summary>Where the sandbox answers, for example <c>http://127.0.0.1:51234/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Failures to answer the next requests with; none by default.</summary>
    public SandboxFaults Faults { get; }

    /// <summary>The request budgets; may be changed while the sandbox runs (counts so far are kept).</summary>
    public SandboxRateLimits RateLimits
    {
        get => _limiter.Limits;
        set => _limiter.Limits = value;
    }

    /// <summary>The sandbox's data: the catalog it answers, its seed, credentials.</summary>
    public SandboxData Data => _data;

    /// <summary>
    /// The TrainerCentral academy the sandbox also serves at <see cref="BaseUrl"/> (/api/v4/, with Zoho
    /// accounts at /oauth/v2/): its tokens, and changes to its learners, progress and workshops.
    /// </summary>
    public TrainerCentralSandbox TrainerCentral { get; }

    /// <summary>
    /// Opens (or creates and seeds) the sandbox's data and starts answering on 127.0.0.1. Returns once
    /// requests are accepted.
    /// </summary>
    /// <exception cref="ArgumentException">An option cannot work; the message names it.</exception>
    /// <exception cref="InvalidOperationException">The definitions have problems.</exception>
    /// <exception cref="IOException">The port is taken.</exception>
    public static async Task<SandboxServer> StartAsync(
        SandboxOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var data = await SandboxData.OpenAsync(options, cancellationToken).ConfigureAwait(false);
        var loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var logger = loggerFactory.CreateLogger<SandboxServer>();
        var stopping = new CancellationTokenSource();
        WebApplication? app = null;
        try
        {
            var seed = data.EnsureSeeded(options.Seed);
            if (seed != options.Seed)
            {
                LogSeedKept(logger, seed, options.Seed);
            }

            var limiter = new RateLimiter(options.TimeProvider, options.RateLimits);
            var faults = new SandboxFaults();
            app = Build(options, loggerFactory);
            var academy = new Academy(data.State.Store, data.State.Time);
            var zoho = new ZohoTokenService(data.State.Store, data.State.Time);
            var trainerCentral = new TrainerCentralEndpoints(
                new ZohoAccountsEndpoints(data.State.Store, zoho), new AcademyApi(academy, zoho));
            var pipeline = CreatePipeline(
                data, limiter, faults, () => Reset(data, limiter), trainerCentral, logger, stopping.Token);
            app.Run(pipeline.HandleAsync);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var hosting = new TrainerCentralSandbox(academy, zoho, data);
            var started = new SandboxServer(app, data, limiter, faults, hosting, stopping, logger);
            LogStarted(logger, started.BaseUrl, data.Catalog.Count);
            return started;
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync().ConfigureAwait(false);
            }

            stopping.Dispose();
            await data.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc cref="SandboxData.CreatePrivateTokenAsync"/>
    public Task<SandboxToken> CreatePrivateTokenAsync(
        string? locationId = null,
        IEnumerable<string>? scopes = null,
        CancellationToken cancellationToken = default) =>
        _data.CreatePrivateTokenAsync(locationId, scopes, cancellationToken);

    /// <inheritdoc cref="SandboxData.CreateCompanyTokenAsync"/>
    public Task<SandboxToken> CreateCompanyTokenAsync(
        string? companyId = null,
        IEnumerable<string>? scopes = null,
        CancellationToken cancellationToken = default) =>
        _data.CreateCompanyTokenAsync(companyId, scopes, cancellationToken);

    /// <inheritdoc cref="SandboxData.RegisterOAuthClientAsync"/>
    public Task<SandboxOAuthClient> RegisterOAuthClientAsync(
        string? clientId = null,
        string? clientSecret = null,
        CancellationToken cancellationToken = default) =>
        _data.RegisterOAuthClientAsync(clientId, clientSecret, cancellationToken);

    /// <summary>
    /// Puts every object back as seeded (same seed), and refills the request budgets. Credentials, OAuth
    /// clients and queued faults stay.
    /// </summary>
    public Task ResetAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Reset(_data, _limiter);
        return Task.CompletedTask;
    }

    /// <summary>Stops answering: hanging requests are dropped, others may finish. Safe to call twice.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        await _data.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
        LogStopped(_logger, BaseUrl);
    }

    /// <summary>Stops the sandbox (see <see cref="StopAsync"/>).</summary>
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private static void Reset(SandboxData data, RateLimiter limiter)
    {
        data.Reseed(data.Seed ?? 0);
        limiter.Clear();
    }

    private static WebApplication Build(SandboxOptions options, ILoggerFactory loggerFactory)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });
        return builder.Build();
    }

    private static RequestPipeline CreatePipeline(
        SandboxData data,
        RateLimiter limiter,
        SandboxFaults faults,
        Action reset,
        TrainerCentralEndpoints trainerCentral,
        ILogger logger,
        CancellationToken stopping)
    {
        var handlers = HandlerRegistry.Build();
        var routes = new RouteTable();

        // TrainerCentral's operations are answered by its own endpoints, not by GHL's route table.
        foreach (var operation in data.Catalog.Operations.Where(o => o.Connector.Key != "trainercentral"))
        {
            var plan = new OperationPlan(operation, handlers.Find(operation.Key) ?? SampleResponder.For(operation));
            routes.Add(operation.Request.Method.ToUpperInvariant(), operation.Request.Path, plan);
        }

        return new RequestPipeline(
            data.State,
            routes,
            limiter,
            faults,
            new FaultResponder(limiter, stopping),
            new OAuthEndpoints(data.State, data.KnownScopes),
            new AdminEndpoints(data, faults, limiter, reset),
            trainerCentral,
            logger);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Sandbox answers {Count} operations at {BaseUrl}")]
    private static partial void LogStarted(ILogger logger, Uri baseUrl, int count);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Sandbox at {BaseUrl} stopped")]
    private static partial void LogStopped(ILogger logger, Uri baseUrl);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning,
        Message = "The data was seeded with {Seed} before; seed {Asked} applies only to new data (a new folder)")]
    private static partial void LogSeedKept(ILogger logger, int seed, int asked);
}
