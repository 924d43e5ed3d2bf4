namespace Tocsin.Controller.Ingest;

/// <summary>The fields every outbox message (report, event, result) carries for delivery tracking.</summary>
/// <param name="Epoch">"ep": the node's sequence space; changes only when its flash was wiped.</param>
/// <param name="Floor">"floor": the oldest sequence the node still holds (0 when absent).</param>
/// <param name="Seq">"seq": this message's number, from 1, one more per message.</param>
/// <param name="UtcMs">"t": measurement time when the node had synchronized time.</param>
/// <param name="UptimeMs">"up": node uptime.</param>
public sealed record OutboxHeader(long Epoch, long Floor, long Seq, long? UtcMs, long? UptimeMs);
