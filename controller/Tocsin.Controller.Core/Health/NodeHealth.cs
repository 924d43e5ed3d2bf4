namespace Tocsin.Controller.Health;

/// <summary>What the controller knows of one node's health.</summary>
/// <param name="NodeId">The node.</param>
/// <param name="Connectivity">Online, offline or unknown.</param>
/// <param name="OfflineCause">Why offline.</param>
/// <param name="LastSeen">When any message last arrived.</param>
/// <param name="Since">When <paramref name="Connectivity"/> last changed.</param>
/// <param name="HeartbeatPeriod">The period it heartbeats at (its <c>hb.period_s</c>).</param>
/// <param name="Faults">Active faults, sorted ("battery_low", "amplifier", ...).</param>
/// <param name="BatteryMv">Latest battery voltage, if it reports one (it may be newer than the last of <paramref name="Readings"/>).</param>
/// <param name="BatteryTrendMvPerDay">Least-squares slope of recent battery readings, mV per day; null with fewer than two readings.</param>
/// <param name="Firmware">"fw" from its status.</param>
/// <param name="BootReason">"boot" from its status.</param>
/// <param name="Readings">Recent battery readings for the trend, oldest first, at least <see cref="HealthOptions.BatteryReadingSpacing"/> apart.</param>
public sealed record NodeHealth(
    string NodeId,
    Connectivity Connectivity,
    OfflineCause OfflineCause,
    DateTimeOffset? LastSeen,
    DateTimeOffset? Since,
    TimeSpan HeartbeatPeriod,
    IReadOnlyList<string> Faults,
    int? BatteryMv,
    double? BatteryTrendMvPerDay,
    string? Firmware,
    string? BootReason,
    IReadOnlyList<BatteryReading> Readings)
{
    /// <summary>Online with no active fault: counts toward terminal coverage.</summary>
    public bool IsHealthy => Connectivity == Connectivity.Online && Faults.Count == 0;
}
