namespace Tocsin.Controller.Health;

/// <summary>
/// <see cref="NodeHealthTracker"/>'s own record of one node, changed in place as its messages come in:
/// nearly every message only moves the time last seen, and a copy of the node's record for each (10,000
/// nodes, thousands of messages a second) was most of what health cost. Records handed out
/// (<see cref="ToRecord"/>) are copies; the lists they share with this one are never changed, only replaced.
/// </summary>
internal sealed class TrackedHealth
{
    public TrackedHealth(string nodeId, TimeSpan heartbeatPeriod)
    {
        NodeId = nodeId;
        HeartbeatPeriod = heartbeatPeriod;
    }

    public string NodeId { get; }

    public Connectivity Connectivity { get; set; } = Connectivity.Unknown;

    public OfflineCause OfflineCause { get; set; } = OfflineCause.None;

    public DateTimeOffset? LastSeen { get; set; }

    public DateTimeOffset? Since { get; set; }

    public TimeSpan HeartbeatPeriod { get; set; }

    /// <summary>Sorted and distinct; replaced as a whole, never changed.</summary>
    public IReadOnlyList<string> Faults { get; set; } = [];

    public int? BatteryMv { get; set; }

    public double? BatteryTrendMvPerDay { get; set; }

    public string? Firmware { get; set; }

    public string? BootReason { get; set; }

    /// <summary>Oldest first; replaced as a whole, never changed.</summary>
    public IReadOnlyList<BatteryReading> Readings { get; set; } = [];

    public bool IsHealthy => Connectivity == Connectivity.Online && Faults.Count == 0;

    public static TrackedHealth From(NodeHealth n) => new(n.NodeId, n.HeartbeatPeriod)
    {
        Connectivity = n.Connectivity,
        OfflineCause = n.OfflineCause,
        LastSeen = n.LastSeen,
        Since = n.Since,
        Faults = n.Faults,
        BatteryMv = n.BatteryMv,
        BatteryTrendMvPerDay = n.BatteryTrendMvPerDay,
        Firmware = n.Firmware,
        BootReason = n.BootReason,
        Readings = n.Readings,
    };

    public NodeHealth ToRecord() =>
        new(NodeId, Connectivity, OfflineCause, LastSeen, Since, HeartbeatPeriod, Faults, BatteryMv, BatteryTrendMvPerDay, Firmware, BootReason, Readings);
}
