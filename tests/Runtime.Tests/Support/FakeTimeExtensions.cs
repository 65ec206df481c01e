using Microsoft.Extensions.Time.Testing;

namespace Connector.Runtime.Tests.Support;

/// <summary>Moves a fake clock forward while real work (sockets, continuations) catches up between steps.</summary>
internal static class FakeTimeExtensions
{
    private static readonly TimeSpan DefaultLimit = TimeSpan.FromMinutes(10);

    /// <summary>Advances the clock by <paramref name="step"/> at a time until <paramref name="task"/> ends.</summary>
    public static async Task<T> AdvanceUntilCompletedAsync<T>(
        this FakeTimeProvider time,
        Task<T> task,
        TimeSpan step,
        TimeSpan? limit = null)
    {
        await time.AdvanceUntilAsync(() => task.IsCompleted, step, limit);
        return await task;
    }

    /// <summary>Advances the clock by <paramref name="step"/> at a time until <paramref name="done"/>.</summary>
    public static async Task AdvanceUntilAsync(
        this FakeTimeProvider time,
        Func<bool> done,
        TimeSpan step,
        TimeSpan? limit = null)
    {
        var advanced = TimeSpan.Zero;
        while (!done())
        {
            // A real pause, so that whatever the last step released (a retry, a socket read) runs before the next.
            await Task.Delay(2);
            if (done())
            {
                return;
            }

            Assert.True(advanced < (limit ?? DefaultLimit), $"still waiting after moving the clock {advanced}");
            time.Advance(step);
            advanced += step;
        }
    }
}
