namespace Tocsin.Controller.Storage;

/// <summary>
/// Routine node-state updates held back until the next snapshot. At 10,000 nodes a heartbeat or
/// report arrives every few milliseconds and each rewrote its node's state row, a page of its own,
/// in that round's transaction: most of the controller's write cost. Held here, a node's updates
/// merge into one row write per snapshot interval; what the row holds (last seen, latest heartbeat
/// and report) is restated by the node's next message, so a killed controller loses nothing that
/// matters. Updates that do matter (status changes, lost or duplicate counts) go out with their
/// own round, carrying anything held for the same node so rows never go back in time. Not thread-safe.
/// </summary>
public sealed class NodeStateBacklog
{
    private Dictionary<string, NodeStateUpdate> _held = new(StringComparer.Ordinal);

    /// <summary>Nodes with held updates.</summary>
    public int Count => _held.Count;

    /// <summary>
    /// Moves the round's routine updates into the backlog, and folds held updates into the round's
    /// other ones (older first).
    /// </summary>
    public void Hold(IngestBatch round)
    {
        ArgumentNullException.ThrowIfNull(round);
        List<(string Node, NodeStateUpdate? Now)>? changes = null;
        foreach (var (node, update) in round.States)
        {
            if (_held.TryGetValue(node, out NodeStateUpdate? held))
            {
                held.Absorb(update);
                if (update.IsRoutine)
                {
                    (changes ??= []).Add((node, null));
                }
                else
                {
                    // The round writes this node's row now: with everything held, in order.
                    _held.Remove(node);
                    (changes ??= []).Add((node, held));
                }
            }
            else if (update.IsRoutine)
            {
                _held[node] = update;
                (changes ??= []).Add((node, null));
            }
        }

        foreach (var (node, now) in changes ?? [])
        {
            if (now == null)
            {
                round.States.Remove(node);
            }
            else
            {
                round.States[node] = now;
            }
        }
    }

    /// <summary>
    /// Holds again the node states of a batch whose commit failed (after <see cref="Hold"/> or
    /// <see cref="Drain"/>): the batch is older than anything held since, and counts it carries are
    /// kept to be written with the next snapshot.
    /// </summary>
    public void Restore(IngestBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var (node, update) in batch.States)
        {
            if (_held.TryGetValue(node, out NodeStateUpdate? newer))
            {
                update.Absorb(newer);
            }

            _held[node] = update;
        }
    }

    /// <summary>Takes every held update out, as one batch to commit.</summary>
    public IngestBatch Drain()
    {
        // Both tables are made at their final size: grown entry by entry, a 10,000-node backlog
        // reallocated its arrays a dozen times per snapshot, each time on the large-object heap.
        var batch = new IngestBatch();
        batch.States.EnsureCapacity(_held.Count);
        foreach (var (node, update) in _held)
        {
            batch.States[node] = update;
        }

        _held = new Dictionary<string, NodeStateUpdate>(_held.Count, StringComparer.Ordinal);
        return batch;
    }
}
