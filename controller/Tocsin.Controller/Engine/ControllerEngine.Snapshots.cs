using System.Text.Json;
using Tocsin.Controller.FanOut;
using Tocsin.Controller.Health;
using Tocsin.Controller.Ingest;

namespace Tocsin.Controller.Engine;

/// <summary>
/// Saving snapshots. A periodic one takes every node's sequences and health at one moment (immutable
/// records and fresh lists), serializes them on the thread pool, and writes them
/// <see cref="Hosting.ControllerOptions.SnapshotWriteDelayS"/> later, with the small documents and
/// the delivery ledger's changes as they stand then: at 10,000 nodes serializing took the engine
/// loop tens of milliseconds every interval. The write happens at a set engine time, whether the
/// serialization finished early or is waited for, so a simulated controller on virtual time writes
/// the same thing at the same moment in every run.
/// </summary>
public sealed partial class ControllerEngine
{
    private PendingSnapshot? _pendingSnapshot;

    // Called once per round: writes the pending snapshot when due, then begins the next when due.
    private void SnapshotIfDue(DateTimeOffset now)
    {
        if (_pendingSnapshot is { } pending && now >= pending.WriteAt)
        {
            FinishSnapshot();
        }

        if (_dirty && now >= _nextSnapshot)
        {
            _nextSnapshot = now + TimeSpan.FromSeconds(_options.SnapshotIntervalS);
            BeginSnapshot(now);
        }
    }

    private void BeginSnapshot(DateTimeOffset now)
    {
        // One at a time: the writers' buffers hold the documents until they are written.
        FinishSnapshot();
        IReadOnlyDictionary<string, SequenceSnapshot> sequences = _sequences.Export();
        HealthSnapshot health = _health.Export();
        _dirty = false;
        HealthSnapshotWriter healthWriter = _healthWriter;
        SequenceSnapshotWriter sequenceWriter = _sequenceWriter;
        _pendingSnapshot = new PendingSnapshot(
            Task.Run(() => (sequenceWriter.Serialize(sequences), healthWriter.Serialize(health))),
            now + TimeSpan.FromSeconds(_options.SnapshotWriteDelayS));
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
            var (sequences, health) = pending.Documents.GetAwaiter().GetResult();
            WriteSnapshot(sequences, health);
        }
        catch
        {
            // Nothing of it was written: the next interval snapshots again.
            _dirty = true;
            throw;
        }
    }

    // A snapshot written at once (a clean stop, SaveNow). Periodic snapshots leave held node states to
    // go out a few each round (NodeStateBacklog); this one can write them all.
    private void SaveSnapshots(bool drainStates)
    {
        // A pending periodic snapshot is superseded by this one, but it serializes into the same
        // buffers: it must end before they are used again.
        if (_pendingSnapshot is { } pending)
        {
            _pendingSnapshot = null;
            try
            {
                pending.Documents.Wait();
            }
            catch (AggregateException)
            {
                // Superseded: its failure matters no more than its result would have.
            }
        }

        if (drainStates)
        {
            Commit(_stateBacklog.Drain());
        }

        WriteSnapshot(_sequenceWriter.Serialize(_sequences.Export()), _healthWriter.Serialize(_health.Export()));
        _dirty = false;
    }

    private void WriteSnapshot(ReadOnlyMemory<byte> sequences, ReadOnlyMemory<byte> health)
    {
        var documents = new List<(string Name, ReadOnlyMemory<byte> Json)>
        {
            ("sequences", sequences),
            ("health", health),
            ("alarms", JsonSerializer.SerializeToUtf8Bytes(_alarms.Export(), JsonDefaults.Options)),
            ("rule-engine", JsonSerializer.SerializeToUtf8Bytes(_rules?.Export(), JsonDefaults.Options)),
            ("rule-alerts", JsonSerializer.SerializeToUtf8Bytes(_ruleAlerts, JsonDefaults.Options)),
        };

        // The ledger is saved command by command, only the commands that changed (see LedgerStore).
        var deletions = new List<string>();
        DeliveryLedgerChanges ledgerChanges = _ledgerStore.AddChanges(_ledger, documents, deletions);
        try
        {
            _state.Write(documents, deletions);
        }
        catch
        {
            _ledger.Reinstate(ledgerChanges);
            throw;
        }

        _ledgerStore.Saved();
    }
}
