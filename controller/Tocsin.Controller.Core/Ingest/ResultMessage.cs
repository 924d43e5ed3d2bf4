namespace Tocsin.Controller.Ingest;

/// <summary>A command result ("result" topic).</summary>
/// <param name="NodeId">The node.</param>
/// <param name="Header">Delivery fields.</param>
/// <param name="CommandId">"cmd": the command (for broadcasts, the broadcast) id.</param>
/// <param name="CommandSeq">"cseq": the command's sequence number.</param>
/// <param name="Kind">"kind": broadcast, allclear, cancel, ping, config, ...</param>
/// <param name="State">"state": received, done, rejected, failed, waiting, playing, succeeded, cancelled, expired, preempted.</param>
/// <param name="Reason">"reason", if given.</param>
public sealed record ResultMessage(
    string NodeId,
    OutboxHeader Header,
    string CommandId,
    long CommandSeq,
    string Kind,
    string State,
    string? Reason) : OutboxMessage(NodeId, Header);
