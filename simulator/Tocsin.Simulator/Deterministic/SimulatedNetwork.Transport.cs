using Tocsin.Controller.Mqtt;

namespace Tocsin.Simulator.Deterministic;

/// <summary>The controller's side: what <see cref="INodeTransport"/> asks of a broker.</summary>
public sealed partial class SimulatedNetwork
{
    private HeldControllerSends? _held;
    private List<InboundMessage>? _controllerInbox;
    private int _inboxParsedUpTo;

    /// <summary>
    /// From now on keeps what the controller sends in <paramref name="into"/> instead of putting it on
    /// the wire, until <see cref="StopHoldingControllerSends"/>: a controller round can then run beside
    /// the nodes' steps (called on the round's thread; nothing else may make the controller send
    /// meanwhile) and its traffic still leaves when the run retires the round
    /// (<see cref="ReleaseControllerSends"/>), in the order it was sent.
    /// </summary>
    public void HoldControllerSends(HeldControllerSends into)
    {
        ArgumentNullException.ThrowIfNull(into);
        _held = into;
    }

    /// <summary>Controller sends go straight on the wire again.</summary>
    public void StopHoldingControllerSends() => _held = null;

    /// <summary>Puts what a round sent while held on the wire, in the order it was sent (simulation thread).</summary>
    public void ReleaseControllerSends(HeldControllerSends held)
    {
        ArgumentNullException.ThrowIfNull(held);
        foreach (HeldSend send in held.Items)
        {
            switch (send.Kind)
            {
                case HeldSendKind.Topic:
                    PublishNow(send.Topic, send.Payload);
                    break;
                case HeldSendKind.Members:
                    PublishToMembersNow(send.Topic, send.Payload, send.Nodes!);
                    break;
                default:
                    SendToNodeNow(send.Nodes![0], send.Topic, send.Payload);
                    break;
            }
        }

        held.Items.Clear();
    }

    /// <summary>
    /// From now on what reaches the controller waits in an inbox (<see cref="TakeControllerInbox"/>)
    /// instead of going into its queue at once, so a round on another thread takes exactly what was
    /// delivered before its slot, however far the network has gone on since.
    /// </summary>
    public void KeepControllerInbox() => _controllerInbox ??= [];

    /// <summary>Messages delivered to the controller since the last take, in delivery order (simulation thread).</summary>
    public int ControllerInboxCount => _controllerInbox?.Count ?? 0;

    /// <summary>Takes what waits in the controller's inbox (simulation thread).</summary>
    public List<InboundMessage> TakeControllerInbox()
    {
        List<InboundMessage> taken = _controllerInbox ?? [];
        _controllerInbox = _controllerInbox == null ? null : [];
        _inboxParsedUpTo = 0;
        return taken;
    }

    /// <summary>
    /// Parses what waits in the controller's inbox, oldest first, for as long as <paramref name="keepGoing"/>
    /// says (simulation thread). The simulation thread does this while it waits for a round still running:
    /// the next round then finds those messages parsed, as the controller's broker leaves them (see
    /// <see cref="InboundMessage.ParseOnArrival"/>), and has that much less to do. The parse is the one the
    /// round would make, so nothing in the run changes.
    /// </summary>
    public void ParseControllerInbox(Func<bool> keepGoing)
    {
        ArgumentNullException.ThrowIfNull(keepGoing);
        if (_controllerInbox is not { } inbox)
        {
            return;
        }

        for (; _inboxParsedUpTo < inbox.Count && keepGoing(); _inboxParsedUpTo++)
        {
            InboundMessage message = inbox[_inboxParsedUpTo];
            if (message.Parsed == null && InboundMessage.ParseOnArrival(message.Topic, message.Payload) is { } parsed)
            {
                inbox[_inboxParsedUpTo] = message with { Parsed = parsed };
            }
        }
    }

    /// <summary>Hands taken messages to the controller, in order (on the thread that runs its round).</summary>
    public void DeliverToController(List<InboundMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        Action<InboundMessage>? receiver = MessageReceived;
        foreach (InboundMessage message in messages)
        {
            receiver?.Invoke(message);
        }
    }

    /// <inheritdoc />
    /// <remarks>Like the embedded broker it models: each member's message goes into its own session.</remarks>
    public bool DeliversToEachMember => true;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        if (_held is { } held)
        {
            held.Items.Add(new HeldSend(HeldSendKind.Topic, topic, payload.ToArray(), null));
        }
        else
        {
            PublishNow(topic, payload.ToArray());
        }

        return Task.CompletedTask;
    }

    private void PublishNow(string topic, byte[] bytes)
    {
        if (_subscribers.TryGetValue(topic, out List<SimulatedLink>? list))
        {
            foreach (SimulatedLink link in list)
            {
                Remember(link.NodeId, topic, bytes);
                ToNode(link.NodeId, link, topic, bytes);
            }
        }
    }

    /// <inheritdoc />
    public Task PublishToMembersAsync(string topic, ReadOnlyMemory<byte> payload, IReadOnlyList<string> nodeIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nodeIds);
        if (_held is { } held)
        {
            held.Items.Add(new HeldSend(HeldSendKind.Members, topic, payload.ToArray(), [.. nodeIds]));
        }
        else
        {
            PublishToMembersNow(topic, payload.ToArray(), nodeIds);
        }

        return Task.CompletedTask;
    }

    private void PublishToMembersNow(string topic, byte[] bytes, IReadOnlyList<string> nodeIds)
    {
        foreach (string node in nodeIds)
        {
            Remember(node, topic, bytes);
            ToNode(node, _sessions.GetValueOrDefault(node), topic, bytes);
        }
    }

    /// <inheritdoc />
    public Task SendToNodeAsync(string nodeId, string topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        if (_held is { } held)
        {
            held.Items.Add(new HeldSend(HeldSendKind.Node, topic, payload.ToArray(), [nodeId]));
        }
        else
        {
            SendToNodeNow(nodeId, topic, payload.ToArray());
        }

        return Task.CompletedTask;
    }

    private void SendToNodeNow(string nodeId, string topic, byte[] bytes)
    {
        if (topic.EndsWith("/cmd", StringComparison.Ordinal))
        {
            Remember(nodeId, topic, bytes);
        }

        ToNode(nodeId, _sessions.GetValueOrDefault(nodeId), topic, bytes);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private void ToNode(string nodeId, SimulatedLink? link, string topic, byte[] payload)
    {
        Tally.ToNodes++;
        if (link == null || !Conditions.BrokerUp)
        {
            Tally.Undeliverable++;
            return;
        }

        if (Lose())
        {
            return;
        }

        Enqueue(InOrder(link, up: false), new NetworkEvent(NetworkEventKind.ToNode, nodeId, link, 0, topic, payload, false));
    }
}
