namespace Tocsin.Controller.Ingest;

/// <summary>The tracker's verdict on one outbox message.</summary>
/// <param name="Outcome">New, Duplicate or StaleEpoch.</param>
/// <param name="Epoch">The epoch now tracked.</param>
/// <param name="Upto">The cumulative acknowledgement: every number up to it is stored or recorded lost (0: nothing yet).</param>
/// <param name="NewlyLost">Ranges this message's floor (or the pending limit) turned into recorded gaps.</param>
/// <param name="EpochChanged">True when this message started a new epoch (the node's flash was wiped) and the tracker was reset.</param>
/// <param name="Recovered">True when a number earlier recorded as lost arrived after all (it is stored and no longer counted lost).</param>
public sealed record SequenceAcceptance(
    SequenceOutcome Outcome,
    long Epoch,
    long Upto,
    IReadOnlyList<SequenceRange> NewlyLost,
    bool EpochChanged,
    bool Recovered)
{
    /// <summary>
    /// True when the host should publish <c>{"ep":Epoch,"upto":Upto}</c> after storing: for new messages
    /// and for duplicates too (a duplicate means the node did not get the last acknowledgement).
    /// </summary>
    public bool ShouldAcknowledge => Outcome != SequenceOutcome.StaleEpoch && Upto > 0;
}
