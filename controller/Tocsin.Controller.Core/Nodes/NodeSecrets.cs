using System.Security.Cryptography;

namespace Tocsin.Controller.Nodes;

/// <summary>
/// A node's secrets, generated at registration: its 32-byte command key (<c>auth.key</c>; MACs of
/// commands to it) and its broker password (<c>mqtt.pass</c>). The controller keeps the key (it signs
/// with it) and only a hash of the password (<see cref="BrokerPassword"/>).
/// </summary>
/// <param name="CommandKey">32 random bytes.</param>
/// <param name="MqttPassword">24 random characters.</param>
public sealed record NodeSecrets(byte[] CommandKey, string MqttPassword)
{
    /// <summary>Command key length in bytes.</summary>
    public const int KeyBytes = 32;

    /// <summary>Broker password length in characters.</summary>
    public const int PasswordChars = 24;

    // Letters and digits only: the password is typed or pasted on a serial console that splits on
    // spaces and must not need quoting. 62 symbols × 24 ≈ 142 bits.
    private const string PasswordAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>Generates fresh secrets from <paramref name="random"/> (the system's generator when null).</summary>
    public static NodeSecrets Generate(RandomNumberGenerator? random = null)
    {
        byte[] key = new byte[KeyBytes];
        char[] password = new char[PasswordChars];
        if (random == null)
        {
            RandomNumberGenerator.Fill(key);
            RandomNumberGenerator.GetItems(PasswordAlphabet.AsSpan(), password);
        }
        else
        {
            random.GetBytes(key);
            FillUniform(random, password);
        }

        return new NodeSecrets(key, new string(password));
    }

    /// <summary>Never prints the secrets.</summary>
    public override string ToString() => "NodeSecrets { CommandKey = (32 bytes), MqttPassword = (hidden) }";

    private static void FillUniform(RandomNumberGenerator random, Span<char> into)
    {
        // Rejection sampling: bytes ≥ 248 (4 × 62) are dropped so every symbol is equally likely.
        Span<byte> one = stackalloc byte[1];
        int n = 0;
        while (n < into.Length)
        {
            random.GetBytes(one);
            if (one[0] < 4 * PasswordAlphabet.Length)
            {
                into[n++] = PasswordAlphabet[one[0] % PasswordAlphabet.Length];
            }
        }
    }
}
