namespace Tocsin.Controller.FanOut;

/// <summary>Text forms and classes of <see cref="DeliveryState"/>.</summary>
public static class DeliveryStates
{
    /// <summary>Parses a result's "state" word; false for words the contract does not define.</summary>
    public static bool TryParse(string? text, out DeliveryState state)
    {
        state = text switch
        {
            "received" => DeliveryState.Received,
            "waiting" => DeliveryState.Waiting,
            "playing" => DeliveryState.Playing,
            "succeeded" => DeliveryState.Succeeded,
            "failed" => DeliveryState.Failed,
            "cancelled" => DeliveryState.Cancelled,
            "expired" => DeliveryState.Expired,
            "preempted" => DeliveryState.Preempted,
            "rejected" => DeliveryState.Rejected,
            "done" => DeliveryState.Done,
            _ => DeliveryState.Pending,
        };
        return state != DeliveryState.Pending;
    }

    /// <summary>The lowercase word.</summary>
    public static string ToText(DeliveryState state) => state switch
    {
        DeliveryState.Received => "received",
        DeliveryState.Waiting => "waiting",
        DeliveryState.Playing => "playing",
        DeliveryState.Succeeded => "succeeded",
        DeliveryState.Failed => "failed",
        DeliveryState.Cancelled => "cancelled",
        DeliveryState.Expired => "expired",
        DeliveryState.Preempted => "preempted",
        DeliveryState.Rejected => "rejected",
        DeliveryState.Done => "done",
        _ => "pending",
    };

    /// <summary>True for states after which nothing more happens on the node.</summary>
    public static bool IsFinal(DeliveryState state) =>
        state is DeliveryState.Succeeded or DeliveryState.Failed or DeliveryState.Cancelled or DeliveryState.Expired
            or DeliveryState.Rejected or DeliveryState.Done;

    /// <summary>True for the states that count as reaching residents: playing or succeeded.</summary>
    public static bool Reaches(DeliveryState state) => state is DeliveryState.Playing or DeliveryState.Succeeded;

    /// <summary>
    /// True when a failure proves nothing was heard even if the node said "playing" first: its own
    /// supervision found the amplifier or the relays dead while it sounded.
    /// </summary>
    public static bool ProvesSilence(DeliveryState state, string? reason) =>
        state == DeliveryState.Failed && reason is "amplifier_fault" or "relay_fault";
}
