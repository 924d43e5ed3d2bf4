using System.Globalization;

namespace Tocsin.Hardware.PowerBudget.Report;

/// <summary>Number formatting for the report: invariant culture, three significant digits.</summary>
public static class Numbers
{
    /// <summary>
    /// <paramref name="value"/> to <paramref name="digits"/> significant digits without exponent
    /// (1234.5 → "1235", 0.05512 → "0.0551", 0 → "0").
    /// </summary>
    public static string Sig(double value, int digits = 3)
    {
        if (value == 0 || !double.IsFinite(value))
        {
            return "0";
        }

        int magnitude = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        int decimals = Math.Clamp(digits - 1 - magnitude, 0, 10);
        return Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>A plain number as written in an input file (up to three decimals).</summary>
    public static string Plain(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>A share as a percentage with one decimal.</summary>
    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";
}
