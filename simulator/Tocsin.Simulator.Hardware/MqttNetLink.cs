using System.Buffers;
using System.Collections.Concurrent;
using MQTTnet;
using MQTTnet.Protocol;
using Tocsin.Firmware.Hardware;

namespace Tocsin.Simulator.Hardware;

/// <summary>
/// A real MQTT connection for a virtual node (MQTTnet client over TCP), behind the same
/// <see cref="IMqttLink"/> the board's M2Mqtt adapter implements. Connecting and publishing run
/// asynchronously so one thread can tick thousands of nodes; their outcome shows in
/// <see cref="State"/> and <see cref="LastError"/>, as on the board.
/// </summary>
public sealed class MqttNetLink : IMqttLink, ISeverableLink, IAsyncDisposable
{
    /// <summary>Publishes waiting for their acknowledgement beyond which Publish refuses (back-pressure).</summary>
    public const int MaxPendingPublishes = 64;
    private int _received;
    private int _published;

    private readonly IMqttClient _client;
    private readonly ConcurrentQueue<MqttInboundMessage> _inbound = new();
    private int _pending;
    private volatile MqttLinkState _state = MqttLinkState.Disconnected;
    private volatile string? _lastError;

    /// <summary>Creates a link; <paramref name="factory"/> may be shared by many links.</summary>
    public MqttNetLink(MqttClientFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _client = factory.CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += OnMessage;
        _client.DisconnectedAsync += e =>
        {
            if (_state == MqttLinkState.Connected)
            {
                _lastError = e.Reason.ToString();
                _state = MqttLinkState.Disconnected;
            }

            return Task.CompletedTask;
        };
    }

    /// <inheritdoc />
    public MqttLinkState State => _state;

    /// <inheritdoc />
    public string LastError => _lastError!;

    /// <summary>Messages received since creation.</summary>
    public int ReceivedCount => Volatile.Read(ref _received);

    /// <summary>Messages handed to the broker since creation (accepted by <see cref="Publish"/>).</summary>
    public int PublishedCount => Volatile.Read(ref _published);

    /// <inheritdoc />
    public void BeginConnect(MqttConnectRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        _state = MqttLinkState.Connecting;
        MqttClientOptions options = new MqttClientOptionsBuilder()
            .WithTcpServer(request.Host, request.Port)
            .WithClientId(request.ClientId)
            .WithCredentials(request.UserName, request.Password)
            .WithCleanSession(request.CleanSession)
            .WithSessionExpiryInterval(request.CleanSession ? 0u : 86_400u)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(request.KeepAliveS))
            .WithWillTopic(request.WillTopic)
            .WithWillPayload(request.WillPayload)
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTimeout(TimeSpan.FromSeconds(15))
            .Build();
        _ = ConnectAsync(options);
    }

    /// <inheritdoc />
    public bool Subscribe(string topic, int qos)
    {
        if (_state != MqttLinkState.Connected)
        {
            return false;
        }

        _ = Run(() => _client.SubscribeAsync(topic, (MqttQualityOfServiceLevel)qos));
        return true;
    }

    /// <inheritdoc />
    public bool Publish(string topic, byte[] payload, int length, int qos, bool retain)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (_state != MqttLinkState.Connected || Volatile.Read(ref _pending) >= MaxPendingPublishes)
        {
            return false;
        }

        // The firmware reuses its buffers, so the payload is copied before the call returns.
        MqttApplicationMessage message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload.AsSpan(0, length).ToArray())
            .WithQualityOfServiceLevel((MqttQualityOfServiceLevel)qos)
            .WithRetainFlag(retain)
            .Build();
        Interlocked.Increment(ref _pending);
        Interlocked.Increment(ref _published);
        _ = PublishAsync(message);
        return true;
    }

    /// <inheritdoc />
    public MqttInboundMessage TryReceive() => _inbound.TryDequeue(out MqttInboundMessage? m) ? m : null!;

    /// <inheritdoc />
    public void Disconnect()
    {
        _state = MqttLinkState.Disconnected;
        _ = Run(() => _client.DisconnectAsync());
    }

    /// <summary>Drops the TCP connection without a DISCONNECT, so the broker sends the last will (power loss).</summary>
    public void Sever()
    {
        _state = MqttLinkState.Disconnected;
        _lastError = "severed";
        _client.Dispose();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync().ConfigureAwait(false);
        }

        _client.Dispose();
    }

    private async Task ConnectAsync(MqttClientOptions options)
    {
        try
        {
            MqttClientConnectResult result = await _client.ConnectAsync(options).ConfigureAwait(false);
            if (result.ResultCode == MqttClientConnectResultCode.Success)
            {
                _lastError = null;
                _state = MqttLinkState.Connected;
            }
            else
            {
                _lastError = "refused: " + result.ResultCode;
                _state = MqttLinkState.Failed;
            }
        }
        catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            _lastError = ex.Message;
            _state = MqttLinkState.Failed;
        }
    }

    private async Task PublishAsync(MqttApplicationMessage message)
    {
        try
        {
            await _client.PublishAsync(message).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or InvalidOperationException)
        {
            _lastError = ex.Message;
        }
        finally
        {
            Interlocked.Decrement(ref _pending);
        }
    }

    private async Task Run(Func<Task> action)
    {
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or InvalidOperationException)
        {
            _lastError = ex.Message;
        }
    }

    private Task OnMessage(MqttApplicationMessageReceivedEventArgs e)
    {
        Interlocked.Increment(ref _received);
        MqttApplicationMessage m = e.ApplicationMessage;
        _inbound.Enqueue(new MqttInboundMessage(m.Topic, m.Payload.ToArray(), (int)m.QualityOfServiceLevel, m.Retain, m.Dup));
        return Task.CompletedTask;
    }
}
