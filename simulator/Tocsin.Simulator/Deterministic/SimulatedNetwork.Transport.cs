using Tocsin.Controller.Mqtt;

namespace Tocsin.Simulator.Deterministic;

/// <summary>The controller's side: what <see cref="INodeTransport"/> asks of a broker.</summary>
public sealed partial class SimulatedNetwork
{
    /// <inheritdoc />
    /// <remarks>Like the embedded broker it models: each member's message goes into its own session.</remarks>
    public bool DeliversToEachMember => true;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        byte[] bytes = payload.ToArray();
        if (_subscribers.TryGetValue(topic, out List<SimulatedLink>? list))
        {
            foreach (SimulatedLink link in list)
            {
                Remember(link.NodeId, topic, bytes);
                ToNode(link.NodeId, link, topic, bytes);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task PublishToMembersAsync(string topic, ReadOnlyMemory<byte> payload, IReadOnlyList<string> nodeIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nodeIds);
        byte[] bytes = payload.ToArray();
        foreach (string node in nodeIds)
        {
            Remember(node, topic, bytes);
            ToNode(node, _sessions.GetValueOrDefault(node), topic, bytes);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task SendToNodeAsync(string nodeId, string topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        byte[] bytes = payload.ToArray();
        if (topic.EndsWith("/cmd", StringComparison.Ordinal))
        {
            Remember(nodeId, topic, bytes);
        }

        ToNode(nodeId, _sessions.GetValueOrDefault(nodeId), topic, bytes);
        return Task.CompletedTask;
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
