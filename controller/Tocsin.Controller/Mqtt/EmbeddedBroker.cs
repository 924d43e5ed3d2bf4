using System.Buffers;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace Tocsin.Controller.Mqtt;

/// <summary>
/// The in-process MQTTnet broker. Every node authenticates with its own credentials and gets a
/// per-node topic ACL. Node traffic is taken in the publish interceptor and, except for retained
/// status and events that other nodes may hear, not routed at all: MQTTnet walks every session for
/// each routed publish, which at 10,000 nodes costs seconds. Commands are enqueued straight into each
/// addressed speaker's session (each gets an envelope with only its own MAC, see
/// <see cref="DeliversToEachMember"/>), as are acknowledgements and resends to one node; only an
/// envelope for several members whose sessions are missing is also published routed.
/// </summary>
public sealed partial class EmbeddedBroker : INodeTransport
{
    private const string NodeItem = "tocsin.node";
    private readonly EmbeddedBrokerOptions _options;
    private readonly INodeAuthenticator _authenticator;
    private readonly ILogger<EmbeddedBroker> _log;
    private readonly TimeProvider _time;
    private MqttServer? _server;

    /// <summary>Creates the broker; nothing listens until <see cref="StartAsync"/>.</summary>
    public EmbeddedBroker(EmbeddedBrokerOptions options, INodeAuthenticator authenticator, ILogger<EmbeddedBroker> log, TimeProvider time)
    {
        _options = options;
        _authenticator = authenticator;
        _log = log;
        _time = time;
    }

    /// <inheritdoc />
    public event Action<InboundMessage>? MessageReceived;

    /// <inheritdoc />
    public event Action<string, bool>? NodeDisconnected;

    /// <summary>Connections refused since start (unknown, revoked, bad password).</summary>
    public int RefusedConnections { get; private set; }

    /// <summary>Publishes and subscriptions refused by the ACL since start.</summary>
    public int AclDenials { get; private set; }

