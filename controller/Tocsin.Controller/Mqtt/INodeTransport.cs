namespace Tocsin.Controller.Mqtt;

/// <summary>
/// The controller's side of MQTT, the same for the embedded broker and an external one: node
/// traffic comes in through <see cref="MessageReceived"/>, commands and acknowledgements go out.
/// </summary>
public interface INodeTransport : IAsyncDisposable
{
    /// <summary>Raised for every node message (on a transport thread; handlers must be quick).</summary>
    event Action<InboundMessage>? MessageReceived;

    /// <summary>Raised when a node's connection closes (clean or not), for health tracking.</summary>
    event Action<string, bool>? NodeDisconnected;

    /// <summary>Starts listening or connecting.</summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Publishes to a shared topic (a community's command topic): one publish reaches every member.</summary>
    Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);

    /// <summary>
    /// Delivers one shared message (a community envelope) to the listed nodes by the cheapest path:
    /// the embedded broker enqueues it in each member's session without walking every session per
    /// publish; an external broker gets one publish on the shared topic.
    /// </summary>
    Task PublishToMembersAsync(string topic, ReadOnlyMemory<byte> payload, IReadOnlyList<string> nodeIds, CancellationToken cancellationToken);

    /// <summary>Sends to one node's own topic (its cmd or ack), by the cheapest path the broker offers.</summary>
    Task SendToNodeAsync(string nodeId, string topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);

    /// <summary>
    /// True when <see cref="PublishToMembersAsync"/> puts the message into each listed node's own
    /// session rather than publishing it on the shared topic. Then every speaker can get an envelope
    /// carrying only its own MAC (a few hundred bytes instead of ~4 KB to send and parse); a broker
    /// that routes by topic needs the shared envelopes, or each member would receive all of them.
    /// </summary>
    bool DeliversToEachMember => false;
}
