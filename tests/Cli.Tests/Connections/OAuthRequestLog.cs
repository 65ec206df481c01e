using System.Collections.Concurrent;

namespace Connector.Cli.Tests.Connections;

/// <summary>Counts the requests a process sent to each path of the vendor's OAuth server.</summary>
internal sealed class OAuthRequestLog() : DelegatingHandler(new HttpClientHandler { AllowAutoRedirect = false })
{
    private readonly ConcurrentQueue<string> _paths = new();

    public int Count(string path) => _paths.Count(p => p == path);

    protected override Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        if (request.RequestUri!.AbsolutePath.StartsWith("/oauth/", StringComparison.Ordinal))
        {
            _paths.Enqueue(request.RequestUri.AbsolutePath);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
