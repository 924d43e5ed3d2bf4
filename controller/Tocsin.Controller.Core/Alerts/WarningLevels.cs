namespace Tocsin.Controller.Alerts;

/// <summary>Text forms of <see cref="WarningLevel"/>: "I".."IV" or "info" on the wire, colours accepted when parsing.</summary>
public static class WarningLevels
{
    /// <summary>"I", "II", "III", "IV" or "info" — the broadcast command's "level".</summary>
    public static string ToText(WarningLevel level) => level switch
    {
        WarningLevel.Red => "I",
        WarningLevel.Orange => "II",
        WarningLevel.Yellow => "III",
        WarningLevel.Blue => "IV",
        _ => "info",
    };

    /// <summary>"red", "orange", "yellow", "blue" or "none".</summary>
    public static string Colour(WarningLevel level) => level switch
    {
        WarningLevel.Red => "red",
        WarningLevel.Orange => "orange",
        WarningLevel.Yellow => "yellow",
        WarningLevel.Blue => "blue",
        _ => "none",
    };

    /// <summary>Parses "I".."IV", "info", or a colour word.</summary>
    public static bool TryParse(string? text, out WarningLevel level)
    {
        switch (text)
        {
            case "I" or "red":
                level = WarningLevel.Red;
                return true;
            case "II" or "orange":
                level = WarningLevel.Orange;
                return true;
            case "III" or "yellow":
                level = WarningLevel.Yellow;
                return true;
            case "IV" or "blue":
                level = WarningLevel.Blue;
                return true;
            case "info" or "none":
                level = WarningLevel.Info;
                return true;
            default:
                level = WarningLevel.Info;
                return false;
        }
    }
}
