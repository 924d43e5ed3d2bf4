using Tocsin.Controller.Mqtt;

namespace Tocsin.Controller.Hosting;

/// <summary>Starts the MQTT transport with the web host and stops it with it.</summary>
public sealed class TransportService : IHostedService
{
    private readonly INodeTransport _transport;

    /// <summary>Creates the service.</summary>
    public TransportService(INodeTransport transport)
    {
        _transport = transport;
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => _transport.StartAsync(cancellationToken);

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken) => await _transport.DisposeAsync().ConfigureAwait(false);
}
