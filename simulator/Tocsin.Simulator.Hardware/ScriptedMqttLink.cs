using Tocsin.Firmware.Hardware;

namespace Tocsin.Simulator.Hardware;

/// <summary>
/// An MQTT link whose broker is the test: connection attempts succeed, fail or hang as told,
/// publishes are recorded, and messages are delivered on demand. Used to drive the firmware core
/// through every connection path on virtual time.
/// </summary>
public sealed class ScriptedMqttLink : IMqttLink
{
    private readonly Queue<MqttInboundMessage> _inbound = new();
    private readonly List<PublishedMessage> _published = new();
    private readonly List<string> _subscriptions = new();
    private readonly List<MqttConnectRequest> _connects = new();
    private readonly object _gate = new();

    /// <summary>What the next connection attempts do.</summary>
    public ConnectBehaviour NextConnect { get; set; } = ConnectBehaviour.Accept;

    /// <summary>When true, publishes are refused (a client whose queue is full).</summary>
    public bool FailPublishes { get; set; }

    /// <inheritdoc />
    public MqttLinkState State { get; private set; } = MqttLinkState.Disconnected;

    /// <inheritdoc />
    public string LastError { get; private set; } = null!;

    /// <summary>Every connection attempt, in order.</summary>
    public IReadOnlyList<MqttConnectRequest> Connects
    {
        get
        {
            lock (_gate)
            {
                return _connects.ToArray();
            }
        }
    }

    /// <summary>Every publish, in order.</summary>
    public IReadOnlyList<PublishedMessage> Published
    {
        get
        {
            lock (_gate)
            {
                return _published.ToArray();
            }
        }
    }

    /// <summary>Subscriptions made on the current connection.</summary>
    public IReadOnlyList<string> Subscriptions
    {
        get
        {
            lock (_gate)
            {
                return _subscriptions.ToArray();
            }
        }
    }

    /// <inheritdoc />
    public void BeginConnect(MqttConnectRequest request)
    {
        lock (_gate)
        {
            _connects.Add(request);
            _subscriptions.Clear();
            switch (NextConnect)
            {
                case ConnectBehaviour.Accept:
                    State = MqttLinkState.Connected;
                    LastError = null!;
                    break;
                case ConnectBehaviour.Refuse:
                    State = MqttLinkState.Failed;
                    LastError = "connection refused";
                    break;
                default:
                    State = MqttLinkState.Connecting;
                    break;
            }
        }
    }

    /// <summary>Finishes a hanging attempt.</summary>
    public void CompletePendingConnect(bool accept)
    {
        lock (_gate)
        {
            if (State == MqttLinkState.Connecting)
            {
                State = accept ? MqttLinkState.Connected : MqttLinkState.Failed;
                LastError = accept ? null! : "connect timed out";
            }
        }
    }

    /// <inheritdoc />
    public bool Subscribe(string topic, int qos)
    {
        lock (_gate)
        {
            if (State != MqttLinkState.Connected)
            {
                return false;
            }

            _subscriptions.Add(topic);
            return true;
        }
    }

    /// <inheritdoc />
    public bool Publish(string topic, byte[] payload, int length, int qos, bool retain)
    {
        lock (_gate)
        {
            if (State != MqttLinkState.Connected || FailPublishes)
            {
                return false;
            }

            _published.Add(new PublishedMessage(topic, payload.AsSpan(0, length).ToArray(), qos, retain));
            return true;
        }
    }

    /// <inheritdoc />
    public MqttInboundMessage TryReceive()
    {
        lock (_gate)
        {
            return _inbound.TryDequeue(out MqttInboundMessage? m) ? m : null!;
        }
    }

    /// <inheritdoc />
    public void Disconnect()
    {
        lock (_gate)
        {
            State = MqttLinkState.Disconnected;
            _subscriptions.Clear();
        }
    }

    /// <summary>Delivers a message to the node (as the broker would).</summary>
    public void Deliver(string topic, byte[] payload, bool retain = false, bool duplicate = false, int qos = 1)
    {
        lock (_gate)
        {
            _inbound.Enqueue(new MqttInboundMessage(topic, payload, qos, retain, duplicate));
        }
    }

    /// <summary>The network drops the connection.</summary>
    public void DropConnection(string reason = "connection reset")
    {
        lock (_gate)
        {
            State = MqttLinkState.Disconnected;
            LastError = reason;
            _subscriptions.Clear();
        }
    }

    /// <summary>Forgets recorded publishes.</summary>
    public void ClearPublished()
    {
        lock (_gate)
        {
            _published.Clear();
        }
    }
}
