using Tocsin.Controller.Mqtt;

namespace Tocsin.Controller.Benchmarks;

/// <summary>
/// A transport with no network: the benchmark hands node messages straight to the engine and the
/// engine's sends are only counted, so a run measures the engine's own cost per message.
/// </summary>
internal sealed class CountingTransport : INodeTransport
{
    private long _sent;

    public event Action<InboundMessage>? MessageReceived;

    public event Action<string, bool>? NodeDisconnected
    {
        add { }
        remove { }
    }

    /// <summary>Messages the engine sent (acknowledgements, commands).</summary>
    public long Sent => Interlocked.Read(ref _sent);

    public void Deliver(InboundMessage message) => MessageReceived?.Invoke(message);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) => Count();

    public Task PublishToMembersAsync(string topic, ReadOnlyMemory<byte> payload, IReadOnlyList<string> nodeIds, CancellationToken cancellationToken) => Count();

    public Task SendToNodeAsync(string nodeId, string topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) => Count();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private Task Count()
    {
        Interlocked.Increment(ref _sent);
        return Task.CompletedTask;
    }
}
