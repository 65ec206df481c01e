using System.Security.Cryptography;

namespace Connector.Sandbox.Storage;

/// <summary>New ids and secrets, shaped like the vendor's (20 letters and digits).</summary>
internal static class Ids
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, 20);

    /// <summary>A bearer credential: the prefix, then 40 unguessable characters.</summary>
    public static string Secret(string prefix) => prefix + RandomNumberGenerator.GetString(Alphabet, 40);

    /// <summary>An id drawn from a seeded generator, so that the same seed gives the same ids.</summary>
    public static string New(Random random)
    {
        Span<char> id = stackalloc char[20];
        for (var i = 0; i < id.Length; i++)
        {
            id[i] = Alphabet[random.Next(Alphabet.Length)];
        }

        return new string(id);
    }
}
