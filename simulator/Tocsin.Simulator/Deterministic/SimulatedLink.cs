using Tocsin.Controller.Mqtt;
using Tocsin.Firmware.Hardware;
using Tocsin.Simulator.Hardware;
using Tocsin.Simulator.Reports;

namespace Tocsin.Simulator.Deterministic;

/// <summary>
/// A node's MQTT link on the simulated network. Nodes may tick on several threads at once, so the
/// link touches nothing shared while the firmware runs: connects, subscriptions, publishes and
/// disconnects are queued here and taken by <see cref="SimulatedNetwork.Collect"/> on the
/// simulation thread, in node order, which keeps runs identical for one seed.
/// </summary>
public sealed class SimulatedLink : IMqttLink, ISeverableLink
{
    private readonly Queue<MqttInboundMessage> _inbound = new();
    private readonly List<OutgoingPublish> _outgoing = [];
    private readonly List<string> _newSubscriptions = [];
    private readonly HashSet<string> _subscriptions = new(StringComparer.Ordinal);

    /// <summary>Creates a link for <paramref name="nodeId"/>.</summary>
    public SimulatedLink(string nodeId)
    {
        NodeId = nodeId;
    }

    /// <summary>The node it belongs to.</summary>
    public string NodeId { get; }

    /// <inheritdoc />
    public MqttLinkState State { get; private set; } = MqttLinkState.Disconnected;

    /// <inheritdoc />
    public string LastError { get; private set; } = null!;

    /// <summary>Messages waiting for the firmware to take them.</summary>
    public int InboundCount => _inbound.Count;

    /// <summary>True while the link has queued work for the network.</summary>
    public bool HasOutgoingWork => PendingConnect != null || _outgoing.Count > 0 || _newSubscriptions.Count > 0 || PendingCleanDisconnect || PendingSever;

    /// <summary>A connect the network has not taken yet.</summary>
    internal MqttConnectRequest? PendingConnect { get; private set; }

    /// <summary>The request of the connection in progress or established (its last will).</summary>
    internal MqttConnectRequest? Request { get; private set; }

    /// <summary>A clean disconnect the network has not taken yet.</summary>
    internal bool PendingCleanDisconnect { get; private set; }

    /// <summary>A dropped connection (no DISCONNECT) the network has not taken yet.</summary>
    internal bool PendingSever { get; private set; }

    /// <summary>Bumped on every connection attempt, so late answers for an older attempt are ignored.</summary>
    internal int Attempt { get; private set; }

    /// <summary>
    /// Who the broker authenticated, while this link is its node's session; null otherwise. The network
    /// keeps it here, not in a table, because it looks it up for every message (network thread only).
    /// </summary>
    internal NodeIdentity? BrokerIdentity { get; set; }

    /// <summary>The connection attempt that made this link its node's session (network thread only).</summary>
    internal int SessionAttempt { get; set; }

    /// <summary>When the network last delivered this connection's packets to the broker and to the node (TCP order; network thread only).</summary>
    internal (long UpUtcMs, long DownUtcMs) LastDelivery { get; set; }

    /// <inheritdoc />
    public void BeginConnect(MqttConnectRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Attempt++;
        _subscriptions.Clear();
        _newSubscriptions.Clear();
        State = MqttLinkState.Connecting;
        PendingConnect = request;
        Request = request;
    }

    /// <inheritdoc />
    public bool Subscribe(string topic, int qos)
    {
        if (State != MqttLinkState.Connected)
        {
            return false;
        }

        if (_subscriptions.Add(topic))
        {
            _newSubscriptions.Add(topic);
        }

        return true;
    }

    /// <inheritdoc />
    public bool Publish(string topic, byte[] payload, int length, int qos, bool retain)
    {
        if (State != MqttLinkState.Connected)
        {
            return false;
        }

        byte[] copy = payload.AsSpan(0, length).ToArray();
        ReadOnlySpan<char> leaf = topic.AsSpan(topic.LastIndexOf('/') + 1);
        bool outbox = leaf.SequenceEqual(Topics.ReportLeaf) || leaf.SequenceEqual(Topics.EventLeaf) || leaf.SequenceEqual(Topics.ResultLeaf);

        // The controller parses the payload in its round, on its own thread; the run report only
        // needs a few top-level facts of outbox messages, read here without building anything.
        OutboxFacts? facts = outbox && OutboxFacts.TryRead(copy, out OutboxFacts f) ? f : null;
        _outgoing.Add(new OutgoingPublish(topic, copy, retain) { Facts = facts });
        return true;
    }

    /// <inheritdoc />
    public MqttInboundMessage TryReceive() => _inbound.TryDequeue(out MqttInboundMessage? m) ? m : null!;

    /// <inheritdoc />
    public void Disconnect()
    {
        if (State is MqttLinkState.Connected or MqttLinkState.Connecting)
        {
            PendingCleanDisconnect = true;
        }

        State = MqttLinkState.Disconnected;
        _outgoing.Clear();
    }

    /// <inheritdoc />
    public void Sever()
    {
        if (State is MqttLinkState.Connected or MqttLinkState.Connecting)
        {
            PendingSever = true;
        }

        State = MqttLinkState.Disconnected;
        LastError = "connection lost";
        _outgoing.Clear();
    }

    /// <summary>Takes what the firmware queued since the last call (simulation thread only).</summary>
    internal void TakeWork(List<OutgoingPublish> publishes, List<string> subscriptions)
    {
        PendingConnect = null;
        PendingCleanDisconnect = false;
        PendingSever = false;
        publishes.AddRange(_outgoing);
        _outgoing.Clear();
        subscriptions.AddRange(_newSubscriptions);
        _newSubscriptions.Clear();
    }

    /// <summary>The broker accepted the connection.</summary>
    internal void Connected()
    {
        State = MqttLinkState.Connected;
        LastError = null!;
    }

    /// <summary>The attempt failed or the connection dropped, for <paramref name="reason"/>.</summary>
    internal void Dropped(string reason)
    {
        if (State != MqttLinkState.Disconnected || reason.Length > 0)
        {
            LastError = reason;
        }

        State = State == MqttLinkState.Connecting ? MqttLinkState.Failed : MqttLinkState.Disconnected;
        _subscriptions.Clear();
        _outgoing.Clear();
    }

    /// <summary>True if the firmware subscribed to <paramref name="topic"/> on this connection.</summary>
    internal bool IsSubscribed(string topic) => _subscriptions.Contains(topic);

    /// <summary>A message arrives from the broker.</summary>
    internal void Deliver(string topic, byte[] payload, bool retain) => _inbound.Enqueue(new MqttInboundMessage(topic, payload, 1, retain, false));
}
