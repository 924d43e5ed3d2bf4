using System.Runtime.InteropServices;
using Tocsin.Controller.Ingest;

namespace Tocsin.Controller.Health;

/// <summary>
/// Node health from what nodes publish: online/offline from the retained status (the broker publishes
/// the last will on an unclean disconnect), offline also after three heartbeat periods without any
/// message (a clean disconnect sends no will, a half-open link sends nothing), faults from heartbeats
/// (the full set) and fault events (one at a time), and the battery trend. Time is an input; call
/// <see cref="Evaluate"/> periodically. Not thread-safe.
/// </summary>
public sealed class NodeHealthTracker
{
    private readonly HealthOptions _options;
    private readonly Dictionary<string, TrackedHealth> _nodes = new(StringComparer.Ordinal);
    private DateTimeOffset _nextSilenceCheck = DateTimeOffset.MinValue;
    private DateTimeOffset _lastEvaluated = DateTimeOffset.MinValue;

    /// <summary>Creates a tracker.</summary>
    public NodeHealthTracker(HealthOptions? options = null)
    {
        _options = options ?? HealthOptions.Default;
    }

    /// <summary>Every tracked node, by id.</summary>
    public IReadOnlyList<NodeHealth> All => _nodes.Values.OrderBy(n => n.NodeId, StringComparer.Ordinal).Select(n => n.ToRecord()).ToList();

    /// <summary>Restores a tracker from <see cref="Export"/>.</summary>
    public static NodeHealthTracker FromSnapshot(HealthSnapshot snapshot, HealthOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var t = new NodeHealthTracker(options);
        foreach (NodeHealth n in snapshot.Nodes)
        {
            t._nodes[n.NodeId] = TrackedHealth.From(n);

            // The latest message it holds was seen no later than the snapshot: a clock set back while
            // the controller was stopped shows at the first Evaluate as one set back while it ran.
            if (n.LastSeen is DateTimeOffset seen && seen > t._lastEvaluated)
            {
                t._lastEvaluated = seen;
            }
        }

        return t;
    }

    /// <summary>The whole state.</summary>
    public HealthSnapshot Export() => new(All);

    /// <summary>
    /// What a snapshot saves: the records of every node in each of <paramref name="groups"/> groups
    /// (<see cref="HealthShard"/>) where some node's health changed other than the time last seen, and
    /// its battery only <paramref name="withBattery"/>, since it was last taken (the marks of the nodes
    /// taken are cleared), and when every node was last seen.
    /// </summary>
    public HealthChanges TakeChanges(int groups, bool withBattery)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(groups);
        var changedGroups = new bool[groups];
        var seen = new List<(string NodeId, DateTimeOffset LastSeen)>(_nodes.Count);
        bool any = false;
        foreach (TrackedHealth n in _nodes.Values)
        {
            if (n.Changed || (withBattery && n.BatteryChanged))
            {
                changedGroups[HealthShard.Of(n.NodeId, groups)] = true;
                any = true;
            }

            if (n.LastSeen is DateTimeOffset at)
            {
                seen.Add((n.NodeId, at));
            }
        }

        var taken = new List<(int Group, IReadOnlyList<NodeHealth> Nodes)>();
        if (any)
        {
            var records = new List<NodeHealth>?[groups];
            foreach (TrackedHealth n in _nodes.Values)
            {
                int group = HealthShard.Of(n.NodeId, groups);
                if (changedGroups[group])
                {
                    (records[group] ??= []).Add(n.ToRecord());
                    n.Changed = false;
                    n.BatteryChanged = false;
                }
            }

            for (int g = 0; g < groups; g++)
            {
                if (records[g] is { } list)
                {
                    list.Sort((a, b) => string.CompareOrdinal(a.NodeId, b.NodeId));
                    taken.Add((g, list));
                }
            }
        }

