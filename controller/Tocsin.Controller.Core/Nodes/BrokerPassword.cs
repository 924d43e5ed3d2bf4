using System.Security.Cryptography;

namespace Tocsin.Controller.Nodes;

/// <summary>
/// Hashes and verifies node broker passwords. 100,000 PBKDF2-SHA256 iterations cost tens of
/// milliseconds per check, which is the point for a stolen database but adds up when 10,000 nodes
/// reconnect at once: the host should remember passwords it has verified (in memory, per process).
/// </summary>
public static class BrokerPassword
{
    /// <summary>Default PBKDF2 iterations.</summary>
    public const int DefaultIterations = 100_000;

    /// <summary>Salt length in bytes.</summary>
    public const int SaltBytes = 16;

    /// <summary>Derived length in bytes.</summary>
    public const int HashBytes = 32;

    /// <summary>Hashes <paramref name="password"/> with a fresh salt from <paramref name="random"/> (system generator when null).</summary>
    public static PasswordHash Hash(string password, RandomNumberGenerator? random = null, int iterations = DefaultIterations)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        byte[] salt = new byte[SaltBytes];
        if (random == null)
        {
            RandomNumberGenerator.Fill(salt);
        }
        else
        {
            random.GetBytes(salt);
        }

        return new PasswordHash(iterations, salt, Derive(password, salt, iterations, HashBytes));
    }

    /// <summary>True when <paramref name="password"/> matches; compares in constant time.</summary>
    public static bool Verify(string? password, PasswordHash? stored)
    {
        if (password == null || stored == null || stored.Hash.Length == 0)
        {
            return false;
        }

        byte[] derived = Derive(password, stored.Salt, stored.Iterations, stored.Hash.Length);
        return CryptographicOperations.FixedTimeEquals(derived, stored.Hash);
    }

    /// <summary>Parses <paramref name="encoded"/> and verifies; false for a malformed stored value.</summary>
    public static bool Verify(string? password, string? encoded) =>
        PasswordHash.TryParse(encoded, out PasswordHash? hash) && Verify(password, hash);

    private static byte[] Derive(string password, byte[] salt, int iterations, int length) =>
        Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, length);
}
