namespace Tocsin.Controller.Storage;

/// <summary>
/// Routine node-state updates held back for up to one snapshot interval. At 10,000 nodes a heartbeat
/// or report arrives every few milliseconds and each rewrote its node's state row, a page of its own,
/// in that round's transaction: most of the controller's write cost. Held here, a node's updates
/// merge into one row write per interval; what the row holds (last seen, latest heartbeat and report)
/// is restated by the node's next message, so a killed controller loses nothing that matters.
/// Updates that do matter (status changes, lost or duplicate counts) go out with their own round,
/// carrying anything held for the same node so rows never go back in time. Held updates go out a
/// few at a time, each round taking those held for a whole interval (<see cref="TakeDue"/>), so the
/// writes are spread evenly instead of all landing in one round every interval. Not thread-safe.
/// </summary>
public sealed class NodeStateBacklog
{
    // Restored updates (their commit failed) are due at once.
    private const long DueAtOnce = long.MinValue;

    // Nodes in the order they were first held (held-since times never decrease: the engine's
    // monotonic clock), and restored nodes, due at once.
    private readonly Queue<(string Node, long HeldSinceMs)> _order = new();
    private readonly Queue<(string Node, long HeldSinceMs)> _restored = new();
    private Dictionary<string, Held> _held = new(StringComparer.Ordinal);

    /// <summary>Nodes with held updates.</summary>
    public int Count => _held.Count;

    /// <summary>
    /// Moves the round's routine updates into the backlog (held from <paramref name="nowMs"/> when the
    /// node had nothing held), and folds held updates into the round's other ones (older first).
    /// </summary>
    public void Hold(IngestBatch round, long nowMs)
    {
        ArgumentNullException.ThrowIfNull(round);
        List<(string Node, NodeStateUpdate? Now)>? changes = null;
        foreach (var (node, update) in round.States)
        {
            if (_held.TryGetValue(node, out Held held))
            {
                held.Update.Absorb(update);
                if (update.IsRoutine)
                {
                    (changes ??= []).Add((node, null));
                }
                else
                {
                    // The round writes this node's row now: with everything held, in order. Its entry
                    // in the release order is left behind and skipped when it comes up.
                    _held.Remove(node);
                    (changes ??= []).Add((node, held.Update));
                }
            }
            else if (update.IsRoutine)
            {
                HoldNew(node, update, nowMs);
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
    /// Moves into <paramref name="round"/> every update held since <paramref name="heldSinceAtMostMs"/>
    /// or earlier (and any whose commit failed), oldest first; returns how many. Call after
    /// <see cref="Hold"/> for the same round, which leaves no node both held and in the round.
    /// </summary>
    public int TakeDue(IngestBatch round, long heldSinceAtMostMs)
    {
        ArgumentNullException.ThrowIfNull(round);
        int taken = 0;
        while (_restored.TryDequeue(out var restored))
        {
            taken += Take(round, restored) ? 1 : 0;
        }

        while (_order.TryPeek(out var next) && next.HeldSinceMs <= heldSinceAtMostMs)
        {
            _order.Dequeue();
            taken += Take(round, next) ? 1 : 0;
        }

        return taken;
    }

    /// <summary>
    /// Holds again the node states of a batch whose commit failed (after <see cref="Hold"/>,
    /// <see cref="TakeDue"/> or <see cref="Drain"/>): the batch is older than anything held since,
    /// counts it carries are kept, and all of it is due at the next <see cref="TakeDue"/>.
    /// </summary>
    public void Restore(IngestBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var (node, update) in batch.States)
        {
            if (_held.TryGetValue(node, out Held newer))
            {
                update.Absorb(newer.Update);
            }

            HoldNew(node, update, DueAtOnce);
        }
    }

    /// <summary>Takes every held update out, as one batch to commit (a clean stop writes them all).</summary>
    public IngestBatch Drain()
    {
        // Both tables are made at their final size: grown entry by entry, a 10,000-node backlog
        // reallocated its arrays a dozen times, each time on the large-object heap.
        var batch = new IngestBatch();
        batch.States.EnsureCapacity(_held.Count);
        foreach (var (node, held) in _held)
        {
            batch.States[node] = held.Update;
        }

        _held = new Dictionary<string, Held>(_held.Count, StringComparer.Ordinal);
        _order.Clear();
        _restored.Clear();
        return batch;
    }

    private void HoldNew(string node, NodeStateUpdate update, long sinceMs)
    {
        _held[node] = new Held(update, sinceMs);
        (sinceMs == DueAtOnce ? _restored : _order).Enqueue((node, sinceMs));
    }

    // Takes the node of a release-order entry when it is still held under that entry.
    private bool Take(IngestBatch round, (string Node, long HeldSinceMs) entry)
    {
        // An entry whose node was written since (with a round, or drained) and perhaps held again
        // later has a newer entry of its own; this one is stale.
        if (_held.TryGetValue(entry.Node, out Held held) && held.SinceMs == entry.HeldSinceMs)
        {
            _held.Remove(entry.Node);
            round.States[entry.Node] = held.Update;
            return true;
        }

        return false;
    }

    private readonly record struct Held(NodeStateUpdate Update, long SinceMs);
}