        return new HealthChanges(taken, seen);
    }

    /// <summary>Marks nodes changed again: a snapshot that took their changes was not saved.</summary>
    public void Reinstate(IEnumerable<string> nodeIds)
    {
        ArgumentNullException.ThrowIfNull(nodeIds);
        foreach (string id in nodeIds)
        {
            if (_nodes.TryGetValue(id, out TrackedHealth? n))
            {
                n.Changed = true;
            }
        }
    }

    /// <summary>Marks every node changed, so the next snapshot saves all of them (after loading an older format).</summary>
    public void MarkAllChanged()
    {
        foreach (TrackedHealth n in _nodes.Values)
        {
            n.Changed = true;
        }
    }

    /// <summary>A node's health, or null when never heard of.</summary>
    public NodeHealth? Get(string nodeId) => _nodes.GetValueOrDefault(nodeId)?.ToRecord();

    /// <summary>Ids of nodes online without faults.</summary>
    public IReadOnlySet<string> HealthyNodeIds() => _nodes.Values.Where(n => n.IsHealthy).Select(n => n.NodeId).ToHashSet(StringComparer.Ordinal);

    /// <summary>Sets the heartbeat period a node was configured with (<c>hb.period_s</c>).</summary>
    public void SetHeartbeatPeriod(string nodeId, TimeSpan period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        Node(nodeId).HeartbeatPeriod = period;
        _nextSilenceCheck = DateTimeOffset.MinValue;
    }

    /// <summary>Takes one message a node published, received at <paramref name="receivedAt"/>; returns the changes it caused.</summary>
    public IReadOnlyList<HealthChange> Observe(NodeMessage message, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(message);

        // Every message of every node comes here, and nearly all change nothing but the time last seen
        // and the battery readings: the node's record is changed in place, and the list of changes is
        // made only for a change.
        List<HealthChange>? changes = null;
        TrackedHealth n = Node(message.NodeId);
        switch (message)
        {
            case StatusMessage { Online: false }:
                n.LastSeen = receivedAt;
                SetConnectivity(n, Connectivity.Offline, OfflineCause.Status, receivedAt, ref changes);
                return changes ?? (IReadOnlyList<HealthChange>)[];
            case StatusMessage s:
                n.Firmware = s.Firmware ?? n.Firmware;
                n.BootReason = s.BootReason ?? n.BootReason;
                break;
            case HeartbeatMessage hb:
                if (hb.HeartbeatS is double periodS && periodS >= 1 && periodS <= 86_400)
                {
                    // Nodes say their own period: one set to 5 minutes is not offline after 3.
                    n.HeartbeatPeriod = TimeSpan.FromSeconds(periodS);
                }

                SetFaults(n, hb.Faults, receivedAt, ref changes);
                AddBattery(n, hb.BatteryMv, receivedAt);
                break;
            case EventMessage { Type: EventTypes.Fault, Fault: string fault, Active: bool active }:
                SetFaults(n, active ? n.Faults.Append(fault) : n.Faults.Where(f => f != fault), receivedAt, ref changes);
                break;
            case ReportMessage { BatteryMv: int mv }:
                AddBattery(n, mv, receivedAt);
                break;
        }

        // Any message proves the node is connected, whatever the last will said earlier.
        n.LastSeen = receivedAt;
        SetConnectivity(n, Connectivity.Online, OfflineCause.None, receivedAt, ref changes);
        DateTimeOffset silentAt = receivedAt + (n.HeartbeatPeriod * _options.MissedHeartbeats);
        if (silentAt < _nextSilenceCheck)
        {
            _nextSilenceCheck = silentAt;
        }

        return changes ?? (IReadOnlyList<HealthChange>)[];
    }

    /// <summary>Marks nodes offline that have been silent for <see cref="HealthOptions.MissedHeartbeats"/> heartbeat periods.</summary>
    public IReadOnlyList<HealthChange> Evaluate(DateTimeOffset now)
    {
        if (now < _lastEvaluated)
        {
            AllowForClockSetBack(now);
        }

        _lastEvaluated = now;

        // Called every second over thousands of nodes: scan only when some node can have gone silent.
        if (now < _nextSilenceCheck)
        {
            return [];
        }

        List<HealthChange>? changes = null;
        DateTimeOffset next = DateTimeOffset.MaxValue;
        foreach (TrackedHealth n in _nodes.Values)
        {
            if (n.Connectivity != Connectivity.Online || n.LastSeen is not DateTimeOffset seen)
            {
                continue;
            }

            DateTimeOffset silentAt = seen + (n.HeartbeatPeriod * _options.MissedHeartbeats);
            if (now >= silentAt)
            {
                SetConnectivity(n, Connectivity.Offline, OfflineCause.MissedHeartbeats, now, ref changes);
            }
            else if (silentAt < next)
            {
                next = silentAt;
            }
        }

        _nextSilenceCheck = next;
        return changes ?? (IReadOnlyList<HealthChange>)[];
    }

    // The wall clock was set back: online nodes seen "after" now would count as silent only once it
    // caught up (an hour back, a node dead since would stay online an hour more). Their last-seen times
    // move back with the clock, keeping how long ago each was seen (to the second the timer runs at),
    // so they go offline on time and show when they were seen on the clock as it now reads.
    private void AllowForClockSetBack(DateTimeOffset now)
    {
        TimeSpan setBack = _lastEvaluated - now;
        foreach (TrackedHealth n in _nodes.Values.Where(n => n.Connectivity == Connectivity.Online && n.LastSeen > now))
        {
            DateTimeOffset moved = n.LastSeen!.Value - setBack;
            n.LastSeen = moved < now ? moved : now;
        }

        _nextSilenceCheck = DateTimeOffset.MinValue;
    }

    // One lookup for the read and the add.
    private TrackedHealth Node(string nodeId)
    {
        ref TrackedHealth? slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_nodes, nodeId, out _);
        return slot ??= new TrackedHealth(nodeId, _options.DefaultHeartbeatPeriod);
    }

    private static void SetConnectivity(TrackedHealth n, Connectivity c, OfflineCause cause, DateTimeOffset at, ref List<HealthChange>? changes)
    {
        if (n.Connectivity == c)
        {
            return;
        }

        (changes ??= []).Add(new HealthChange(n.NodeId, c == Connectivity.Online ? HealthChangeKind.CameOnline : HealthChangeKind.WentOffline,
            c == Connectivity.Online ? "online" : cause == OfflineCause.Status ? "status offline (last will)" : "missed heartbeats", at));
        n.Connectivity = c;
        n.OfflineCause = cause;
        n.Since = at;
    }

    private static void SetFaults(TrackedHealth n, IEnumerable<string> faults, DateTimeOffset at, ref List<HealthChange>? changes)
    {
        if (n.Faults.Count == 0 && faults is IReadOnlyCollection<string> { Count: 0 })
        {
            // The usual heartbeat of a healthy node: nothing to compare, nothing to allocate.
            return;
        }

        var now = faults.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        foreach (string f in now.Except(n.Faults, StringComparer.Ordinal))
        {
            (changes ??= []).Add(new HealthChange(n.NodeId, HealthChangeKind.FaultRaised, f, at));
        }

        foreach (string f in n.Faults.Except(now, StringComparer.Ordinal))
        {
            (changes ??= []).Add(new HealthChange(n.NodeId, HealthChangeKind.FaultCleared, f, at));
        }

        // The same faults again leave the record unchanged (see TrackedHealth.Changed).
        if (!now.SequenceEqual(n.Faults, StringComparer.Ordinal))
        {
            n.Faults = now;
        }
    }

    private void AddBattery(TrackedHealth n, int? millivolts, DateTimeOffset at)
    {
        if (millivolts is not int mv)
        {
            return;
        }

        // Within the spacing of the last reading kept, only the latest voltage changes; the readings
        // and the trend stay.
        n.BatteryMv = mv;
        IReadOnlyList<BatteryReading> kept = n.Readings;
        long sinceLast = kept.Count == 0 ? long.MaxValue : at.UtcTicks - kept[^1].At.UtcTicks;
        if (sinceLast >= 0 && sinceLast < _options.BatteryReadingSpacing.Ticks)
        {
            return;
        }

        // Readings "after" this one (the clock was set back) leave the window: the trend starts again
        // from the clock's present instead of waiting for it to catch up with them.
        int usable = kept.Count;
        while (usable > 0 && kept[usable - 1].At.UtcTicks > at.UtcTicks)
        {
            usable--;
        }

        // The last BatteryWindow readings, this one included, in an array of their own: records handed
        // out (snapshots, the API) keep the readings they were given.
        int keep = Math.Max(0, Math.Min(usable, _options.BatteryWindow - 1));
        var readings = new BatteryReading[keep + 1];
        for (int i = 0; i < keep; i++)
        {
            readings[i] = kept[usable - keep + i];
        }

        readings[keep] = new BatteryReading(at, mv);
        n.Readings = readings;
        n.BatteryTrendMvPerDay = BatteryTrend.MillivoltsPerDay(readings);
    }
}
