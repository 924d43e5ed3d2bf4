namespace Tocsin.Simulator.Deterministic;

/// <summary>One controller send kept off the wire until its round is retired.</summary>
internal sealed record HeldSend(HeldSendKind Kind, string Topic, byte[] Payload, string[]? Nodes);
