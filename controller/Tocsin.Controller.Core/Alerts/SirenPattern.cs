namespace Tocsin.Controller.Alerts;

/// <summary>The siren patterns broadcast nodes play (firmware Audio/SirenPattern).</summary>
public enum SirenPattern
{
    /// <summary>No siren: voice clips only.</summary>
    None,

    /// <summary>Rising and falling tone: the usual warning signal.</summary>
    Wail,

    /// <summary>A steady tone.</summary>
    Steady,

    /// <summary>Two alternating tones.</summary>
    HiLo,

    /// <summary>A tone one second on, one off.</summary>
    Pulse,
}
