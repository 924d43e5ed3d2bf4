namespace Tocsin.Controller.Health;

/// <summary>Health tracking settings.</summary>
/// <param name="DefaultHeartbeatPeriod">Heartbeat period of nodes whose period was not set (the firmware default, 60 s).</param>
/// <param name="MissedHeartbeats">Silent heartbeat periods before a node counts as offline (3).</param>
/// <param name="BatteryWindow">Battery readings the trend is fitted over (12).</param>
/// <param name="BatteryReadingSpacing">
/// Least time between two readings kept for the trend (30 minutes, so 12 span five and a half hours).
/// Heartbeats come every minute: a slope in mV per day fitted over the last twelve of them, a quarter of
/// an hour, was mostly the converter's noise. Every reading still sets the latest voltage.
/// </param>
public sealed record HealthOptions(TimeSpan DefaultHeartbeatPeriod, int MissedHeartbeats, int BatteryWindow, TimeSpan BatteryReadingSpacing)
{
    /// <summary>60 s, 3, 12, 30 minutes.</summary>
    public static HealthOptions Default { get; } = new(TimeSpan.FromSeconds(60), 3, 12, TimeSpan.FromMinutes(30));
}
