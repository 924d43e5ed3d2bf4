namespace Tocsin.Controller.FanOut;

/// <summary>A command's delivery to one node: sends, the latest state, and every result with its time.</summary>
/// <param name="CommandId">The command.</param>
/// <param name="NodeId">The node.</param>
/// <param name="CommunityId">The node's community (the envelope it was in).</param>
/// <param name="State">Latest state (Pending until the first result).</param>
/// <param name="Reason">Latest reason, if any.</param>
/// <param name="FirstSentAt">When it was first sent.</param>
/// <param name="LastSentAt">When it was last sent (first send or a resend).</param>
/// <param name="SendCount">Sends so far.</param>
/// <param name="History">Every result, in the node's order.</param>
public sealed record NodeDelivery(
    string CommandId,
    string NodeId,
    string CommunityId,
    DeliveryState State,
    string? Reason,
    DateTimeOffset FirstSentAt,
    DateTimeOffset LastSentAt,
    int SendCount,
    IReadOnlyList<DeliveryEvent> History)
{
    /// <summary>True when the node played it (playing or succeeded) no later than <paramref name="deadline"/>, and its supervision did not then find it silent.</summary>
    public bool ReachedBy(DateTimeOffset deadline)
    {
        bool reached = false;
        foreach (DeliveryEvent e in History)
        {
            if (e.ReceivedAt > deadline)
            {
                continue;
            }

            if (DeliveryStates.Reaches(e.State))
            {
                reached = true;
            }
            else if (DeliveryStates.ProvesSilence(e.State, e.Reason))
            {
                // "playing" followed by a dead amplifier or relay: residents heard nothing.
                reached = false;
            }
        }

        return reached;
    }

    /// <summary>True when any result arrived no later than <paramref name="deadline"/>.</summary>
    public bool HeardBy(DateTimeOffset deadline) => History.Any(e => e.ReceivedAt <= deadline);

    /// <summary>The latest result received no later than <paramref name="deadline"/>, or null.</summary>
    public DeliveryEvent? LatestBy(DateTimeOffset deadline) => History.LastOrDefault(e => e.ReceivedAt <= deadline);
}
