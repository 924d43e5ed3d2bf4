using System.Globalization;

namespace Tocsin.Controller.Nodes;

/// <summary>
/// A stored broker password: PBKDF2-SHA256 with a per-node salt. Text form
/// <c>pbkdf2-sha256$&lt;iterations&gt;$&lt;base64 salt&gt;$&lt;base64 hash&gt;</c>, so the iteration count can
/// rise later without invalidating stored hashes.
/// </summary>
/// <param name="Iterations">PBKDF2 iterations.</param>
/// <param name="Salt">Per-node random salt.</param>
/// <param name="Hash">Derived bytes.</param>
public sealed record PasswordHash(int Iterations, byte[] Salt, byte[] Hash)
{
    /// <summary>The scheme tag at the start of the text form.</summary>
    public const string Scheme = "pbkdf2-sha256";

    /// <summary>The text form to store.</summary>
    public string Encode() => Scheme + "$" + Iterations.ToString(CultureInfo.InvariantCulture) + "$" + Convert.ToBase64String(Salt) + "$" + Convert.ToBase64String(Hash);

    /// <summary>Parses the text form; false for anything malformed.</summary>
    public static bool TryParse(string? text, out PasswordHash? hash)
    {
        hash = null;
        string[] parts = (text ?? string.Empty).Split('$');
        if (parts.Length != 4 || parts[0] != Scheme
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int iterations) || iterations < 1)
        {
            return false;
        }

        try
        {
            byte[] salt = Convert.FromBase64String(parts[2]);
            byte[] derived = Convert.FromBase64String(parts[3]);
            if (salt.Length == 0 || derived.Length == 0)
            {
                return false;
            }

            hash = new PasswordHash(iterations, salt, derived);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The encoded form (no secret in it).</summary>
    public override string ToString() => Encode();
}
