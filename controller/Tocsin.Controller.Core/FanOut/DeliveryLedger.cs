using Tocsin.Controller.Ingest;

namespace Tocsin.Controller.FanOut;

/// <summary>
/// Per command and node, the latest state from the node's results, with timestamps; which nodes need
/// a resend (nothing heard yet, the resend interval passed, the command still valid, not retired);
/// which are still owed a command when they reconnect; and which stayed silent by a deadline. Results
/// of one node are ordered by their outbox sequence, and a final state is never replaced by a
/// non-final one, so redelivered or reordered results cannot move a delivery backwards.
/// </summary>
public sealed class DeliveryLedger
{
    private readonly Dictionary<string, FanOutCommand> _commands = new(StringComparer.Ordinal);
    private readonly HashSet<string> _retired = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Command, string Node), NodeDelivery> _deliveries = [];

    // Commands per node: a broker restart brings thousands of reconnects at once, each asking what it is owed.
    private readonly Dictionary<string, HashSet<string>> _byNode = new(StringComparer.Ordinal);

    // Nodes per command: coverage asks for one alert's deliveries while the ledger holds every alert's.
    private readonly Dictionary<string, List<string>> _byCommand = new(StringComparer.Ordinal);

    // Deliveries that may still be resent (nothing heard, command not retired; expired ones leave on
    // the next scan). The resend scan runs every second and must not walk a day's worth of deliveries.
    private readonly HashSet<(string Command, string Node)> _resendable = [];

    // Commands changed, and commands forgotten, since the host last took them: it saves each command
    // as a document of its own, so a snapshot rewrites the commands results are arriving for, not
    // every command the ledger holds.
    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _forgotten = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _alertVersions = new(StringComparer.Ordinal);

    /// <summary>Restores a ledger from <see cref="Export"/>.</summary>
    public static DeliveryLedger FromSnapshot(DeliveryLedgerSnapshot snapshot) => FromSnapshots([snapshot]);

    /// <summary>Restores a ledger from several snapshots, such as one <see cref="ExportCommand"/> per command.</summary>
    public static DeliveryLedger FromSnapshots(IEnumerable<DeliveryLedgerSnapshot> snapshots)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        var ledger = new DeliveryLedger();
        foreach (DeliveryLedgerSnapshot snapshot in snapshots)
        {
            foreach (FanOutCommand c in snapshot.Commands)
            {
                ledger._commands[c.CommandId] = c;
            }

            ledger._retired.UnionWith(snapshot.Retired);
            foreach (NodeDelivery d in snapshot.Deliveries)
            {
                ledger.Put(d);
            }
        }

        return ledger;
    }

    /// <summary>
    /// Changes with every change of state (a counter, 0 for a new or restored ledger). A host saving
    /// snapshots skips an unchanged ledger: it holds every command of the day, a signed envelope per
    /// speaker, tens of megabytes at 10,000 speakers, and between alerts nothing in it changes.
    /// </summary>
    public long Version { get; private set; }

    /// <summary>
    /// Changes with every change to a command of <paramref name="alertId"/> or its deliveries (0 for an
    /// alert this ledger never changed): coverage kept per alert is reused until its own deliveries
    /// change, not whenever another alert's resends or results arrive.
    /// </summary>
    public long VersionOf(string alertId) => _alertVersions.GetValueOrDefault(alertId);

    /// <summary>The whole state.</summary>
    public DeliveryLedgerSnapshot Export() => new(_commands.Values.ToList(), _retired.ToList(), _deliveries.Values.ToList());

    /// <summary>One command's state: the command, whether it is retired, and its deliveries; null when not tracked.</summary>
    public DeliveryLedgerSnapshot? ExportCommand(string commandId)
    {
        if (!_commands.TryGetValue(commandId, out FanOutCommand? command))
        {
            return null;
        }

        var deliveries = (_byCommand.GetValueOrDefault(commandId) ?? []).Select(n => _deliveries[(commandId, n)]).ToList();
        return new DeliveryLedgerSnapshot([command], _retired.Contains(commandId) ? [commandId] : [], deliveries);
    }

    /// <summary>
    /// The commands changed and the commands forgotten since the last call (each list in ordinal
    /// order), and starts counting afresh. A restored ledger starts with nothing changed.
    /// </summary>
    public DeliveryLedgerChanges TakeChanges()
    {
        var changes = new DeliveryLedgerChanges(_changed.Order(StringComparer.Ordinal).ToList(), _forgotten.Order(StringComparer.Ordinal).ToList());
        _changed.Clear();
        _forgotten.Clear();
        return changes;
    }

    /// <summary>Hands back changes taken by <see cref="TakeChanges"/> whose saving failed, to be taken again.</summary>
    public void Reinstate(DeliveryLedgerChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (string command in changes.Changed)
        {
            Changed(command);
        }

        foreach (string command in changes.Forgotten)
        {
            if (!_commands.ContainsKey(command))
            {
                _forgotten.Add(command);
            }
        }
    }

    /// <summary>Marks every command changed (a host moving the ledger to a new way of saving it).</summary>
    public void MarkAllChanged() => _changed.UnionWith(_commands.Keys);

    /// <summary>Commands that expired at or before <paramref name="cutoff"/>, oldest expiry first.</summary>
    public IReadOnlyList<FanOutCommand> ExpiredBy(DateTimeOffset cutoff) =>
        _commands.Values.Where(c => c.IsExpired(cutoff)).OrderBy(c => c.ExpiresUtcMs).ThenBy(c => c.CommandId, StringComparer.Ordinal).ToList();

    /// <summary>A tracked command, or null.</summary>
    public FanOutCommand? FindCommand(string commandId) => _commands.GetValueOrDefault(commandId);

    /// <summary>
    /// Starts tracking every node <paramref name="plan"/> addresses, as sent at <paramref name="sentAt"/>.
    /// A cancel or all-clear retires the broadcast version it ends, so that version is no longer resent.
    /// </summary>
    public void Track(FanOutPlan plan, DateTimeOffset sentAt)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Version++;
        _commands[plan.Command.CommandId] = plan.Command;
        Changed(plan.Command.CommandId);
        if (plan.Command.Kind is CommandKinds.Cancel or CommandKinds.AllClear)
        {
            Retire(CommandIds.Broadcast(plan.Command.AlertId, plan.Command.AlertVersion));
        }

        foreach ((string node, string community) in plan.Addressed)
        {
            var key = (plan.Command.CommandId, node);
            if (!_deliveries.ContainsKey(key))
            {
                Put(new NodeDelivery(plan.Command.CommandId, node, community, DeliveryState.Pending, null, sentAt, sentAt, 1, []));
            }
        }
    }

    /// <summary>Records a resend (or delivery on reconnect) of <paramref name="commandId"/> to <paramref name="nodeId"/>.</summary>
    public void MarkSent(string commandId, string nodeId, DateTimeOffset at)
    {
        if (_deliveries.TryGetValue((commandId, nodeId), out NodeDelivery? d))
        {
            Version++;
            _deliveries[(commandId, nodeId)] = d with { LastSentAt = at, SendCount = d.SendCount + 1 };
            Changed(commandId);
        }
    }

    /// <summary>Stops resending <paramref name="commandId"/> (a superseded version, or a broadcast that was cancelled); results still count.</summary>
    public void Retire(string commandId)
    {
        Version++;
        _retired.Add(commandId);
        Changed(commandId);
        foreach (string node in _byCommand.GetValueOrDefault(commandId) ?? [])
        {
            _resendable.Remove((commandId, node));
        }
    }

    /// <summary>Drops a command and its deliveries (after the host archived them).</summary>
    public void Forget(string commandId)
    {
        Version++;
        if (_commands.Remove(commandId, out FanOutCommand? forgotten))
        {
            AlertChanged(forgotten.AlertId);
            _changed.Remove(commandId);
            _forgotten.Add(commandId);
        }

        _retired.Remove(commandId);
        foreach (string node in _byCommand.GetValueOrDefault(commandId) ?? [])
        {
            _deliveries.Remove((commandId, node));
            _resendable.Remove((commandId, node));
            if (_byNode.TryGetValue(node, out HashSet<string>? commands))
            {
                commands.Remove(commandId);
            }
        }

        _byCommand.Remove(commandId);
    }

    /// <summary>
    /// Applies a node's result. Returns the updated delivery, or null when the result is for a command
    /// or node this ledger does not track, or its state word is unknown.
    /// </summary>
    public NodeDelivery? Record(ResultMessage result, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!_deliveries.TryGetValue((result.CommandId, result.NodeId), out NodeDelivery? d) || !DeliveryStates.TryParse(result.State, out DeliveryState state))
        {
            return null;
        }

        var e = new DeliveryEvent(state, result.Reason, receivedAt, result.Header.UtcMs, result.Header.Epoch, result.Header.Seq);
        if (d.History.Any(h => h.Epoch == e.Epoch && h.Seq == e.Seq))
        {
            return d;
        }

        var history = d.History.Append(e).OrderBy(h => h.Epoch == e.Epoch ? 1 : 0).ThenBy(h => h.Seq).ToList();
        DeliveryEvent latest = history[^1];
        bool keepFinal = DeliveryStates.IsFinal(d.State) && !DeliveryStates.IsFinal(latest.State);
        NodeDelivery updated = d with
        {
            History = history,
            State = keepFinal ? d.State : latest.State,
            Reason = keepFinal ? d.Reason : latest.Reason,
        };
        _deliveries[(d.CommandId, d.NodeId)] = updated;
        Version++;
        Changed(d.CommandId);
        if (updated.State != DeliveryState.Pending)
        {
            _resendable.Remove((d.CommandId, d.NodeId));
        }

        return updated;
    }

    /// <summary>The delivery of a command to a node, or null.</summary>
    public NodeDelivery? Get(string commandId, string nodeId) => _deliveries.GetValueOrDefault((commandId, nodeId));

    /// <summary>Every node's delivery of <paramref name="commandId"/>, ordered by node id.</summary>
    public IReadOnlyList<NodeDelivery> Deliveries(string commandId) =>
        (_byCommand.GetValueOrDefault(commandId) ?? []).Select(n => _deliveries[(commandId, n)]).OrderBy(d => d.NodeId, StringComparer.Ordinal).ToList();

    /// <summary>Every delivery of every command of <paramref name="alertId"/>.</summary>
    public IReadOnlyList<NodeDelivery> DeliveriesOfAlert(string alertId) =>
        _commands.Values.Where(c => c.AlertId == alertId)
            .SelectMany(c => (_byCommand.GetValueOrDefault(c.CommandId) ?? []).Select(n => _deliveries[(c.CommandId, n)]))
            .OrderBy(d => d.CommandId, StringComparer.Ordinal).ThenBy(d => d.NodeId, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Deliveries to resend at <paramref name="now"/>: nothing heard from the node yet, the last send at
    /// least <paramref name="interval"/> ago, the command neither expired nor retired. A last send
    /// stamped at least an interval after <paramref name="now"/> means the wall clock was set back by
    /// more than that since: it is resent now rather than held until the clock catches up (an hour back
    /// would hold a warning's resends an hour). A smaller set-back, as a clock correction usually is,
    /// only delays resends by as much, instead of sending a whole fan-out again at once. A node that
    /// already has the command refuses the copy as a replay and restates its result.
    /// </summary>
    public IReadOnlyList<NodeDelivery> DueForResend(DateTimeOffset now, TimeSpan interval)
    {
        _resendable.RemoveWhere(k => !IsLive(k.Command, now));
        return _resendable.Select(k => _deliveries[k]).Where(d => now - d.LastSentAt >= interval || d.LastSentAt - now >= interval)
            .OrderBy(d => d.LastSentAt).ThenBy(d => d.NodeId, StringComparer.Ordinal).ThenBy(d => d.CommandId, StringComparer.Ordinal).ToList();
    }

    /// <summary>Commands a node that just (re)connected still needs: nothing heard yet, still valid, not retired; oldest command first.</summary>
    public IReadOnlyList<NodeDelivery> OwedTo(string nodeId, DateTimeOffset now) =>
        (_byNode.TryGetValue(nodeId, out HashSet<string>? commands) ? commands : [])
            .Select(c => _deliveries[(c, nodeId)])
            .Where(d => d.State == DeliveryState.Pending && IsLive(d.CommandId, now))
            .OrderBy(d => _commands[d.CommandId].Seq).ToList();

    /// <summary>Nodes addressed by <paramref name="commandId"/> that had reported nothing by <paramref name="deadline"/>.</summary>
    public IReadOnlyList<NodeDelivery> SilentBy(string commandId, DateTimeOffset deadline) =>
        Deliveries(commandId).Where(d => !d.HeardBy(deadline)).ToList();

    private void Put(NodeDelivery d)
    {
        _deliveries[(d.CommandId, d.NodeId)] = d;
        if (!_byNode.TryGetValue(d.NodeId, out HashSet<string>? commands))
        {
            commands = new HashSet<string>(StringComparer.Ordinal);
            _byNode.Add(d.NodeId, commands);
        }

        if (commands.Add(d.CommandId))
        {
            if (!_byCommand.TryGetValue(d.CommandId, out List<string>? nodes))
            {
                nodes = [];
                _byCommand.Add(d.CommandId, nodes);
            }

            nodes.Add(d.NodeId);
        }

        if (d.State == DeliveryState.Pending && !_retired.Contains(d.CommandId))
        {
            _resendable.Add((d.CommandId, d.NodeId));
        }
    }

    private void Changed(string commandId)
    {
        if (_commands.TryGetValue(commandId, out FanOutCommand? command))
        {
            _changed.Add(commandId);
            _forgotten.Remove(commandId);
            AlertChanged(command.AlertId);
        }
    }

    private void AlertChanged(string alertId) => _alertVersions[alertId] = _alertVersions.GetValueOrDefault(alertId) + 1;

    private bool IsLive(string commandId, DateTimeOffset now) =>
        !_retired.Contains(commandId) && _commands.TryGetValue(commandId, out FanOutCommand? c) && !c.IsExpired(now);
}
