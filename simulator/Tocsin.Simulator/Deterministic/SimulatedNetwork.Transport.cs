using Tocsin.Controller.Mqtt;

namespace Tocsin.Simulator.Deterministic;

/// <summary>The controller's side: what <see cref="INodeTransport"/> asks of a broker.</summary>
public sealed partial class SimulatedNetwork
{
    private List<HeldSend>? _held;

    /// <summary>
    /// From now on keeps what the controller sends instead of putting it on the wire, until
    /// <see cref="ReleaseControllerSends"/>: a controller round can then run beside the nodes' steps and
    /// its traffic still follows theirs, in the order a round after the steps would have given it.
    /// </summary>
    public void HoldControllerSends() => _held ??= [];

    /// <summary>Puts what the controller sent while held on the wire, in the order it was sent, and stops holding.</summary>
    public void ReleaseControllerSends()
    {
        List<HeldSend>? held = _held;
        _held = null;
        foreach (HeldSend send in held ?? [])
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
    }

    /// <inheritdoc />
    /// <remarks>Like the embedded broker it models: each member's message goes into its own session.</remarks>
    public bool DeliversToEachMember => true;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        if (_held != null)
        {
            _held.Add(new HeldSend(HeldSendKind.Topic, topic, payload.ToArray(), null));
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
        if (_held != null)
        {
            _held.Add(new HeldSend(HeldSendKind.Members, topic, payload.ToArray(), [.. nodeIds]));
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
        if (_held != null)
        {
            _held.Add(new HeldSend(HeldSendKind.Node, topic, payload.ToArray(), [nodeId]));
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

    private enum HeldSendKind
    {
        Topic,
        Members,
        Node,
    }

    private sealed record HeldSend(HeldSendKind Kind, string Topic, byte[] Payload, string[]? Nodes);
}
