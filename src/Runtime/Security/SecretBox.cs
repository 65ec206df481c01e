using System.Security.Cryptography;
using System.Text;
using Connector.Runtime.Storage;

namespace Connector.Runtime.Security;

/// <summary>
/// Encrypts secrets at rest with AES-GCM. The key is <c>$CONNECTOR_KEY</c> (32 bytes, base64) or a key
/// file in the home folder, created readable by its owner only on first use.
/// </summary>
public sealed class SecretBox
{
    /// <summary>Environment variable that holds the key, base64.</summary>
    public const string Variable = "CONNECTOR_KEY";

    private const byte FormatVersion = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;

    public SecretBox(byte[] key)
    {
        if (key.Length != 32)
        {
            throw new ArgumentException($"An encryption key has 32 bytes, not {key.Length}.", nameof(key));
        }

        _key = key;
    }

    /// <summary>The key from <c>$CONNECTOR_KEY</c>, else from the home's key file, created when missing.</summary>
    public static SecretBox ForHome(ConnectorHome home)
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured)
        {
            try
            {
                return new SecretBox(Convert.FromBase64String(configured));
            }
            catch (FormatException)
            {
                throw new InvalidOperationException($"{Variable} is not base64 of 32 bytes.");
            }
        }

        home.EnsureExists();
        if (!File.Exists(home.KeyPath))
        {
            var key = RandomNumberGenerator.GetBytes(32);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            try
            {
                using var file = new FileStream(home.KeyPath, options);
                file.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(key)));
            }
            catch (IOException) when (File.Exists(home.KeyPath))
            {
                // Another process created it first: use theirs.
            }
        }

        return new SecretBox(Convert.FromBase64String(File.ReadAllText(home.KeyPath).Trim()));
    }

    public byte[] Seal(string secret)
    {
        var plain = Encoding.UTF8.GetBytes(secret);
        var sealedBytes = new byte[1 + NonceSize + TagSize + plain.Length];
        sealedBytes[0] = FormatVersion;
        var nonce = sealedBytes.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(
            nonce,
            plain,
            sealedBytes.AsSpan(1 + NonceSize + TagSize),
            sealedBytes.AsSpan(1 + NonceSize, TagSize));
        return sealedBytes;
    }

    /// <exception cref="CryptographicException">Sealed with another key, or altered.</exception>
    public string Open(byte[] sealedBytes)
    {
        if (sealedBytes.Length < 1 + NonceSize + TagSize || sealedBytes[0] != FormatVersion)
        {
            throw new CryptographicException("The stored secret is not in a format this version reads.");
        }

        var plain = new byte[sealedBytes.Length - 1 - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(sealedBytes.AsSpan(1, NonceSize), sealedBytes.AsSpan(1 + NonceSize + TagSize),
            sealedBytes.AsSpan(1 + NonceSize, TagSize), plain);
        return Encoding.UTF8.GetString(plain);
    }
}
