namespace Tocsin.Controller.FanOut;

/// <summary>One result a node reported for a command.</summary>
/// <param name="State">The state reported.</param>
/// <param name="Reason">Its reason, if any.</param>
/// <param name="ReceivedAt">When the controller received it.</param>
/// <param name="NodeUtcMs">The node's own time for it ("t"), when it had synchronized time.</param>
/// <param name="Epoch">The result's outbox epoch.</param>
/// <param name="Seq">The result's outbox sequence: orders results of one node.</param>
public sealed record DeliveryEvent(DeliveryState State, string? Reason, DateTimeOffset ReceivedAt, long? NodeUtcMs, long Epoch, long Seq);
