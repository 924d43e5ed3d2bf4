using Tocsin.Controller.Ingest;

namespace Tocsin.Controller.Mqtt;

/// <summary>One message a node published, as the transport hands it to ingest.</summary>
/// <param name="NodeId">The authenticated sender (embedded broker) or the id in the topic (external broker, whose ACL authenticated it).</param>
/// <param name="Topic">The full topic.</param>
/// <param name="Payload">The payload bytes.</param>
/// <param name="Retain">The retain flag.</param>
/// <param name="ReceivedUtc">When the controller received it.</param>
public sealed record InboundMessage(string NodeId, string Topic, ReadOnlyMemory<byte> Payload, bool Retain, DateTimeOffset ReceivedUtc)
{
    /// <summary>
    /// The payload already parsed on the transport's own thread, or null for ingest to parse it. Parsing
    /// is a third of ingest's work and needs no state, so doing it where the message arrives takes it off
    /// the engine loop, which every message, alert and timer shares.
    /// </summary>
    public MessageParseResult? Parsed { get; init; }

    /// <summary>
    /// What a transport sets <see cref="Parsed"/> to on its receiving thread: the parsed payload, except
    /// for command results, which are left to the engine. Those come in a burst while a warning is still
    /// being handed to thousands of speakers, and parsing them then competes for the cores with it (the
    /// 10,000-speaker fan-out's p99 went from about 1.0 s to 1.2 s); reports, the bulk of ingest, gain.
    /// </summary>
    public static MessageParseResult? ParseOnArrival(string topic, ReadOnlyMemory<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(topic);
        return topic.EndsWith("/" + Topics.ResultLeaf, StringComparison.Ordinal) ? null : NodeMessageParser.Parse(topic, payload);
    }
}
