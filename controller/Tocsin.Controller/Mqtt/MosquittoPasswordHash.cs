using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tocsin.Controller.Mqtt;

/// <summary>
/// Node broker passwords, hashed in Mosquitto 2's password-file format
/// (<c>$7$iterations$salt$hash</c>, PBKDF2-HMAC-SHA512), so one stored hash serves the embedded
/// broker and an exported Mosquitto password file alike. Node passwords are 24 random characters
/// (~143 bits), so a low iteration count costs an attacker nothing useful and keeps thousands of
/// reconnecting nodes cheap to verify.
/// </summary>
public static class MosquittoPasswordHash
{
    private const int Iterations = 101;
    private const int SaltBytes = 12;
    private const int HashBytes = 64;

    /// <summary>Hashes a password.</summary>
    public static string Create(string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        byte[] salt = RandomNumberGenerator.GetBytes(SaltBytes);
        byte[] hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA512, HashBytes);
        return "$7$" + Iterations.ToString(CultureInfo.InvariantCulture) + "$" + Convert.ToBase64String(salt) + "$" + Convert.ToBase64String(hash);
    }

    /// <summary>True when <paramref name="password"/> matches; false for anything malformed.</summary>
    public static bool Verify(string? password, string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        string[] parts = stored.Split('$');
        if (password == null || parts.Length != 5 || parts[1] != "7" || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out int iterations) || iterations < 1)
        {
            return false;
        }

        try
        {
            byte[] salt = Convert.FromBase64String(parts[3]);
            byte[] expected = Convert.FromBase64String(parts[4]);
            byte[] actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA512, expected.Length);
            return CryptographicOperations.FixedTimeEquals(actual, expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
