namespace Tocsin.Firmware.SensorNode.Levels;

/// <summary>
/// The four-colour ladder shared by rainstorm signals and local depth levels: 0 none, 1 blue (IV),
/// 2 yellow (III), 3 orange (II), 4 red (I). Constants, since Enum.ToString gives numbers on the device.
/// </summary>
public static class WarningLevel
{
    /// <summary>Nothing raised.</summary>
    public const int None = 0;

    /// <summary>Blue, level IV.</summary>
    public const int Blue = 1;

    /// <summary>Yellow, level III.</summary>
    public const int Yellow = 2;

    /// <summary>Orange, level II.</summary>
    public const int Orange = 3;

    /// <summary>Red, level I.</summary>
    public const int Red = 4;

    /// <summary>Text form used in payloads and on the console.</summary>
    public static string ToText(int level)
    {
        switch (level)
        {
            case Blue:
                return "blue";
            case Yellow:
                return "yellow";
            case Orange:
                return "orange";
            case Red:
                return "red";
            default:
                return "none";
        }
    }
}
