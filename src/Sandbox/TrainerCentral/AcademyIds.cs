using System.Globalization;
using System.Security.Cryptography;

namespace Connector.Sandbox.TrainerCentral;

/// <summary>Ids shaped like TrainerCentral's (19 digits) and its millisecond times, both as strings.</summary>
internal static class AcademyIds
{
    private const string Prefix = "216";

    public static string New() => Prefix + RandomNumberGenerator.GetString("0123456789", 16);

    /// <summary>An id from a seeded generator, so that the same seed gives the same ids.</summary>
    public static string New(Random random) =>
        Prefix + random.NextInt64(1_000_000_000_000_000, 10_000_000_000_000_000).ToString(CultureInfo.InvariantCulture);

    public static string Time(long unixMilliseconds) => unixMilliseconds.ToString(CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset at) => Time(at.ToUnixTimeMilliseconds());

    /// <summary>A time as TrainerCentral writes it back; null when the text is not one.</summary>
    public static long? ParseTime(string? text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
