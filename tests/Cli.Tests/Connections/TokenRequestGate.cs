using System.Collections.Concurrent;
using System.Net;

namespace Connector.Cli.Tests.Connections;

/// <summary>
/// Sits in front of one process's HTTP client: records every refresh sent to the token address, with the
/// vendor's answer, and can hold that answer back until <see cref="Release"/>, so that a test decides in
/// which order two processes see their answers.
/// </summary>
internal sealed class TokenRequestGate(ConcurrentQueue<HttpStatusCode> refreshes, bool hold)
    : DelegatingHandler(new HttpClientHandler { AllowAutoRedirect = false })
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a refresh answer has come back from the vendor (and is being held, if held).</summary>
    public TaskCompletionSource Answered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _released.TrySetResult();

    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        var isRefresh = request.RequestUri!.AbsolutePath.EndsWith("/oauth/token", StringComparison.Ordinal)
            && request.Content is not null
            && (await request.Content.ReadAsStringAsync(cancellationToken)).Contains("grant_type=refresh_token");
        var response = await base.SendAsync(request, cancellationToken);
        if (isRefresh)
        {
            refreshes.Enqueue(response.StatusCode);
            Answered.TrySetResult();
            if (hold)
            {
                await _released.Task.WaitAsync(cancellationToken);
            }
        }

        return response;
    }
}
