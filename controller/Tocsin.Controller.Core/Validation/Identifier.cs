namespace Tocsin.Controller.Validation;

/// <summary>
/// Region ids (district, streets, communities): lowercase a-z, 0-9 and '-', starting and ending with a
/// letter or digit, at most 48 characters. Community ids go into MQTT topics and into the node's
/// <c>node.community</c> setting (at most 48 identifier characters), so nothing else is allowed.
/// </summary>
public static class Identifier
{
    /// <summary>Longest id, the firmware's limit for <c>node.community</c>.</summary>
    public const int MaxLength = 48;

    /// <summary>The rule, for error messages.</summary>
    public const string Rule = "must be 1-48 characters of a-z, 0-9 and '-', starting and ending with a letter or digit";

    /// <summary>True when <paramref name="id"/> is a valid region id.</summary>
    public static bool IsValid(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxLength || id[0] == '-' || id[^1] == '-')
        {
            return false;
        }

        foreach (char c in id)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                return false;
            }
        }

        return true;
    }
}
