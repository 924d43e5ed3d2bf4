namespace Tocsin.Controller.Ingest;

/// <summary>One <see cref="SequenceTracker"/> per node, created on first use, exportable as a whole.</summary>
public sealed class SequenceBook
{
    private readonly Dictionary<string, SequenceTracker> _trackers = new(StringComparer.Ordinal);

    /// <summary>Nodes tracked.</summary>
    public int Count => _trackers.Count;

    /// <summary>Restores a book from <see cref="Export"/>.</summary>
    public static SequenceBook FromSnapshots(IReadOnlyDictionary<string, SequenceSnapshot> snapshots)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        var book = new SequenceBook();
        foreach ((string node, SequenceSnapshot s) in snapshots)
        {
            book._trackers[node] = SequenceTracker.FromSnapshot(s);
        }

        return book;
    }

    /// <summary>The tracker of <paramref name="nodeId"/> (created empty on first use).</summary>
    public SequenceTracker For(string nodeId)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        if (!_trackers.TryGetValue(nodeId, out SequenceTracker? t))
        {
            t = new SequenceTracker();
            _trackers.Add(nodeId, t);
        }

        return t;
    }

    /// <summary>Judges one outbox message of its node.</summary>
    public SequenceAcceptance Accept(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return For(message.NodeId).Accept(message.Header);
    }

    /// <summary>Forgets a node (e.g. after it was deleted).</summary>
    public bool Remove(string nodeId) => _trackers.Remove(nodeId);

    /// <summary>Every tracker's state.</summary>
    public IReadOnlyDictionary<string, SequenceSnapshot> Export() =>
        _trackers.ToDictionary(kv => kv.Key, kv => kv.Value.Export(), StringComparer.Ordinal);
}
