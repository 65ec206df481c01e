using Connector.Runtime.Http;
using Connector.Runtime.Tests.Support;

namespace Connector.Runtime.Tests.Http;

/// <summary>Slow and silent servers, on a fake clock: no test sleeps through a timeout.</summary>
public sealed class ConnectorClientTimeoutTests
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData(ReplyKind.Hang)]
    [InlineData(ReplyKind.HangAfterHeaders)]
    public async Task SendAsync_ServerThatNeverFinishesAnswering_TimesOutAfterTheAttemptTimeout(ReplyKind hang)
    {
        await using var harness = Start(new Reply { Kind = hang, Body = """{"id":""" });

        var sending = harness.SendAsync(ClientHarness.Post());
        await harness.Server.WaitForRequestAsync(1);
        harness.Time.Advance(AttemptTimeout - TimeSpan.FromMilliseconds(1));
        await Task.Delay(20);
        Assert.False(sending.IsCompleted);
        harness.Time.Advance(TimeSpan.FromMilliseconds(1));

        var error = await Assert.ThrowsAsync<RequestTimeoutException>(() => Settled(sending));
        Assert.Equal("contacts.create", error.OperationKey);
        Assert.Equal(AttemptTimeout, error.Timeout);
        Assert.Equal("contacts.create: no response within 5 s (1 attempt(s))", error.Message);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task SendAsync_HangingGet_IsRetriedThenTimesOut()
    {
        await using var harness = Start(Reply.Hang());

        var sending = harness.SendAsync(ClientHarness.Get());
        await harness.Server.WaitForRequestAsync(1);
        harness.Time.Advance(AttemptTimeout);
        await harness.Time.AdvanceUntilAsync(() => harness.Server.Requests.Count == 2, TimeSpan.FromMilliseconds(10));
        harness.Time.Advance(AttemptTimeout);

        var error = await Assert.ThrowsAsync<RequestTimeoutException>(() => Settled(sending));
        Assert.Contains("2 attempt(s)", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_SlowAnswerWithinTheTimeout_Succeeds()
    {
        var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var harness = Start(Reply.Ok("""{"id":"c1"}""") with { HeldUntil = answer.Task });

        var sending = harness.SendAsync(ClientHarness.Post());
        await harness.Server.WaitForRequestAsync(1);
        harness.Time.Advance(AttemptTimeout - TimeSpan.FromMilliseconds(100));
        answer.SetResult();

        var response = await sending.WaitAsync(LoopbackServer.RealIoPatience);
        Assert.Equal("c1", response.Body!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendAsync_CallerCancels_StopsWithCancellationNotATimeout()
    {
        await using var harness = Start(Reply.Hang());
        using var cancel = new CancellationTokenSource();

        var sending = harness.SendAsync(ClientHarness.Get(), cancellationToken: cancel.Token);
        await harness.Server.WaitForRequestAsync(1);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Settled(sending));
        Assert.Single(harness.Server.Requests);
    }

    private static Task<ApiResponse> Settled(Task<ApiResponse> sending) =>
        sending.WaitAsync(LoopbackServer.RealIoPatience);

    private static ClientHarness Start(Reply reply) =>
        ClientHarness.Start(o => o with { AttemptTimeout = AttemptTimeout, MaxRetries = 1 }, reply);
}
