namespace Tocsin.Firmware.Util;

/// <summary>
/// Strict integer and fixed-point parsing and formatting for console arguments and settings: no
/// culture, no exponent, no whitespace, and overflow is an error rather than a wrap.
/// </summary>
public static class AsciiNumber
{
    /// <summary>Parses an optionally signed decimal integer.</summary>
    public static bool TryParseInt64(string text, out long value)
    {
        value = 0;
        if (text == null || text.Length == 0 || text.Length > 20)
        {
            return false;
        }

        int i = 0;
        bool negative = false;
        if (text[0] == '-' || text[0] == '+')
        {
            negative = text[0] == '-';
            i = 1;
            if (text.Length == 1)
            {
                return false;
            }
        }

        // Accumulated as a negative number, since long.MinValue has no positive counterpart.
        long limit = negative ? long.MinValue : -long.MaxValue;
        long result = 0;
        for (; i < text.Length; i++)
        {
            int d = text[i] - '0';
            if (d < 0 || d > 9)
            {
                return false;
            }

            if (result < (limit + d) / 10)
            {
                return false;
            }

            result = (result * 10) - d;
        }

        value = negative ? result : -result;
        return true;
    }

    /// <summary>
    /// Parses a decimal such as "12.5" into a scaled integer (decimals 1 gives 125). More fractional
    /// digits than <paramref name="decimals"/> is an error: a value is never silently rounded.
    /// </summary>
    public static bool TryParseFixed(string text, int decimals, out long scaled)
    {
        scaled = 0;
        if (text == null || text.Length == 0 || text.Length > 24)
        {
            return false;
        }

        int dot = text.IndexOf('.');
        string whole = dot < 0 ? text : text.Substring(0, dot);
        string fraction = dot < 0 ? string.Empty : text.Substring(dot + 1);
        if (fraction.Length > decimals || (dot >= 0 && fraction.Length == 0))
        {
            return false;
        }

        bool negative = whole.Length > 0 && whole[0] == '-';
        if (!TryParseInt64(whole, out long w) || (whole.Length > 0 && whole[0] == '+' && whole.Length == 1))
        {
            return false;
        }

        long f = 0;
        for (int i = 0; i < decimals; i++)
        {
            int d = i < fraction.Length ? fraction[i] - '0' : 0;
            if (d < 0 || d > 9)
            {
                return false;
            }

            f = (f * 10) + d;
        }

        long scale = Pow10(decimals);
        if (IntMath.Abs(w) > long.MaxValue / scale - 1)
        {
            return false;
        }

        scaled = negative ? (w * scale) - f : (w * scale) + f;
        return true;
    }

    /// <summary>Formats a scaled integer as a decimal ("125", 1 gives "12.5").</summary>
    public static string FormatFixed(long scaled, int decimals)
    {
        if (decimals <= 0)
        {
            return scaled.ToString();
        }

        long scale = Pow10(decimals);
        bool negative = scaled < 0;
        ulong magnitude = negative ? (ulong)(-(scaled + 1)) + 1 : (ulong)scaled;
        ulong whole = magnitude / (ulong)scale;
        ulong fraction = magnitude % (ulong)scale;
        string fractionText = fraction.ToString();
        while (fractionText.Length < decimals)
        {
            fractionText = "0" + fractionText;
        }

        return (negative ? "-" : string.Empty) + whole.ToString() + "." + fractionText;
    }

    /// <summary>10 to the given power (0..18).</summary>
    public static long Pow10(int power)
    {
        long result = 1;
        for (int i = 0; i < power; i++)
        {
            result *= 10;
        }

        return result;
    }
}
