using System.Buffers;
using MQTTnet;
using MQTTnet.Protocol;

namespace Tocsin.Controller.Mqtt;

/// <summary>
/// The controller as a client of an external broker (Mosquitto, a clustered broker). The broker's
/// own password file and ACL (<see cref="MosquittoConfigWriter"/>) authenticate the nodes; the
/// controller reads every node topic and publishes commands and acknowledgements. It reconnects by
/// itself with capped exponential backoff.
/// </summary>
public sealed partial class ExternalBrokerTransport : INodeTransport
{
    private readonly string _host;
    private readonly int _port;
    private readonly string _user;
    private readonly string? _password;
    private readonly ILogger<ExternalBrokerTransport> _log;
    private readonly TimeProvider _time;
    private readonly IMqttClient _client;
    private readonly CancellationTokenSource _stop = new();
    private Task? _supervisor;
    private int _disposed;

    /// <summary>Creates the transport.</summary>
    public ExternalBrokerTransport(string host, int port, string user, string? password, ILogger<ExternalBrokerTransport> log, TimeProvider time)
    {
        _host = host;
        _port = port;
        _user = user;
        _password = password;
        _log = log;
        _time = time;
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += OnMessage;
    }

    /// <inheritdoc />
    public event Action<InboundMessage>? MessageReceived;

    /// <inheritdoc />
    public event Action<string, bool>? NodeDisconnected
    {
        add { }
        remove { }
    }

    /// <summary>True while connected to the broker.</summary>
    public bool IsConnected => _client.IsConnected;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await ConnectAsync(cancellationToken).ConfigureAwait(false);
        _supervisor = SuperviseAsync(_stop.Token);
    }

    /// <inheritdoc />
    public Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) =>
        _client.PublishAsync(Build(topic, payload), cancellationToken);

    /// <inheritdoc />
    public Task PublishToMembersAsync(string topic, ReadOnlyMemory<byte> payload, IReadOnlyList<string> nodeIds, CancellationToken cancellationToken) =>
        _client.PublishAsync(Build(topic, payload), cancellationToken);

    /// <inheritdoc />
    public Task SendToNodeAsync(string nodeId, string topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) =>
        _client.PublishAsync(Build(topic, payload), cancellationToken);


    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // Stopped by the host's transport service and disposed again by the container: once is enough.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        if (_supervisor != null)
        {
            try
            {
                await _supervisor.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopping.
            }
        }

        if (_client.IsConnected)
        {
            await _client.DisconnectAsync().ConfigureAwait(false);
        }

        _client.Dispose();
        _stop.Dispose();
    }

    private static MqttApplicationMessage Build(string topic, ReadOnlyMemory<byte> payload) =>
        new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload.ToArray())
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        MqttClientOptions options = new MqttClientOptionsBuilder()
            .WithTcpServer(_host, _port)
            .WithClientId(_user)
            .WithCredentials(_user, _password)
            .WithCleanSession(false)
            .WithSessionExpiryInterval(3600)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(30))
            .Build();
        await _client.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
        await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter("tocsin/v1/node/+/+", MqttQualityOfServiceLevel.AtLeastOnce)
            .Build(), cancellationToken).ConfigureAwait(false);
        LogConnected(_host, _port);
    }

    private async Task SuperviseAsync(CancellationToken stop)
    {
        int attempt = 0;
        while (!stop.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), _time, stop).ConfigureAwait(false);
            if (_client.IsConnected)
            {
                attempt = 0;
                continue;
            }

            try
            {
                await ConnectAsync(stop).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException or TimeoutException)
            {
                attempt++;
                TimeSpan delay = TimeSpan.FromMilliseconds(Math.Min(30_000, 500 * Math.Pow(2, Math.Min(attempt, 10))));
                LogReconnectFailed(ex.Message, delay.TotalSeconds);
                await Task.Delay(delay, _time, stop).ConfigureAwait(false);
            }
        }
    }

    private Task OnMessage(MqttApplicationMessageReceivedEventArgs e)
    {
        string topic = e.ApplicationMessage.Topic;
        string[] parts = topic.Split('/');
        if (parts.Length == 5 && parts[0] == "tocsin" && parts[1] == "v1" && parts[2] == "node")
        {
            byte[] payload = e.ApplicationMessage.Payload.ToArray();
            MessageReceived?.Invoke(new InboundMessage(parts[3], topic, payload, e.ApplicationMessage.Retain, _time.GetUtcNow())
            {
                Parsed = InboundMessage.ParseOnArrival(topic, payload),
            });
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "connected to external MQTT broker {Host}:{Port}")]
    private partial void LogConnected(string host, int port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "external broker reconnect failed ({Error}); retrying in {Seconds} s")]
    private partial void LogReconnectFailed(string error, double seconds);
}
