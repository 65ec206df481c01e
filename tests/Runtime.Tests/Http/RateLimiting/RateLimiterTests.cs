using Connector.Runtime.Http.RateLimiting;
using Connector.Runtime.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Connector.Runtime.Tests.Http.RateLimiting;

public sealed class RateLimiterTests
{
    private const string Location = "ve9EPM428h8vShlRW1KT";

    private static readonly RateBudget Burst = new()
    {
        Name = "burst",
        Limit = 100,
        Window = TimeSpan.FromSeconds(10),
        LimitHeader = "X-RateLimit-Max",
        RemainingHeader = "X-RateLimit-Remaining",
        WindowHeader = "X-RateLimit-Interval-Milliseconds",
    };

    private static readonly RateBudget Daily = new()
    {
        Name = "daily",
        Limit = 200_000,
        Window = TimeSpan.FromDays(1),
        LimitHeader = "X-RateLimit-Limit-Daily",
        RemainingHeader = "X-RateLimit-Daily-Remaining",
        ResetHeader = "X-RateLimit-Daily-Reset",
    };

    private static readonly DateTimeOffset Start = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);

    [Fact]
    public async Task AcquireAsync_100Per10Seconds_Lets100ThroughAtOnceAndThe101stWaitsForTheWindowToSlide()
    {
        var limiter = Limiter(Burst);

        for (var i = 0; i < 100; i++)
        {
            var acquired = limiter.AcquireAsync(Location, default).AsTask();
            Assert.True(acquired.IsCompletedSuccessfully, $"request {i + 1} waited");
        }

        var next = limiter.AcquireAsync(Location, default).AsTask();
        _time.Advance(TimeSpan.FromSeconds(10) - TimeSpan.FromMilliseconds(1));
        Assert.False(next.IsCompleted);

        _time.Advance(TimeSpan.FromMilliseconds(1));
        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Complete_ARequestAnsweredLate_HoldsItsPlaceUntilAWindowAfterTheAnswer()
    {
        // The vendor counts a request when it arrives: one delayed on the way (a loaded host, a slow network)
        // is still in the vendor's window after it has left a window measured from when it was sent.
        var limiter = Limiter(Burst with { Limit = 2 });
        var slow = await limiter.AcquireAsync(Location, default);
        var quick = await limiter.AcquireAsync(Location, default);
        limiter.Complete(quick);
        _time.Advance(TimeSpan.FromSeconds(3));
        limiter.Complete(slow);

        _time.Advance(TimeSpan.FromSeconds(8));
        var third = limiter.AcquireAsync(Location, default).AsTask();
        var fourth = limiter.AcquireAsync(Location, default).AsTask();

        Assert.True(third.IsCompletedSuccessfully);
        Assert.False(fourth.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(2) + TimeSpan.FromMilliseconds(200));
        await fourth.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task AcquireAsync_RequestsSpreadOverTheWindow_RoomComesBackAsEachOneSlidesOut()
    {
        var limiter = Limiter(Burst with { Limit = 3 });
        await limiter.AcquireAsync(Location, default);
        _time.Advance(TimeSpan.FromSeconds(4));
        await limiter.AcquireAsync(Location, default);
        await limiter.AcquireAsync(Location, default);

        var fourth = limiter.AcquireAsync(Location, default).AsTask();
        _time.Advance(TimeSpan.FromSeconds(6) - TimeSpan.FromMilliseconds(1));
        Assert.False(fourth.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await fourth.WaitAsync(TimeSpan.FromSeconds(5));

        // The two sent at 4 s and the one at 10 s fill the window until 14 s, when two slide out.
        var fifth = limiter.AcquireAsync(Location, default).AsTask();
        _time.Advance(TimeSpan.FromSeconds(4) - TimeSpan.FromMilliseconds(1));
        Assert.False(fifth.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await fifth.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(limiter.AcquireAsync(Location, default).AsTask().IsCompletedSuccessfully);
        Assert.False(limiter.AcquireAsync(Location, default).AsTask().IsCompleted);
    }

    [Fact]
    public async Task AcquireAsync_DefaultSafetyMargin_WaitsALittleBeyondTheVendorsWindow()
    {
        var limiter = new RateLimiter([Burst with { Limit = 1 }], new RateLimiterOptions(), _time);
        await limiter.AcquireAsync(Location, default);

        var next = limiter.AcquireAsync(Location, default).AsTask();
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.False(next.IsCompleted);

        _time.Advance(new RateLimiterOptions().SafetyMargin);
        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task AcquireAsync_ManyCallersAtOnce_NoMoreThanTheBudgetGetThrough()
    {
        var limiter = Limiter(Burst);

        var all = Enumerable.Range(0, 150)
            .Select(_ => Task.Run(() => limiter.AcquireAsync(Location, default).AsTask()))
            .ToArray();
        await WaitUntilAsync(() => all.Count(t => t.IsCompleted) >= 100);
        await Task.Delay(50);

        Assert.Equal(100, all.Count(t => t.IsCompleted));
        await _time.AdvanceUntilAsync(() => all.All(t => t.IsCompleted), TimeSpan.FromSeconds(1));
        Assert.True(_time.GetUtcNow() - Start >= TimeSpan.FromSeconds(10));
        await Task.WhenAll(all);
    }

    [Fact]
    public async Task Observe_RemainingHeaderLowerThanTheLocalCount_TightensTheBudget()
    {
        var limiter = Limiter(Burst);
        for (var i = 0; i < 10; i++)
        {
            await limiter.AcquireAsync(Location, default);
        }

        // Another process spent most of the budget: the vendor says 5 are left, not 90.
        limiter.Observe(Location, Headers(("X-RateLimit-Remaining", "5")), rateLimited: false);

        Assert.Equal(5, limiter.Remaining(Location)["burst"]);
        for (var i = 0; i < 5; i++)
        {
            Assert.True(limiter.AcquireAsync(Location, default).AsTask().IsCompletedSuccessfully);
        }

        var sixth = limiter.AcquireAsync(Location, default).AsTask();
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.False(sixth.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(5));
        await sixth.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Observe_RemainingHeaderHigherThanTheLocalCount_DoesNotLoosenTheBudget()
    {
        var limiter = Limiter(Burst with { Limit = 10 });
        for (var i = 0; i < 8; i++)
        {
            Assert.True(limiter.AcquireAsync(Location, default).AsTask().IsCompletedSuccessfully);
        }

        limiter.Observe(Location, Headers(("X-RateLimit-Remaining", "99")), rateLimited: false);

        Assert.Equal(2, limiter.Remaining(Location)["burst"]);
    }

    [Fact]
    public void Observe_LimitHeaderSmallerThanConfigured_LowersTheBudget()
    {
        var limiter = Limiter(Burst);

        limiter.Observe(Location, Headers(("X-RateLimit-Max", "40")), rateLimited: false);

        Assert.Equal(40, limiter.Remaining(Location)["burst"]);
    }

    [Fact]
    public async Task Observe_429WithoutAReset_ClosesTheWindowUntilItSlides()
    {
        var limiter = Limiter(Burst, Daily);
        await limiter.AcquireAsync(Location, default);
        _time.Advance(TimeSpan.FromSeconds(3));
        await limiter.AcquireAsync(Location, default);

        limiter.Observe(Location, Headers(), rateLimited: true);

        // Closed although 98 are left locally; open again when the first request (at 0 s) slides out.
        var next = limiter.AcquireAsync(Location, default).AsTask();
        _time.Advance(TimeSpan.FromSeconds(7) - TimeSpan.FromMilliseconds(1));
        Assert.False(next.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Observe_429WithDailyResetHeader_WaitsUntilTheReset()
    {
        var limiter = Limiter(Burst, Daily);
        await limiter.AcquireAsync(Location, default);

        limiter.Observe(Location, Headers(("X-RateLimit-Remaining", "50"), ("X-RateLimit-Daily-Remaining", "0"),
            ("X-RateLimit-Daily-Reset", "90000")), rateLimited: true);

        var next = limiter.AcquireAsync(Location, default).AsTask();
        _time.Advance(TimeSpan.FromSeconds(90) - TimeSpan.FromMilliseconds(1));
        Assert.False(next.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task AcquireAsync_DailyBudgetSpent_FailsAtOnceNamingTheBudget()
    {
        var limiter = Limiter(Burst, Daily with { Limit = 5 });
        for (var i = 0; i < 5; i++)
        {
            await limiter.AcquireAsync(Location, default);
        }

        var error = await Assert.ThrowsAsync<RateLimitWaitException>(
            () => limiter.AcquireAsync(Location, default).AsTask());

        Assert.Equal("daily", error.Budget);
        Assert.True(error.Wait > TimeSpan.FromHours(23), $"reported wait {error.Wait}");
        Assert.Contains("daily", error.Message, StringComparison.Ordinal);
        Assert.Contains(Location, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcquireAsync_DailyWindowOver_HasRoomAgain()
    {
        var limiter = Limiter(Daily with { Limit = 2 });
        await limiter.AcquireAsync(Location, default);
        await limiter.AcquireAsync(Location, default);

        _time.Advance(TimeSpan.FromDays(1));

        Assert.True(limiter.AcquireAsync(Location, default).AsTask().IsCompletedSuccessfully);
    }

    [Fact]
    public async Task AcquireAsync_WaitLongerThanMaxWait_FailsWithoutWaiting()
    {
        var limiter = new RateLimiter([Burst with { Limit = 1 }],
            new RateLimiterOptions { MaxWait = TimeSpan.FromSeconds(5), SafetyMargin = TimeSpan.Zero }, _time);
        await limiter.AcquireAsync(Location, default);

        var error = await Assert.ThrowsAsync<RateLimitWaitException>(
            () => limiter.AcquireAsync(Location, default).AsTask());

        Assert.Equal("burst", error.Budget);
        Assert.Equal(TimeSpan.FromSeconds(10), error.Wait);
    }

    [Fact]
    public async Task AcquireAsync_SeparateLocations_HaveSeparateBudgets()
    {
        var limiter = Limiter(Burst with { Limit = 2 });
        await limiter.AcquireAsync(Location, default);
        await limiter.AcquireAsync(Location, default);
        var blocked = limiter.AcquireAsync(Location, default).AsTask();

        Assert.False(blocked.IsCompleted);
        Assert.True(limiter.AcquireAsync("other-location", default).AsTask().IsCompletedSuccessfully);
        Assert.True(limiter.AcquireAsync("other-location", default).AsTask().IsCompletedSuccessfully);
        Assert.Equal(0, limiter.Remaining("other-location")["burst"]);
        _time.Advance(TimeSpan.FromSeconds(10));
        await blocked;
    }

    [Fact]
    public async Task AcquireAsync_Cancelled_StopsWaiting()
    {
        var limiter = Limiter(Burst with { Limit = 1 });
        await limiter.AcquireAsync(Location, default);
        using var cancel = new CancellationTokenSource();

        var waiting = limiter.AcquireAsync(Location, cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    private RateLimiter Limiter(params RateBudget[] budgets) =>
        new(budgets, new RateLimiterOptions { SafetyMargin = TimeSpan.Zero }, _time);

    private static Func<string, string?> Headers(params (string Name, string Value)[] headers) =>
        name => headers.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var tries = 0; !condition() && tries < 5000; tries++)
        {
            await Task.Delay(1);
        }
    }
}
