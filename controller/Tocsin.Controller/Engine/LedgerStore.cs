using System.Text.Json;
using Tocsin.Controller.FanOut;
using Tocsin.Controller.Storage;

namespace Tocsin.Controller.Engine;

/// <summary>
/// How the delivery ledger is kept in the state store: one document per live command
/// ("ledger/&lt;command&gt;"), rewritten only when that command changed, and, once a command has been
/// expired for <see cref="ArchiveAfter"/>, one archive document per command
/// ("ledger-archive/&lt;alert&gt;/&lt;command&gt;") that leaves memory and is read back only when someone
/// asks about that alert. A single document holding every command of every alert grew without end
/// and was rewritten whole whenever any result arrived (tens of megabytes at 10,000 speakers).
/// </summary>
internal sealed class LedgerStore
{
    /// <summary>Names of live command documents start with this.</summary>
    public const string LivePrefix = "ledger/";

    /// <summary>Names of archived command documents start with this, then the alert id and a slash.</summary>
    public const string ArchivePrefix = "ledger-archive/";

    // The whole-ledger document earlier versions saved: read once, then replaced by per-command ones.
    private const string LegacyDoc = "ledger";
    private const int ArchivedAlertsKept = 4;

    private readonly IStateStore _state;
    private readonly Dictionary<string, IReadOnlyList<NodeDelivery>> _archived = new(StringComparer.Ordinal);
    private readonly HashSet<string> _nothingArchived = new(StringComparer.Ordinal);
    private bool _legacyPresent;

    public LedgerStore(IStateStore state, TimeSpan archiveAfter)
    {
        _state = state;
        ArchiveAfter = archiveAfter;
    }

    /// <summary>How long after a command expires it is archived (results no longer arrive for it).</summary>
    public TimeSpan ArchiveAfter { get; }

    /// <summary>The ledger as last saved (live commands only).</summary>
    public DeliveryLedger Load()
    {
        var snapshots = new List<DeliveryLedgerSnapshot>();
        DeliveryLedgerSnapshot? legacy = _state.Read<DeliveryLedgerSnapshot>(LegacyDoc, JsonDefaults.Options);
        if (legacy != null)
        {
            snapshots.Add(legacy);
        }

        snapshots.AddRange(ReadAll(LivePrefix));

        DeliveryLedger ledger = DeliveryLedger.FromSnapshots(snapshots);
        _legacyPresent = legacy != null;
        if (_legacyPresent)
        {
            // Saved again command by command at the next snapshot, which also drops the old document.
            ledger.MarkAllChanged();
        }

        return ledger;
    }

    /// <summary>
    /// Adds to a snapshot's documents and deletions what changed in <paramref name="ledger"/> since the
    /// last one; the changes are returned so a failed write can hand them back (<see cref="DeliveryLedger.Reinstate"/>).
    /// </summary>
    public DeliveryLedgerChanges AddChanges(DeliveryLedger ledger, SnapshotDocumentBuffer documents, List<string> deletions)
    {
        DeliveryLedgerChanges changes = ledger.TakeChanges();
        try
        {
            foreach (string command in changes.Changed)
            {
                documents.Add(LivePrefix + command, ledger.ExportCommand(command));
            }
        }
        catch
        {
            // Nothing of it is written: the changes are taken again with the next snapshot.
            ledger.Reinstate(changes);
            throw;
        }

        foreach (string command in changes.Forgotten)
        {
            deletions.Add(LivePrefix + command);
        }

        if (_legacyPresent)
        {
            deletions.Add(LegacyDoc);
        }

        return changes;
    }

    /// <summary>Notes that a snapshot with <see cref="AddChanges"/>' documents was written.</summary>
    public void Saved() => _legacyPresent = false;

    /// <summary>
    /// Archives every command expired for <see cref="ArchiveAfter"/> at <paramref name="now"/>, one at a
    /// time: one write adds its archive document and deletes its live one (so a restart finds a command
    /// live or archived; only a database that cannot undo a failed write can leave it in both, which
    /// loading resolves), then the ledger forgets it. At the first write that fails the
    /// pass ends (a database that is down would hold the engine loop once per command): that command
    /// and the ones after it stay live, <paramref name="failed"/> counts them, and the next pass tries
    /// again. Returns how many were archived.
    /// </summary>
    public int ArchiveExpired(DeliveryLedger ledger, DateTimeOffset now, out int failed)
    {
        failed = 0;
        int archived = 0;
        IReadOnlyList<FanOutCommand> expired = ledger.ExpiredBy(now - ArchiveAfter);
        foreach (FanOutCommand command in expired)
        {
            byte[] json = JsonSerializer.SerializeToUtf8Bytes(ledger.ExportCommand(command.CommandId), JsonDefaults.Options);
            try
            {
                _state.Write([(ArchivePrefix + command.AlertId + "/" + command.CommandId, json)], [LivePrefix + command.CommandId]);
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or IOException)
            {
                failed = expired.Count - archived;
                break;
            }

            ledger.Forget(command.CommandId);
            _archived.Remove(command.AlertId);
            _nothingArchived.Remove(command.AlertId);
            archived++;
        }

        return archived;
    }

    /// <summary>Every delivery of <paramref name="alertId"/>: the live ones and the archived ones, by command then node.</summary>
    public IReadOnlyList<NodeDelivery> DeliveriesOfAlert(DeliveryLedger ledger, string alertId)
    {
        IReadOnlyList<NodeDelivery> live = ledger.DeliveriesOfAlert(alertId);
        IReadOnlyList<NodeDelivery> archived = Archived(alertId);
        if (archived.Count == 0)
        {
            return live;
        }

        // A command is live or archived, never both, unless the whole-ledger document of an earlier
        // version still held it, or a database without a rollback journal failed half-way through
        // archiving it: the live delivery then counts, once.
        var liveCommands = new HashSet<string>(live.Select(d => d.CommandId), StringComparer.Ordinal);
        return live.Concat(archived.Where(d => !liveCommands.Contains(d.CommandId)))
            .OrderBy(d => d.CommandId, StringComparer.Ordinal).ThenBy(d => d.NodeId, StringComparer.Ordinal).ToList();
    }

    private IReadOnlyList<NodeDelivery> Archived(string alertId)
    {
        if (_nothingArchived.Contains(alertId))
        {
            return [];
        }

        if (_archived.TryGetValue(alertId, out IReadOnlyList<NodeDelivery>? kept))
        {
            return kept;
        }

        var deliveries = new List<NodeDelivery>();
        foreach (DeliveryLedgerSnapshot snapshot in ReadAll(ArchivePrefix + alertId + "/"))
        {
            deliveries.AddRange(snapshot.Deliveries);
        }

        if (deliveries.Count == 0)
        {
            // Most alerts asked about are live: remembering that spares a query per question.
            if (_nothingArchived.Count >= 4096)
            {
                _nothingArchived.Clear();
            }

            _nothingArchived.Add(alertId);
            return [];
        }

        // An archived alert holds thousands of deliveries; a few are kept for repeated questions.
        if (_archived.Count >= ArchivedAlertsKept)
        {
            _archived.Clear();
        }

        _archived[alertId] = deliveries;
        return deliveries;
    }

    private IEnumerable<DeliveryLedgerSnapshot> ReadAll(string prefix)
    {
        foreach (string name in _state.Names(prefix))
        {
            if (_state.Read<DeliveryLedgerSnapshot>(name, JsonDefaults.Options) is { } snapshot)
            {
                yield return snapshot;
            }
        }
    }
}
