using System.Security.Cryptography;
using System.Text;

namespace Connector.Recipes.Hosting;

/// <summary>
/// When each recipe polls within its interval. A recipe's place is fixed by its name, spread evenly
/// over the whole interval and counted from the Unix epoch: many recipes with the same interval do not
/// poll in the same second, and a recipe keeps its place across reloads and restarts.
/// </summary>
internal static class PollSpread
{
    /// <summary>How far into each interval <paramref name="recipe"/> polls.</summary>
    public static TimeSpan Offset(string recipe, TimeSpan interval)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(recipe));
        return TimeSpan.FromTicks((long)(BitConverter.ToUInt64(hash, 0) % (ulong)interval.Ticks));
    }

    /// <summary>The first time after <paramref name="now"/> that <paramref name="recipe"/> polls.</summary>
    public static DateTimeOffset Next(string recipe, TimeSpan interval, DateTimeOffset now)
    {
        var offset = Offset(recipe, interval).Ticks;
        var sinceEpoch = now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var intoInterval = ((sinceEpoch - offset) % interval.Ticks + interval.Ticks) % interval.Ticks;
        return now + TimeSpan.FromTicks(interval.Ticks - intoInterval);
    }
}
