using System.Text.Json;
using Tocsin.Controller.FanOut;
using Tocsin.Controller.Health;
using Tocsin.Controller.Ingest;

namespace Tocsin.Controller.Engine;

/// <summary>
/// Saving snapshots. A periodic one takes every node's sequences, and the health of the groups of nodes
/// where some node's health changed with when every node was last seen (<see cref="HealthStore"/>), at
/// one moment (immutable records and fresh lists, serialized on the thread pool: at 10,000 nodes that
/// took the engine loop tens of milliseconds every interval) with the alarms, which follow health and
/// must match it. It is
/// written <see cref="Hosting.ControllerOptions.SnapshotWriteDelayS"/> later with the delivery ledger's
/// changes and the rule documents as they stand then: the ledger's archive pass writes and deletes
/// command documents in between, and the rules' raised alerts go with the ledger's commands (taken
/// earlier, a restart could find a rule's alert dispatched but not raised, and raise it again). The write happens at a set engine time, whether the
/// serialization finished early or is waited for, so a simulated controller on virtual time writes
/// the same thing at the same moment in every run.
/// </summary>
public sealed partial class ControllerEngine
{
    // Battery readings fall due a few nodes at a time all day (every 30 minutes each), so counting them
    // as changes rewrote nearly every group at every snapshot. They go with a group's other changes, and
    // all of them with the first snapshot this long after the last that took them all: a controller
    // killed in between loses at most this much (and a snapshot interval and its write delay) of the
    // battery readings its trends are fitted over (two of twelve), with the latest voltage and trend.
    private const long BatterySaveIntervalMs = 3_600_000;

    private PendingSnapshot? _pendingSnapshot;
    private long _nextBatterySaveMs = long.MinValue;

    // Called once per round with the monotonic time: writes the pending snapshot when due, then begins the next when due.
    private void SnapshotIfDue(long nowMs)
    {
        if (_pendingSnapshot is { } pending && nowMs >= pending.WriteAtMs)
        {
            FinishSnapshot();
        }

        if (_dirty && nowMs >= _nextSnapshotMs)
        {
            _nextSnapshotMs = nowMs + (_options.SnapshotIntervalS * 1000L);
            BeginSnapshot();
        }
    }

    private void BeginSnapshot()
    {
        // One at a time: the writers' buffers hold the documents until they are written.
        FinishSnapshot();
        long nowMs = MonotonicMs();
        long writeAtMs = nowMs + (long)(_options.SnapshotWriteDelayS * 1000);
        bool withBattery = nowMs >= _nextBatterySaveMs;
        if (withBattery)
        {
            _nextBatterySaveMs = nowMs + BatterySaveIntervalMs;
        }

        IReadOnlyList<(string Name, ReadOnlyMemory<byte> Json)> taken = [AlarmsDocument()];
        IReadOnlyDictionary<string, SequenceSnapshot> sequences = _sequences.Export();
        HealthChanges health = _health.TakeChanges(HealthStore.Groups, withBattery);
        HealthSnapshotWriter healthWriter = _healthWriter;
        SequenceSnapshotWriter sequenceWriter = _sequenceWriter;
        _pendingSnapshot = new PendingSnapshot(Task.Run(() => (sequenceWriter.Serialize(sequences), healthWriter.Serialize(health))), taken, writeAtMs, ChangedIds(health));
        _dirty = false;
    }

    private void FinishSnapshot()
    {
        if (_pendingSnapshot is not { } pending)
        {
            return;
        }

        _pendingSnapshot = null;
        try
        {
            var (sequences, health) = pending.PerNode.GetAwaiter().GetResult();
            WriteSnapshot(sequences, health, pending.Taken);
        }
        catch
        {
            // Nothing of it was written: the next interval snapshots again, with the health it took.
            _dirty = true;
            _health.Reinstate(pending.HealthChanged);
            throw;
        }
    }

    // A snapshot of the present written at once, with every held node state (a clean stop, SaveNow).
    // Periodic snapshots leave held node states to go out a few each round (NodeStateBacklog).
    private void SaveSnapshots()
    {
        // A pending periodic snapshot is superseded by this one, but it serializes into the same
        // buffers: it must end before they are used again.
        if (_pendingSnapshot is { } pending)
        {
            _pendingSnapshot = null;
            try
            {
                pending.PerNode.Wait();
            }
            catch (AggregateException)
            {
                // Superseded: its failure matters no more than its result would have.
            }

            // The health it took is taken again below, as it is now.
            _health.Reinstate(pending.HealthChanged);
        }

        HealthChanges health = _health.TakeChanges(HealthStore.Groups, withBattery: true);
        try
        {
            Commit(_stateBacklog.Drain());
            WriteSnapshot(_sequenceWriter.Serialize(_sequences.Export()), _healthWriter.Serialize(health), [AlarmsDocument()]);
            _dirty = false;
        }
        catch
        {
            // What the superseded snapshot held was not written either: the next interval snapshots again.
            _dirty = true;
            _health.Reinstate(ChangedIds(health));
            throw;
        }
    }

    private (string Name, ReadOnlyMemory<byte> Json) AlarmsDocument() => ("alarms", JsonSerializer.SerializeToUtf8Bytes(_alarms.Export(), JsonDefaults.Options));

    // Writes the documents taken with the snapshot's moment, and the rules' and the ledger's as they are now.
    private void WriteSnapshot(ReadOnlyMemory<byte> sequences, SerializedHealth health, IReadOnlyList<(string Name, ReadOnlyMemory<byte> Json)> taken)
    {
        var documents = new List<(string Name, ReadOnlyMemory<byte> Json)>(taken.Count + health.Groups.Count + 5) { ("sequences", sequences) };
        var deletions = new List<string>();
        _healthStore.AddTo(health, documents, deletions);
        documents.AddRange(taken);
        _snapshotDocuments.Clear();
        _snapshotDocuments.Add("rule-engine", _rules?.Export());
        _snapshotDocuments.Add("rule-alerts", _ruleAlerts);

        // The ledger is saved command by command, only the commands that changed (see LedgerStore).
        DeliveryLedgerChanges ledgerChanges = _ledgerStore.AddChanges(_ledger, _snapshotDocuments, deletions);
        _snapshotDocuments.AddTo(documents);
        try
        {
            _state.Write(documents, deletions);
        }
        catch
        {
            _ledger.Reinstate(ledgerChanges);
            throw;
        }
        finally
        {
            _snapshotDocuments.Clear();
        }

        _ledgerStore.Saved();
        _healthStore.Saved();
    }

    private static string[] ChangedIds(HealthChanges health) => health.NodeIds.ToArray();
}
