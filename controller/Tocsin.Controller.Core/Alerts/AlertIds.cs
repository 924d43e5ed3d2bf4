using System.Globalization;

namespace Tocsin.Controller.Alerts;

/// <summary>
/// Alert ids: 1-32 characters of A-Z a-z 0-9 '_' '-'. Short and without '.' so that command ids built
/// from them ("a-20261129-0007.v2.cancel") stay within the firmware's 48-character id alphabet.
/// </summary>
public static class AlertIds
{
    /// <summary>Longest alert id.</summary>
    public const int MaxLength = 32;

    /// <summary>True when <paramref name="id"/> is a valid alert id.</summary>
    public static bool IsValid(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    /// <summary>"a-yyyyMMdd-nnnn" for the <paramref name="number"/>-th alert of the UTC day of <paramref name="at"/>.</summary>
    public static string Format(DateTimeOffset at, int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        return "a-" + at.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-" + number.ToString("D4", CultureInfo.InvariantCulture);
    }
}
