namespace Tocsin.Simulator.Deterministic;

/// <summary>Something the simulated network will do at a given moment.</summary>
/// <param name="Kind">What happens.</param>
/// <param name="NodeId">The node concerned.</param>
/// <param name="Link">The connection concerned (null for messages to the controller).</param>
/// <param name="Attempt">The connection attempt an answer belongs to.</param>
/// <param name="Topic">Message topic.</param>
/// <param name="Payload">Message payload.</param>
/// <param name="Retain">Retain flag.</param>
internal sealed record NetworkEvent(NetworkEventKind Kind, string NodeId, SimulatedLink? Link, int Attempt, string Topic, byte[] Payload, bool Retain);
