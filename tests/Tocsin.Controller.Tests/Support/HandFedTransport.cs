using Tocsin.Controller.Mqtt;

namespace Tocsin.Controller.Tests.Support;

/// <summary>Hands the engine node messages as a broker would, and swallows what it sends back.</summary>
public sealed class HandFedTransport : INodeTransport
{
    public event Action<InboundMessage>? MessageReceived;

    public event Action<string, bool>? NodeDisconnected
    {
        add { }
        remove { }
    }

    public void Deliver(InboundMessage message) => MessageReceived?.Invoke(message);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task PublishToMembersAsync(string topic, ReadOnlyMemory<byte> payload, IReadOnlyList<string> nodeIds, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SendToNodeAsync(string nodeId, string topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
