using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Connector.Recipes.Hosting;

/// <summary>
/// When a recipe polls: at its own moment of its interval on the clock, taken from its name. Many recipes
/// spread evenly over the interval, so a host with thousands of them polls at a steady rate and each location
/// sees its recipes' polls spread out rather than at once; a restarted host keeps every recipe's moment.
/// </summary>
internal static class PollSchedule
{
    /// <summary>Where within each interval the recipe named <paramref name="recipe"/> polls.</summary>
    public static TimeSpan Phase(string recipe, TimeSpan interval)
    {
        // A cryptographic hash because names often differ only in their last characters (numbered recipes):
        // a simple multiplicative hash maps those to a few crowded seconds of the interval.
        var hash = BinaryPrimitives.ReadUInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(recipe)));
        return TimeSpan.FromTicks((long)(hash % (ulong)interval.Ticks));
    }

    /// <summary>
    /// The first poll of a recipe scheduled at <paramref name="now"/>: the next time at its
    /// <see cref="Phase"/>, at least <paramref name="notBefore"/> later, so within one interval of that.
    /// </summary>
    public static DateTimeOffset FirstPoll(string recipe, TimeSpan interval, DateTimeOffset now, TimeSpan notBefore)
    {
        var earliest = (now + notBefore).UtcTicks;
        var first = earliest - (earliest % interval.Ticks) + Phase(recipe, interval).Ticks;
        if (first < earliest)
        {
            first += interval.Ticks;
        }

        return new DateTimeOffset(first, TimeSpan.Zero);
    }
}
