using System.Collections.Concurrent;
using Connector.Operations.Definitions;
using Connector.Runtime.Http;
using Connector.Runtime.Http.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Connector.Operations.Invoking;

/// <summary>
/// One <see cref="ConnectorClient"/> per connector and base URL for the whole process, so that every
/// caller spends the same rate budgets.
/// </summary>
public sealed class ConnectorClients(
    InvokerOptions options,
    TimeProvider? time = null,
    ILoggerFactory? loggers = null,
    Func<HttpMessageHandler>? handlers = null) : IDisposable
{
    private readonly ConcurrentDictionary<(string, Uri), Lazy<ConnectorClient>> _clients = new();

    public ConnectorClient For(ConnectorDefinition connector, Uri? baseUrl = null)
    {
        var address = baseUrl ?? connector.BaseUrl;
        return _clients
            .GetOrAdd((connector.Key, address), _ => new Lazy<ConnectorClient>(() => Create(connector, address)))
            .Value;
    }

    private ConnectorClient Create(ConnectorDefinition connector, Uri baseUrl)
    {
        var clientOptions = new ConnectorClientOptions
        {
            Connector = connector.Key,
            BaseUrl = baseUrl,
            Headers = connector.Headers,
            AuthHeader = connector.Auth.Header,
            AuthScheme = connector.Auth.Scheme,
            ErrorMessagePath = connector.Errors.Message,
            ErrorTraceIdPath = connector.Errors.TraceId,
            AttemptTimeout = options.AttemptTimeout,
            MaxRetries = options.MaxRetries,
            RetryBaseDelay = options.RetryBaseDelay,
            RetryMaxDelay = options.RetryMaxDelay,
            RateLimiter = options.RateLimiter,
            RateBudgets = connector.RateLimits?.Budgets.Select(ToBudget).ToList() ?? [],
        };
        var logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger<ConnectorClient>();
        return new ConnectorClient(clientOptions, handlers?.Invoke(), time, logger);
    }

    private static RateBudget ToBudget(RateBudgetSpec spec) => new()
    {
        Name = spec.Name,
        Limit = spec.Limit,
        Window = RateBudget.ParseWindow(spec.Window),
        LimitHeader = spec.LimitHeader,
        RemainingHeader = spec.RemainingHeader,
        WindowHeader = spec.WindowHeader,
        ResetHeader = spec.ResetHeader,
    };

    public void Dispose()
    {
        foreach (var client in _clients.Values.Where(c => c.IsValueCreated))
        {
            client.Value.Dispose();
        }
    }
}
