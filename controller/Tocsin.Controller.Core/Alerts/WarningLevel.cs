namespace Tocsin.Controller.Alerts;

/// <summary>
/// China's four warning levels plus information, ranked like the firmware's AlertLevel so a higher
/// value is more severe (and preempts on the node): Info 0, IV blue 1, III yellow 2, II orange 3, I red 4.
/// </summary>
public enum WarningLevel
{
    /// <summary>Information, no warning colour.</summary>
    Info = 0,

    /// <summary>Level IV, blue (一般).</summary>
    Blue = 1,

    /// <summary>Level III, yellow (较重).</summary>
    Yellow = 2,

    /// <summary>Level II, orange (严重).</summary>
    Orange = 3,

    /// <summary>Level I, red (特别严重).</summary>
    Red = 4,
}
