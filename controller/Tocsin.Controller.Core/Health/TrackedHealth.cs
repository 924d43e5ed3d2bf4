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

    public Connectivity Connectivity
    {
        get;
        set => Track(ref field, value);
    } = Connectivity.Unknown;

    public OfflineCause OfflineCause
    {
        get;
        set => Track(ref field, value);
    } = OfflineCause.None;

    /// <summary>Not a change: it moves with nearly every message, and snapshots save it for every node.</summary>
    public DateTimeOffset? LastSeen { get; set; }

    public DateTimeOffset? Since
    {
        get;
        set => Track(ref field, value);
    }

    public TimeSpan HeartbeatPeriod
    {
        get;
        set => Track(ref field, value);
    }

    /// <summary>Sorted and distinct; replaced as a whole, never changed.</summary>
    public IReadOnlyList<string> Faults
    {
        get;
        set => Track(ref field, value);
    } = [];

    public int? BatteryMv
    {
        get;
        set => Track(ref field, value, battery: true);
    }

    public double? BatteryTrendMvPerDay
    {
        get;
        set => Track(ref field, value, battery: true);
    }

    public string? Firmware
    {
        get;
        set => Track(ref field, value);
    }

    public string? BootReason
    {
        get;
        set => Track(ref field, value);
    }

    /// <summary>Oldest first; replaced as a whole, never changed.</summary>
    public IReadOnlyList<BatteryReading> Readings
    {
        get;
        set => Track(ref field, value, battery: true);
    } = [];

    /// <summary>
    /// True when anything but <see cref="LastSeen"/> and the battery changed since the node's health was last saved
    /// (cleared by <see cref="NodeHealthTracker.TakeChanges"/>): only the groups holding such nodes are rewritten.
    /// </summary>
    public bool Changed { get; set; }

    /// <summary>
    /// True when the battery voltage, readings or trend changed since the node's health was last saved:
    /// a fleet's readings fall due a few at a time all day, so these are saved with other changes or at
    /// the battery interval (<see cref="NodeHealthTracker.TakeChanges"/>).
    /// </summary>
    public bool BatteryChanged { get; set; }

    public bool IsHealthy => Connectivity == Connectivity.Online && Faults.Count == 0;

    /// <summary>A record restored from a snapshot: as saved, so not changed.</summary>
    public static TrackedHealth From(NodeHealth n) => new TrackedHealth(n.NodeId, n.HeartbeatPeriod)
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
    }.Saved();

    public NodeHealth ToRecord() =>
        new(NodeId, Connectivity, OfflineCause, LastSeen, Since, HeartbeatPeriod, Faults, BatteryMv, BatteryTrendMvPerDay, Firmware, BootReason, Readings);

    private TrackedHealth Saved()
    {
        Changed = false;
        BatteryChanged = false;
        return this;
    }

    // Lists are replaced, never changed, and compare by reference: a new list is a change (the tracker
    // assigns one only when it differs).
    private void Track<T>(ref T field, T value, bool battery = false)
    {
        if (EqualityComparer<T>.Default.Equals(field, value))
        {
            return;
        }

        field = value;
        if (battery)
        {
            BatteryChanged = true;
        }
        else
        {
            Changed = true;
        }
    }
}
