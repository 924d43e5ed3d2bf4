namespace Tocsin.Controller.Ingest;

/// <summary>The heartbeat's "ob": the node's outbox at a glance.</summary>
/// <param name="Queued">"q": messages held awaiting acknowledgement.</param>
/// <param name="Next">"next": the sequence number the next message gets.</param>
/// <param name="Dropped">"drop": messages evicted because the outbox was full.</param>
public sealed record OutboxStatus(long Queued, long Next, long Dropped);
