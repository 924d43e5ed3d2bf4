namespace Tocsin.Firmware.SensorNode.Rain;

/// <summary>The rolling windows the gauge keeps, in minutes, and their payload names.</summary>
public static class RainWindows
{
    /// <summary>Number of windows.</summary>
    public const int Count = 6;

    /// <summary>Index of the 10-minute window.</summary>
    public const int TenMinutes = 0;

    /// <summary>Index of the 1-hour window.</summary>
    public const int OneHour = 1;

    /// <summary>Index of the 3-hour window.</summary>
    public const int ThreeHours = 2;

    /// <summary>Index of the 6-hour window.</summary>
    public const int SixHours = 3;

    /// <summary>Index of the 12-hour window.</summary>
    public const int TwelveHours = 4;

    /// <summary>Index of the 24-hour window.</summary>
    public const int DayHours = 5;

    private static readonly int[] Minutes = { 10, 60, 180, 360, 720, 1440 };
    private static readonly string[] Names = { "mm10m", "mm1h", "mm3h", "mm6h", "mm12h", "mm24h" };

    /// <summary>Length of a window in minutes.</summary>
    public static int LengthMinutes(int window) => Minutes[window];

    /// <summary>Payload field name of a window.</summary>
    public static string Name(int window) => Names[window];
}
