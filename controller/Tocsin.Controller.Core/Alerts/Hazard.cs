namespace Tocsin.Controller.Alerts;

/// <summary>What an alert warns of (the district plan's hazards).</summary>
public enum Hazard
{
    /// <summary>Rainstorm (暴雨).</summary>
    Rainstorm,

    /// <summary>Urban waterlogging (内涝).</summary>
    Waterlogging,

    /// <summary>Typhoon (台风).</summary>
    Typhoon,

    /// <summary>River or coastal flood (洪水).</summary>
    Flood,

    /// <summary>Landslide, collapse, debris flow (地质灾害).</summary>
    Geological,

    /// <summary>Earthquake (地震).</summary>
    Earthquake,

    /// <summary>Fire (火灾).</summary>
    Fire,

    /// <summary>Anything else (power, gas, public safety).</summary>
    Other,
}
