using System.Diagnostics;

namespace Connector.Bench;

/// <summary>Sends work from a fixed number of concurrent workers and measures the rate.</summary>
internal static class Measure
{
    public static async Task<double> RateAsync(Func<Task> send, int count, int concurrency)
    {
        var next = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= count)
            {
                await send();
            }
        }));
        return count / watch.Elapsed.TotalSeconds;
    }
}
