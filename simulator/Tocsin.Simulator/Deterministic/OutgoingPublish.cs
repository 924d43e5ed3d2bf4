using Tocsin.Simulator.Reports;

namespace Tocsin.Simulator.Deterministic;

/// <summary>A publish a node's firmware made, waiting for the network.</summary>
/// <param name="Topic">Topic.</param>
/// <param name="Payload">Payload bytes (a copy).</param>
/// <param name="Retain">Retain flag.</param>
public sealed record OutgoingPublish(string Topic, byte[] Payload, bool Retain)
{
    /// <summary>For an outbox message (report, event, result), the facts the run report keeps, read during the step.</summary>
    internal OutboxFacts? Facts { get; init; }
}
