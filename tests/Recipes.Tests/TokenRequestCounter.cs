namespace Connector.Recipes.Tests;

/// <summary>Counts the requests sent to the vendor's token address through one HTTP client.</summary>
internal sealed class TokenRequestCounter() : DelegatingHandler(new HttpClientHandler { AllowAutoRedirect = false })
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    protected override Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        if (request.RequestUri!.AbsolutePath.EndsWith("/oauth/token", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _count);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
