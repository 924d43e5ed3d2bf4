using System.Text;
using Tocsin.Controller.FanOut;
using Tocsin.Controller.Health;
using Tocsin.Controller.Ingest;
using Tocsin.Controller.Mqtt;
using Tocsin.Controller.Rules;
using Tocsin.Controller.Storage;

namespace Tocsin.Controller.Engine;

/// <summary>Ingest: parse, deduplicate by sequence, store in one transaction, then acknowledge.</summary>
public sealed partial class ControllerEngine
{
    private readonly List<ProposedWarning> _proposals = [];
    private readonly NodeStateBacklog _stateBacklog = new();

    /// <summary>Raised on the engine loop right after an ingest round committed (for metrics and benchmarks; keep handlers quick).</summary>
    public event Action<IReadOnlyList<StoredMessage>>? Committed;

    private async Task IngestAsync(List<InboundMessage> batch, CancellationToken cancellation)
    {
        var round = new IngestBatch(batch.Count);
        var acks = new Dictionary<string, SequenceAcceptance>(StringComparer.Ordinal);
        var online = new List<string>();
        foreach (InboundMessage inbound in batch)
        {
            Interlocked.Increment(ref _received);
            MessageParseResult parsed = inbound.Parsed ?? NodeMessageParser.Parse(inbound.Topic, inbound.Payload);
            if (!parsed.Succeeded)
            {
                Interlocked.Increment(ref _malformed);
                LogMalformed(inbound.NodeId, inbound.Topic, parsed.Error!);
                continue;
            }

            NodeMessage message = parsed.Message!;
            if (message.NodeId != inbound.NodeId || !_nodes.ContainsKey(message.NodeId))
            {
                // Only the external broker's ACL stands between a topic and its sender: refuse what no registered node sent.
                continue;
            }

            NodeStateUpdate state = StateOf(round, message.NodeId);
            state.LastSeenUtcMs = inbound.ReceivedUtc.ToUnixTimeMilliseconds();
            foreach (HealthChange change in _health.Observe(message, inbound.ReceivedUtc))
            {
                OnHealthChange(change);
            }

            switch (message)
            {
                case StatusMessage status:
                    state.Online = status.Online;
                    state.StatusJson = Encoding.UTF8.GetString(inbound.Payload.Span);
                    if (status.Online)
                    {
                        online.Add(status.NodeId);
                    }

                    break;
                case HeartbeatMessage:
                    state.Online = true;
                    state.SetHeartbeat(inbound.Payload);
                    break;
                case OutboxMessage outbox:
                    AcceptOutbox(outbox, inbound, round, state, acks);
                    break;
            }
        }

        long nowMs = MonotonicMs();
        _stateBacklog.Hold(round, nowMs);
        _stateBacklog.TakeDue(round, nowMs - StateHoldMs);
        Commit(round);

        _dirty = true;
        Committed?.Invoke(round.Messages);
        foreach (var (node, acceptance) in acks)
        {
            await _transport.SendToNodeAsync(node, OutboxAck.Topic(node), OutboxAck.Serialize(acceptance), cancellation).ConfigureAwait(false);
        }

        foreach (string node in online)
        {
            await SendOwedAsync(node, cancellation).ConfigureAwait(false);
        }

        await HandleProposalsAsync(cancellation).ConfigureAwait(false);
    }

    // Routine node-state updates are held this long, then written a few each round (see NodeStateBacklog).
    private long StateHoldMs => _options.SnapshotIntervalS * 1000L;

    // The engine clock's monotonic milliseconds (virtual in the simulator): a wall clock stepped back
    // must not hold node states back longer.
    private long MonotonicMs() => (long)(_time.GetTimestamp() * (1000.0 / _time.TimestampFrequency));

    /// <summary>Writes the node states held for a whole interval when no ingest round took them (a quiet district).</summary>
    private void CommitDueStates()
    {
        var due = new IngestBatch();
        if (_stateBacklog.TakeDue(due, MonotonicMs() - StateHoldMs) > 0)
        {
            Commit(due);
        }
    }

    /// <summary>Commits <paramref name="batch"/>; when that fails, the node states it carried are held again for the next write.</summary>
    private void Commit(IngestBatch batch)
    {
        try
        {
            _messages.Commit(batch);
        }
        catch
        {
            _stateBacklog.Restore(batch);
            throw;
        }
    }

