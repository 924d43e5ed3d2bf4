namespace Tocsin.Simulator.Reports;

/// <summary>
/// Outbox messages (reports, events, results) end to end: each (node, epoch, seq) seen leaving a
/// node, whether the controller stored it, and whether it stored one twice.
/// </summary>
/// <param name="Published">Distinct messages nodes sent.</param>
/// <param name="Sends">Sends including resends.</param>
/// <param name="Committed">Distinct messages stored by the controller.</param>
/// <param name="Lost">Sent, never stored by the end of the settling time, and no longer held by the node.</param>
/// <param name="QueuedOnNodes">
/// Sent, not stored yet, but still in the node's outbox at the end (in flight in the last moments, or
/// waiting for a link): the node would send it again, so it is not lost.
/// </param>
/// <param name="Doubled">Stored twice.</param>
/// <param name="NodesWithLoss">Nodes with at least one lost message (first 20).</param>
/// <param name="PlayedAgain">Speaker-command pairs that reported "playing" more than once (resumed after preemption or a reboot, or doubled).</param>
public sealed record DeliverySummary(long Published, long Sends, long Committed, long Lost, long QueuedOnNodes, long Doubled, IReadOnlyList<string> NodesWithLoss, IReadOnlyList<string> PlayedAgain);
