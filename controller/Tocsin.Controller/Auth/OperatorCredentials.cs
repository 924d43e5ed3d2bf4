using System.Security.Cryptography;
using System.Text;
using Tocsin.Controller.Nodes;

namespace Tocsin.Controller.Auth;

/// <summary>
/// The rules for operator names, passwords and sign-in tokens, shared by every operator store so
/// the databases cannot drift apart on them. Passwords use the domain's PBKDF2-SHA256 hashing
/// (<see cref="BrokerPassword"/>); tokens are random 256-bit values of which only the SHA-256 is
/// stored, so a copy of the database does not sign anyone in.
/// </summary>
public static class OperatorCredentials
{
    private static readonly string DummyHash = BrokerPassword.Hash("not-a-real-password-0").Encode();

    /// <summary>How long a sign-in lasts.</summary>
    public static TimeSpan TokenLifetime { get; } = TimeSpan.FromHours(12);

    /// <summary>Null when a new operator's name, role and password are acceptable, else why not.</summary>
    public static string? Validate(string name, string role, string password)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 64 || !name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '.' or '-' or '_'))
        {
            return "name must be 1-64 of letters, digits, '.', '-', '_'";
        }

        if (!OperatorRole.All.Contains(role))
        {
            return "role must be one of: " + string.Join(", ", OperatorRole.All);
        }

        if (password == null || password.Length < 10)
        {
            return "password must be at least 10 characters";
        }

        return null;
    }

    /// <summary>The stored form of a password.</summary>
    public static string HashPassword(string password) => BrokerPassword.Hash(password).Encode();

    /// <summary>
    /// Checks a password against a stored hash; with no hash (unknown name) a dummy one is checked,
    /// so timing does not reveal which names exist.
    /// </summary>
    public static bool Verify(string? password, string? storedHash) =>
        BrokerPassword.Verify(password ?? string.Empty, storedHash ?? DummyHash) && storedHash != null;

    /// <summary>A new random token, URL-safe base64.</summary>
    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The stored form of a token.</summary>
    public static string TokenHash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token ?? string.Empty)));
}