    // A node's security event raises its alarm, or keeps an open one raised (SecurityAlarms).
    private void OnSecurityEvent(EventMessage security, DateTimeOffset at)
    {
        if (!SecurityAlarms.Raises(security))
        {
            return;
        }

        _securityHeard[SecurityAlarms.KeyFor(security.NodeId)] = at;
        AlarmNotification? n = SecurityAlarms.Apply(_alarms, security, at);
        if (n != null)
        {
            _dirty = true;
            LogAlarm(n.Reason.ToString(), n.Audience.ToString(), n.Alarm.Message);
        }
    }

    // Checked once a minute: a security alarm with no event for SecurityAlarms.QuietFor is resolved
    // (after a restart, counted from when it was raised).
    private void ResolveQuietSecurityAlarms(DateTimeOffset now)
    {
        foreach (OperatorAlarm alarm in _alarms.Open.Where(a => a.ResolvedAt == null && SecurityAlarms.IsSecurityKey(a.Key)).ToList())
        {
            if (now - _securityHeard.GetValueOrDefault(alarm.Key, alarm.RaisedAt) >= SecurityAlarms.QuietFor)
            {
                _alarms.Resolve(alarm.Key, now);
                _securityHeard.Remove(alarm.Key);
                _dirty = true;
            }
        }
    }

    private void AcceptOutbox(OutboxMessage outbox, InboundMessage inbound, IngestBatch round, NodeStateUpdate state, Dictionary<string, SequenceAcceptance> acks)
    {
        SequenceAcceptance acceptance = _sequences.Accept(outbox);
        if (acceptance.ShouldAcknowledge)
        {
            acks[outbox.NodeId] = acceptance;
            state.Acked = (acceptance.Epoch, acceptance.Upto);
        }

        foreach (SequenceRange lost in acceptance.NewlyLost)
        {
            long count = lost.Last - lost.First + 1;
            state.Lost += count;
            round.Gaps.Add((outbox.NodeId, acceptance.Epoch, lost.First, lost.Last));
            LogLost(outbox.NodeId, count, acceptance.Epoch);
        }

        if (acceptance.Outcome != SequenceOutcome.New)
        {
            state.Duplicates += acceptance.Outcome == SequenceOutcome.Duplicate ? 1 : 0;
            return;
        }

        string leaf = Topics.LeafOf(inbound.Topic);
        string? type = outbox switch
        {
            EventMessage e => e.Type,
            ReportMessage => "reading",
            ResultMessage r => r.State,
            _ => null,
        };
        round.Messages.Add(new StoredMessage(outbox.NodeId, outbox.Header.Epoch, outbox.Header.Seq, leaf, type, outbox.Header.UtcMs, inbound.ReceivedUtc.ToUnixTimeMilliseconds(), inbound.Payload));
        string community = _nodes[outbox.NodeId].Community;
        switch (outbox)
        {
            case ResultMessage result:
                NodeDelivery? delivery = _ledger.Record(result, inbound.ReceivedUtc);
                if (delivery != null)
                {
                    FanOutCommand? command = _ledger.FindCommand(delivery.CommandId);
                    round.Deliveries.Add((command?.AlertId ?? delivery.CommandId, command?.AlertVersion ?? 0, delivery.NodeId, delivery.State.ToString(), delivery.Reason, inbound.ReceivedUtc.ToUnixTimeMilliseconds()));
                }

                break;
            case EventMessage ev when ev.Type == EventTypes.Security:
                OnSecurityEvent(ev, inbound.ReceivedUtc);
                break;
            case EventMessage ev when _rules != null:
                SensorEvidence? evidence = SensorEvidence.FromEvent(ev, community, inbound.ReceivedUtc);
                if (evidence != null)
                {
                    _proposals.AddRange(_rules.Observe(evidence, inbound.ReceivedUtc));
                }

                break;
            case ReportMessage report:
                state.SetReport(inbound.Payload);
                if (_rules != null)
                {
                    foreach (SensorEvidence item in SensorEvidence.FromReport(report, community, inbound.ReceivedUtc))
                    {
                        _proposals.AddRange(_rules.Observe(item, inbound.ReceivedUtc));
                    }
                }

                break;
        }
    }

    private static NodeStateUpdate StateOf(IngestBatch round, string node)
    {
        if (!round.States.TryGetValue(node, out NodeStateUpdate? state))
        {
            state = new NodeStateUpdate();
            round.States[node] = state;
        }

        return state;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "malformed message from {Node} on {Topic}: {Error}")]
    private partial void LogMalformed(string node, string topic, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "node {Node} lost {Count} message(s) in epoch {Epoch} (outbox overflow or flash error)")]
    private partial void LogLost(string node, long count, long epoch);
}
