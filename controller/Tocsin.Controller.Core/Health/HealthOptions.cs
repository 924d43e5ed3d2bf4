namespace Tocsin.Controller.Health;

/// <summary>Health tracking settings.</summary>
/// <param name="DefaultHeartbeatPeriod">Heartbeat period of nodes whose period was not set (the firmware default, 60 s).</param>
/// <param name="MissedHeartbeats">Silent heartbeat periods before a node counts as offline (3).</param>
/// <param name="BatteryWindow">Battery readings the trend is fitted over (12).</param>
public sealed record HealthOptions(TimeSpan DefaultHeartbeatPeriod, int MissedHeartbeats, int BatteryWindow)
{
    /// <summary>60 s, 3, 12.</summary>
    public static HealthOptions Default { get; } = new(TimeSpan.FromSeconds(60), 3, 12);
}
