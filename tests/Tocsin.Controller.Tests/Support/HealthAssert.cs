using Tocsin.Controller.Health;
using Xunit;

namespace Tocsin.Controller.Tests.Support;

/// <summary>Health records compared field by field (their lists are compared by content, not reference).</summary>
public static class HealthAssert
{
    /// <summary>Asserts the two lists hold the same health, node for node in order.</summary>
    public static void Same(IReadOnlyList<NodeHealth> expected, IReadOnlyList<NodeHealth> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        foreach (var (a, b) in expected.Zip(actual))
        {
            Assert.Equal((a.NodeId, a.Connectivity, a.OfflineCause, a.LastSeen, a.Since, a.HeartbeatPeriod, a.BatteryMv, a.BatteryTrendMvPerDay, a.Firmware, a.BootReason),
                (b.NodeId, b.Connectivity, b.OfflineCause, b.LastSeen, b.Since, b.HeartbeatPeriod, b.BatteryMv, b.BatteryTrendMvPerDay, b.Firmware, b.BootReason));
            Assert.Equal(a.Faults, b.Faults);
            Assert.Equal(a.Readings, b.Readings);
        }
    }
}