    /// <summary>The port actually bound (useful when 0 asked for any free port).</summary>
    public int Port => _options.Port;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var factory = new MqttServerFactory();
        MqttServerOptions options = factory.CreateServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(_options.BindAddress)
            .WithDefaultEndpointPort(_options.Port)
            .WithMaxPendingMessagesPerClient(_options.MaxPendingMessagesPerClient)
            .WithPersistentSessions()
            .Build();
        _server = factory.CreateMqttServer(options);
        _server.ValidatingConnectionAsync += OnValidatingConnection;
        _server.InterceptingPublishAsync += OnInterceptingPublish;
        _server.InterceptingSubscriptionAsync += OnInterceptingSubscription;
        _server.ClientDisconnectedAsync += OnClientDisconnected;
        await _server.StartAsync().ConfigureAwait(false);
        LogStarted(_options.BindAddress, _options.Port);
    }

    /// <inheritdoc />
    public Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        MqttServer server = _server ?? throw new InvalidOperationException("broker not started");
        var message = new InjectedMqttApplicationMessage(Build(topic, payload)) { SenderClientId = "tocsin-controller" };
        return server.InjectApplicationMessage(message, cancellationToken);
    }

    /// <inheritdoc />
    public async Task PublishToMembersAsync(string topic, ReadOnlyMemory<byte> payload, IReadOnlyList<string> nodeIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nodeIds);
        MqttServer server = _server ?? throw new InvalidOperationException("broker not started");
        MqttApplicationMessage message = Build(topic, payload);
        bool allEnqueued = true;
        foreach (string nodeId in nodeIds)
        {
            MqttSessionStatus? session = await TryGetSessionAsync(server, nodeId).ConfigureAwait(false);
            allEnqueued &= session != null && session.TryEnqueueApplicationMessage(message, out _);
        }

        // An envelope for several members also goes out routed, so a member without a session still
        // hears it if it subscribes with a persistent session. A single member's own envelope is not
        // routed: that would walk every session for one node, and the ledger resends it on reconnect.
        if (!allEnqueued && nodeIds.Count > 1)
        {
            await server.InjectApplicationMessage(new InjectedMqttApplicationMessage(message) { SenderClientId = "tocsin-controller" }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task SendToNodeAsync(string nodeId, string topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        MqttServer server = _server ?? throw new InvalidOperationException("broker not started");
        MqttApplicationMessage message = Build(topic, payload);
        MqttSessionStatus? session = await TryGetSessionAsync(server, nodeId).ConfigureAwait(false);
        if (session != null && session.TryEnqueueApplicationMessage(message, out _))
        {
            return;
        }

        // No session yet (never connected): a routed publish reaches it if it subscribes later with a
        // persistent session; otherwise the controller's resend delivers it after the node connects.
        await server.InjectApplicationMessage(new InjectedMqttApplicationMessage(message) { SenderClientId = "tocsin-controller" }, cancellationToken).ConfigureAwait(false);
    }


    /// <inheritdoc />
    public bool DeliversToEachMember => true;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_server != null)
        {
            await _server.StopAsync(new MqttServerStopOptions()).ConfigureAwait(false);
            _server.Dispose();
            _server = null;
        }
    }

    // MQTTnet 5 throws for a client id that never connected (an offline speaker): that is "no session".
    private static async Task<MqttSessionStatus?> TryGetSessionAsync(MqttServer server, string nodeId)
    {
        try
        {
            return await server.GetSessionAsync(nodeId).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static MqttApplicationMessage Build(string topic, ReadOnlyMemory<byte> payload) =>
        new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload.ToArray())
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(false)
            .Build();

    private Task OnValidatingConnection(ValidatingConnectionEventArgs e)
    {
        NodeIdentity? node = _authenticator.Authenticate(e.ClientId, e.UserName, e.Password, out string reason);
        if (node == null)
        {
            RefusedConnections++;
            e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
            LogRefused(e.ClientId, e.RemoteEndPoint, reason);
            return Task.CompletedTask;
        }

        e.SessionItems[NodeItem] = node;
        return Task.CompletedTask;
    }

    private Task OnInterceptingPublish(InterceptingPublishEventArgs e)
    {
        if (e.SessionItems[NodeItem] is not NodeIdentity node)
        {
            // Injected by the controller itself: route normally.
            return Task.CompletedTask;
        }

        string topic = e.ApplicationMessage.Topic;
        if (!_authenticator.MayPublish(node, topic))
        {
            AclDenials++;
            e.ProcessPublish = false;
            LogDenied(node.NodeId, "publish", topic);
            return Task.CompletedTask;
        }

        byte[] payload = e.ApplicationMessage.Payload.ToArray();
        MessageReceived?.Invoke(new InboundMessage(node.NodeId, topic, payload, e.ApplicationMessage.Retain, _time.GetUtcNow())
        {
            Parsed = InboundMessage.ParseOnArrival(topic, payload),
        });

        // Retained status must be kept for late subscribers and events may be heard by broadcast
        // nodes' local rules; everything else only the controller reads, so it is not routed.
        e.ProcessPublish = topic.EndsWith("/status", StringComparison.Ordinal) || topic.EndsWith("/event", StringComparison.Ordinal);
        return Task.CompletedTask;
    }

    private Task OnInterceptingSubscription(InterceptingSubscriptionEventArgs e)
    {
        if (e.SessionItems[NodeItem] is NodeIdentity node && !_authenticator.MaySubscribe(node, e.TopicFilter.Topic))
        {
            AclDenials++;
            e.ProcessSubscription = false;
            e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
            LogDenied(node.NodeId, "subscribe", e.TopicFilter.Topic);
        }

        return Task.CompletedTask;
    }

    private Task OnClientDisconnected(ClientDisconnectedEventArgs e)
    {
        NodeDisconnected?.Invoke(e.ClientId, e.DisconnectType == MqttClientDisconnectType.Clean);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "embedded MQTT broker listening on {Address}:{Port}")]
    private partial void LogStarted(System.Net.IPAddress address, int port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "refused MQTT connection from client {ClientId} at {Endpoint}: {Reason}")]
    private partial void LogRefused(string clientId, System.Net.EndPoint? endpoint, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "node {NodeId} denied {Action} on {Topic} by its topic rules")]
    private partial void LogDenied(string nodeId, string action, string topic);
}
