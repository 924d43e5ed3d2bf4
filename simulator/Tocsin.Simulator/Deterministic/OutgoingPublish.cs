using Tocsin.Controller.Ingest;
using Tocsin.Controller.Mqtt;
using Tocsin.Simulator.Reports;

namespace Tocsin.Simulator.Deterministic;

/// <summary>A publish a node's firmware made, waiting for the network.</summary>
/// <param name="Topic">Topic.</param>
/// <param name="Payload">Payload bytes (a copy).</param>
/// <param name="Retain">Retain flag.</param>
public sealed record OutgoingPublish(string Topic, byte[] Payload, bool Retain)
{
    /// <summary>
    /// The payload as the controller's ingest parses it, parsed during the node's step (on whichever core
    /// stepped it) instead of in the controller's round, the longer of the two; see <see cref="InboundMessage.Parsed"/>.
    /// </summary>
    public MessageParseResult? Parsed { get; init; }

    /// <summary>For an outbox message (report, event, result), the facts the run report keeps, read during the step too.</summary>
    internal OutboxFacts? Facts { get; init; }
}
