namespace Tocsin.Controller.Ingest;

/// <summary>Text forms of <see cref="SensorLevel"/> as nodes write them.</summary>
public static class SensorLevels
{
    /// <summary>"none", "blue", "yellow", "orange" or "red".</summary>
    public static string ToText(SensorLevel level) => level switch
    {
        SensorLevel.Blue => "blue",
        SensorLevel.Yellow => "yellow",
        SensorLevel.Orange => "orange",
        SensorLevel.Red => "red",
        _ => "none",
    };

    /// <summary>Parses the colour words; false for anything else.</summary>
    public static bool TryParse(string? text, out SensorLevel level)
    {
        level = text switch
        {
            "blue" => SensorLevel.Blue,
            "yellow" => SensorLevel.Yellow,
            "orange" => SensorLevel.Orange,
            "red" => SensorLevel.Red,
            _ => SensorLevel.None,
        };
        return text is "none" or "blue" or "yellow" or "orange" or "red";
    }
}
