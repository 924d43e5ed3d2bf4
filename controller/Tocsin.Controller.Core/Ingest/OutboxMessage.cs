namespace Tocsin.Controller.Ingest;

/// <summary>A message that came through the node's outbox and must be acknowledged once stored.</summary>
/// <param name="NodeId">The node.</param>
/// <param name="Header">Epoch, floor, sequence and times.</param>
public abstract record OutboxMessage(string NodeId, OutboxHeader Header) : NodeMessage(NodeId);
