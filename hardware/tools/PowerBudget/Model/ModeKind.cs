namespace Tocsin.Hardware.PowerBudget.Model;

/// <summary>What a part is doing in a state.</summary>
public enum ModeKind
{
    /// <summary>Unpowered: no current.</summary>
    Off,

    /// <summary>Powered and waiting: the BOM's idle_ma.</summary>
    Idle,

    /// <summary>Working at full load: the BOM's active_ma.</summary>
    Active,

    /// <summary>Low-power sleep: the BOM's sleep_ma.</summary>
    Sleep,

    /// <summary>Between idle and active: idle + fraction × (active − idle).</summary>
    Blend,
}
