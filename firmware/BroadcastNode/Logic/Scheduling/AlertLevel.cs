namespace Tocsin.Firmware.BroadcastNode.Scheduling;

/// <summary>
/// Warning levels as a severity rank, the same ladder the sensor node reports: 0 info (no colour),
/// 1 IV blue, 2 III yellow, 3 II orange, 4 I red. A higher rank preempts a lower one. Constants,
/// since Enum.ToString gives numbers on the device.
/// </summary>
public static class AlertLevel
{
    /// <summary>Information only (no warning colour).</summary>
    public const int Info = 0;

    /// <summary>Level IV, blue.</summary>
    public const int Blue = 1;

    /// <summary>Level III, yellow.</summary>
    public const int Yellow = 2;

    /// <summary>Level II, orange.</summary>
    public const int Orange = 3;

    /// <summary>Level I, red.</summary>
    public const int Red = 4;

    /// <summary>Not a level.</summary>
    public const int Unknown = -1;

    /// <summary>
    /// Parses "I".."IV", "info", or a colour ("red", "orange", "yellow", "blue", "none");
    /// returns <see cref="Unknown"/> for anything else.
    /// </summary>
    public static int Parse(string text)
    {
        if (text == null)
        {
            return Unknown;
        }

        if (text == "I" || text == "red")
        {
            return Red;
        }

        if (text == "II" || text == "orange")
        {
            return Orange;
        }

        if (text == "III" || text == "yellow")
        {
            return Yellow;
        }

        if (text == "IV" || text == "blue")
        {
            return Blue;
        }

        return text == "info" || text == "none" ? Info : Unknown;
    }

    /// <summary>The text used in payloads and on the console: "I".."IV" or "info".</summary>
    public static string ToText(int level)
    {
        switch (level)
        {
            case Red:
                return "I";
            case Orange:
                return "II";
            case Yellow:
                return "III";
            case Blue:
                return "IV";
            default:
                return "info";
        }
    }
}
