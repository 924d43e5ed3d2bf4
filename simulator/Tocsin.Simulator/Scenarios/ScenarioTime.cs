using System.Globalization;
using System.Text.Json;

namespace Tocsin.Simulator.Scenarios;

/// <summary>
/// Scenario times and durations: a number of minutes (<c>90</c>, <c>0.5</c>) or hours and minutes
/// as text (<c>"1:30"</c>, <c>"24:00"</c>, <c>"0:00:30"</c> with seconds).
/// </summary>
public static class ScenarioTime
{
    /// <summary>What a time must look like, for error messages.</summary>
    public const string Rule = "must be minutes (a number) or \"H:MM\" / \"H:MM:SS\"";

    /// <summary>Reads minutes from a JSON value; false when it is neither form.</summary>
    public static bool TryRead(JsonElement value, out double minutes)
    {
        minutes = 0;
        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.TryGetDouble(out minutes) && double.IsFinite(minutes) && minutes >= 0;
        }

        return value.ValueKind == JsonValueKind.String && TryParse(value.GetString()!, out minutes);
    }

    /// <summary>Parses "H:MM" or "H:MM:SS".</summary>
    public static bool TryParse(string text, out double minutes)
    {
        ArgumentNullException.ThrowIfNull(text);
        minutes = 0;
        string[] parts = text.Split(':');
        if (parts.Length is < 2 or > 3 || parts[1].Length != 2 || (parts.Length == 3 && parts[2].Length != 2))
        {
            return false;
        }

        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int h)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int m) || m > 59)
        {
            return false;
        }

        int s = 0;
        if (parts.Length == 3 && (!int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out s) || s > 59))
        {
            return false;
        }

        minutes = (h * 60) + m + (s / 60.0);
        return true;
    }

    /// <summary>Formats minutes as "H:MM" (or "H:MM:SS" when there are seconds).</summary>
    public static string Format(double minutes)
    {
        long totalS = (long)Math.Round(minutes * 60);
        long h = totalS / 3600;
        long m = totalS / 60 % 60;
        long s = totalS % 60;
        return s == 0
            ? string.Format(CultureInfo.InvariantCulture, "{0}:{1:00}", h, m)
            : string.Format(CultureInfo.InvariantCulture, "{0}:{1:00}:{2:00}", h, m, s);
    }
}
