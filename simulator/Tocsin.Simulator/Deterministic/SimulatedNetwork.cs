using Tocsin.Controller.Mqtt;
using Tocsin.Firmware.Hardware;

namespace Tocsin.Simulator.Deterministic;

/// <summary>
/// The broker and the network between it and every node, in virtual time, for deterministic runs.
/// To the controller it is an <see cref="INodeTransport"/>, the same seam the embedded and external
/// brokers use; to each node it hands a <see cref="SimulatedLink"/>. It authenticates connects and
/// checks topic rules through the controller's own node directory, delays and loses messages as
/// <see cref="Conditions"/> say, keeps per-connection order, publishes last wills when connections
/// die silently, and takes cuts, broker restarts and an attacker's injected packets.
/// Every method runs on the simulation thread, except what the controller calls during a round
/// (its sends, held in the round's own list, and <see cref="DeliverToController"/>), which may run on
/// the round's thread while the simulation thread goes on with the nodes.
/// </summary>
public sealed partial class SimulatedNetwork : INodeTransport
{
    private const int ConnectTimeoutMs = 5000;
    private readonly PriorityQueue<NetworkEvent, (long AtMs, long Order)> _events = new();
    private readonly Dictionary<string, SimulatedLink> _sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<SimulatedLink>> _subscribers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _cut = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Topic, byte[] Payload)> _lastCommandByNode = new(StringComparer.Ordinal);
    private readonly List<OutgoingPublish> _publishScratch = [];
    private readonly List<string> _subscribeScratch = [];
    private readonly VirtualTimeProvider _time;
    private readonly Random _random;
    private INodeAuthenticator? _authenticator;
    private long _order;

    /// <summary>Creates the network; <paramref name="seed"/> drives latency jitter and loss.</summary>
    public SimulatedNetwork(VirtualTimeProvider time, int seed)
    {
        _time = time;
        _random = new Random(seed);
    }

    /// <inheritdoc />
    public event Action<InboundMessage>? MessageReceived;

    /// <inheritdoc />
    public event Action<string, bool>? NodeDisconnected;

    /// <summary>Raised when a node's publish leaves its link (before loss or delay), for the report.</summary>
    public event Action<string, OutgoingPublish>? NodePublished;

    /// <summary>Raised when a node's connection drops or its connect fails (the run wakes the node: a board sees its socket close at once).</summary>
    public event Action<string>? NodeLinkDropped;

    /// <summary>Raised when a message reaches a node, for the report.</summary>
    public event Action<string, string, byte[]>? NodeReceived;

    /// <summary>Latency, jitter, loss and broker state; faults change them.</summary>
    public NetworkConditions Conditions { get; } = new();

    /// <summary>What happened to messages so far.</summary>
    public NetworkTally Tally { get; } = new();

    /// <summary>Nodes with a broker session now.</summary>
    public int ConnectedCount => _sessions.Count;

    /// <summary>The next moment something is scheduled, or null.</summary>
    public long? NextEventMs => _events.TryPeek(out _, out var key) ? key.AtMs : null;

    /// <summary>Uses <paramref name="authenticator"/> (the controller's node directory) for connects and topic rules.</summary>
    public void AttachBroker(INodeAuthenticator authenticator) => _authenticator = authenticator;

    /// <summary>
    /// Forgets the controller's handlers (a killed controller hears nothing more), and what reached it
    /// and waits for its next round: a killed process loses its queue.
    /// </summary>
    public void DetachController()
    {
        MessageReceived = null;
        NodeDisconnected = null;
        _controllerInbox?.Clear();
        _inboxParsedUpTo = 0;
    }

    /// <summary>True if the node has a broker session.</summary>
    public bool IsConnected(string nodeId) => _sessions.ContainsKey(nodeId);

    /// <summary>Takes what a node's firmware queued during its tick: connects, subscriptions, publishes, disconnects.</summary>
    public void Collect(SimulatedLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (!link.HasOutgoingWork)
        {
            return;
        }

        bool clean = link.PendingCleanDisconnect;
        bool severed = link.PendingSever;
        MqttConnectRequest? connect = link.PendingConnect;
        _publishScratch.Clear();
        _subscribeScratch.Clear();
        link.TakeWork(_publishScratch, _subscribeScratch);
        if (clean && _sessions.TryGetValue(link.NodeId, out SimulatedLink? s) && s == link)
        {
            EndSession(link, clean: true);
        }

        if (severed && _sessions.TryGetValue(link.NodeId, out s) && s == link)
        {
            ScheduleLossNotice(link);
        }

        if (connect != null)
        {
            bool reachable = Conditions.BrokerUp && !_cut.Contains(link.NodeId);
            Schedule(reachable ? 2 * Latency() : ConnectTimeoutMs, new NetworkEvent(NetworkEventKind.ConnectAnswer, link.NodeId, link, link.Attempt, string.Empty, [], false));
        }

        if (link.BrokerIdentity is not { } identity)
        {
            return;
        }

        foreach (string topic in _subscribeScratch)
        {
            if (_authenticator != null && !_authenticator.MaySubscribe(identity, topic))
            {
                Tally.RefusedByAcl++;
                continue;
            }

            if (!_subscribers.TryGetValue(topic, out List<SimulatedLink>? list))
            {
                _subscribers[topic] = list = [];
            }

            // A connection that comes back subscribes again: listed twice, it would get every message twice.
            if (!list.Contains(link))
            {
                list.Add(link);
            }
        }

        foreach (OutgoingPublish p in _publishScratch)
        {
            NodePublished?.Invoke(link.NodeId, p);
            if (_authenticator != null && !_authenticator.MayPublish(identity, p.Topic))
            {
                Tally.RefusedByAcl++;
                continue;
            }

            Tally.FromNodes++;
            if (Lose())
            {
                continue;
            }

            long at = InOrder(link, up: true);
            Enqueue(at, new NetworkEvent(NetworkEventKind.ToController, link.NodeId, link, 0, p.Topic, p.Payload, p.Retain));
            if (_subscribers.TryGetValue(p.Topic, out List<SimulatedLink>? listeners))
            {
                foreach (SimulatedLink listener in listeners)
                {
                    Enqueue(InOrder(listener, up: false), new NetworkEvent(NetworkEventKind.ToNode, listener.NodeId, listener, 0, p.Topic, p.Payload, false));
                }
            }
        }
    }

    /// <summary>Does everything due by <paramref name="nowMs"/> (Unix ms), in time order.</summary>
    public void Advance(long nowMs)
    {
        while (_events.TryPeek(out NetworkEvent? e, out var key) && key.AtMs <= nowMs)
        {
            _events.Dequeue();
            switch (e.Kind)
            {
                case NetworkEventKind.ToController:
                    if (Conditions.BrokerUp)
                    {
                        Tally.Delivered++;
                        ToController(new InboundMessage(e.NodeId, e.Topic, e.Payload, e.Retain, DateTimeOffset.FromUnixTimeMilliseconds(key.AtMs)));
                    }
                    else
                    {
                        Tally.Undeliverable++;
                    }

                    break;
                case NetworkEventKind.ToNode:
                    if (Conditions.BrokerUp && IsSession(e.Link!) && e.Link!.State == MqttLinkState.Connected && e.Link.IsSubscribed(e.Topic))
                    {
                        Tally.Delivered++;
                        e.Link.Deliver(e.Topic, e.Payload, e.Retain);
                        NodeReceived?.Invoke(e.NodeId, e.Topic, e.Payload);
                    }
                    else
                    {
                        Tally.Undeliverable++;
                    }

                    break;
                case NetworkEventKind.ConnectAnswer:
                    Answer(e.Link!, e.Attempt);
                    break;
                case NetworkEventKind.BrokerNoticesLoss:
                    // Only the connection that was lost: the link may have connected again since.
                    if (IsSession(e.Link!) && e.Link!.SessionAttempt == e.Attempt)
                    {
                        EndSession(e.Link!, clean: false);
                    }

                    break;
            }
        }
    }

    // A controller that is down (detached) hears nothing, inbox or not.
    private void ToController(InboundMessage message)
    {
        if (MessageReceived == null)
        {
            return;
        }

        if (_controllerInbox != null)
        {
            _controllerInbox.Add(message);
        }
        else
        {
            MessageReceived(message);
        }
    }

    /// <summary>Cuts a node off the network: it notices at once, the broker only when keep-alive runs out.</summary>
    public void Cut(string nodeId, SimulatedLink? nodeLink)
    {
        _cut.Add(nodeId);
        if (nodeLink != null && nodeLink.State is MqttLinkState.Connected or MqttLinkState.Connecting)
        {
            Drop(nodeLink, "network unreachable");
        }

        if (_sessions.TryGetValue(nodeId, out SimulatedLink? session))
        {
            ScheduleLossNotice(session);
        }
    }

    /// <summary>Reconnects a node to the network.</summary>
    public void Restore(string nodeId) => _cut.Remove(nodeId);

    /// <summary>True while the node is cut off.</summary>
    public bool IsCut(string nodeId) => _cut.Contains(nodeId);

    /// <summary>The broker stops: every connection drops, nothing is routed, connects are refused.</summary>
    public void StopBroker()
    {
        Conditions.BrokerUp = false;
        foreach (SimulatedLink link in _sessions.Values.ToList())
        {
            Drop(link, "connection reset by broker");
            Forget(link);
        }

        _sessions.Clear();
        _subscribers.Clear();
    }

    /// <summary>The broker is back.</summary>
    public void StartBroker() => Conditions.BrokerUp = true;

    /// <summary>The last command envelope the broker sent towards <paramref name="nodeId"/>, and its topic (what an eavesdropper recorded), or null.</summary>
    public (string Topic, byte[] Payload)? CapturedCommand(string nodeId) =>
        _lastCommandByNode.TryGetValue(nodeId, out var captured) ? captured : null;

    /// <summary>An attacker on the path puts a packet in front of the listed nodes as if the broker sent it.</summary>
    public int Inject(string topic, byte[] payload, IEnumerable<string> nodeIds)
    {
        ArgumentNullException.ThrowIfNull(nodeIds);
        int sent = 0;
        foreach (string node in nodeIds)
        {
            if (_sessions.TryGetValue(node, out SimulatedLink? link))
            {
                Enqueue(InOrder(link, up: false), new NetworkEvent(NetworkEventKind.ToNode, node, link, 0, topic, payload, false));
                sent++;
            }
        }

        return sent;
    }

    private void Answer(SimulatedLink link, int attempt)
    {
        if (link.Attempt != attempt || link.State != MqttLinkState.Connecting)
        {
            return;
        }

        if (!Conditions.BrokerUp || _cut.Contains(link.NodeId))
        {
            Tally.ConnectsRefused++;
            Drop(link, Conditions.BrokerUp ? "connect timed out" : "connection refused");
            return;
        }

        MqttConnectRequest request = link.Request!;
        NodeIdentity? identity;
        string reason = string.Empty;
        if (_authenticator == null)
        {
            identity = new NodeIdentity(link.NodeId, string.Empty, false, new HashSet<string>());
        }
        else
        {
            identity = _authenticator.Authenticate(request.ClientId, request.UserName, request.Password, out reason);
        }

        if (identity == null)
        {
            Tally.ConnectsRefused++;
            Drop(link, "not authorized: " + reason);
            return;
        }

        if (_sessions.TryGetValue(link.NodeId, out SimulatedLink? old))
        {
            // Session takeover: the old connection is closed without a DISCONNECT, so its will goes out.
            // That holds as well when it is this link's own earlier connection, lost before the broker noticed.
            if (old != link)
            {
                Drop(old, "session taken over");
            }

            EndSession(old, clean: false);
        }

        _sessions[link.NodeId] = link;
        link.BrokerIdentity = identity;
        link.SessionAttempt = attempt;
        link.Connected();
        Tally.Connects++;
    }

    private void Drop(SimulatedLink link, string reason)
    {
        link.Dropped(reason);
        NodeLinkDropped?.Invoke(link.NodeId);
    }

    private void EndSession(SimulatedLink link, bool clean)
    {
        _sessions.Remove(link.NodeId);
        Forget(link);
        if (!clean && link.Request is { WillTopic: { Length: > 0 } willTopic, WillPayload: { } will })
        {
            Tally.Wills++;
            Enqueue(_time.UtcMs, new NetworkEvent(NetworkEventKind.ToController, link.NodeId, null, 0, willTopic, will, true));
        }

        NodeDisconnected?.Invoke(link.NodeId, clean);
    }

    private void ScheduleLossNotice(SimulatedLink link)
    {
        int keepAliveS = link.Request?.KeepAliveS ?? 60;
        Schedule(keepAliveS * 1500L, new NetworkEvent(NetworkEventKind.BrokerNoticesLoss, link.NodeId, link, link.SessionAttempt, string.Empty, [], false));
    }

    // A link holds an identity exactly while it is its node's session: both are set and dropped together.
    private static bool IsSession(SimulatedLink link) => link.BrokerIdentity != null;

    private static void Forget(SimulatedLink link)
    {
        link.BrokerIdentity = null;
        link.LastDelivery = default;
    }

    private void Remember(string nodeId, string topic, byte[] payload) => _lastCommandByNode[nodeId] = (topic, payload);
}
