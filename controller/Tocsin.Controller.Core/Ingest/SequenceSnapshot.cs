namespace Tocsin.Controller.Ingest;

/// <summary>
/// A <see cref="SequenceTracker"/>'s whole state as plain data, for the host to persist (e.g. as JSON)
/// together with the messages it acknowledges, and to restore after a restart.
/// </summary>
/// <param name="Epoch">The tracked epoch, or null before the first message.</param>
/// <param name="Upto">Contiguous prefix: every number up to it is settled.</param>
/// <param name="Pending">Numbers above <paramref name="Upto"/> already received, ascending.</param>
/// <param name="Lost">Recorded gaps of this epoch, ascending (the most recent ones if there were very many).</param>
/// <param name="LostCount">Numbers recorded lost in this epoch.</param>
/// <param name="RetiredEpochs">Epochs the node has left, most recent last.</param>
public sealed record SequenceSnapshot(
    long? Epoch,
    long Upto,
    IReadOnlyList<long> Pending,
    IReadOnlyList<SequenceRange> Lost,
    long LostCount,
    IReadOnlyList<long> RetiredEpochs);
