using System;
using System.Collections;
using System.Text;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;
using Tocsin.Firmware.Hardware;

namespace Tocsin.Firmware.Device;

/// <summary>
/// <see cref="IMqttLink"/> over nanoFramework.M2Mqtt. M2Mqtt's Connect blocks until CONNACK or
/// its own timeout; the board's loop thread tolerates that, so an attempt finishes inside
/// <see cref="BeginConnect"/>. Received messages arrive on M2Mqtt's dispatch thread and wait in a
/// small bounded queue until the loop takes them.
/// </summary>
/// <remarks>
/// Dropping a client (Disconnect, and the start of every attempt) also blocks: M2Mqtt's Close
/// waits about 0.2 s, and up to 1 s more for its keep-alive thread. Both happen only on
/// reconnects and reconfiguration, never on an ordinary tick.
/// </remarks>
public sealed class M2MqttLink : IMqttLink
{
    // 32 messages is far more than the command rate; a flood (misbehaving publisher on an area
    // topic) must cost bounded RAM on an ~84 KB heap, so the oldest is dropped and counted.
    private const int MaxQueued = 32;

    private readonly object _lock = new object();
    private readonly ArrayList _inbound = new ArrayList();
    private MqttClient _client;
    private MqttLinkState _state = MqttLinkState.Disconnected;
    private string _lastError;
    private int _droppedCount;

    /// <inheritdoc />
    public MqttLinkState State
    {
        get
        {
            lock (_lock)
            {
                return _state;
            }
        }
    }

    /// <inheritdoc />
    public string LastError
    {
        get
        {
            lock (_lock)
            {
                return _lastError;
            }
        }
    }

    /// <summary>Inbound messages dropped because the queue was full, since boot.</summary>
    public int DroppedCount
    {
        get
        {
            lock (_lock)
            {
                return _droppedCount;
            }
        }
    }

    /// <inheritdoc />
    public void BeginConnect(MqttConnectRequest request)
    {
        // A fresh client every attempt: older M2Mqtt versions left a socket hanging when a client
        // was reconnected, so a client is never reused.
        Disconnect();
        SetState(MqttLinkState.Connecting, null);
        MqttClient client = null;
        try
        {
            // With TLS, a null CA certificate makes the firmware use the root CA stored in the
            // device's configuration block (uploaded with Device Explorer), so no PEM lives in code.
            client = request.UseTls
                ? new MqttClient(request.Host, request.Port, true, null, null, MqttSslProtocols.TLSv1_2)
                : new MqttClient(request.Host, request.Port, false, null, null, MqttSslProtocols.None);
            client.MqttMsgPublishReceived += OnPublishReceived;
            client.ConnectionClosed += OnConnectionClosed;
            lock (_lock)
            {
                _client = client;
            }

            // M2Mqtt takes the will as a string; the status payload is UTF-8 JSON, so this is lossless.
            string will = request.WillPayload == null
                ? null
                : Encoding.UTF8.GetString(request.WillPayload, 0, request.WillPayload.Length);
            bool willFlag = request.WillTopic != null && will != null;
            MqttReasonCode code = client.Connect(
                request.ClientId,
                request.UserName,
                request.Password,
                true,
                MqttQoSLevel.AtLeastOnce,
                willFlag,
                request.WillTopic,
                will,
                request.CleanSession,
                KeepAlive(request.KeepAliveS));
            if (code == MqttReasonCode.Success)
            {
                lock (_lock)
                {
                    // ConnectionClosed may already have fired for this client; keep that verdict.
                    if (_client == client && _state == MqttLinkState.Connecting)
                    {
                        _state = MqttLinkState.Connected;
                        return;
                    }
                }

                Fail(client, "connection closed during connect");
                return;
            }

            // Enum.ToString gives the number on nanoFramework anyway; the MQTT reason code is numeric.
            Fail(client, "broker refused: reason " + ((int)code).ToString());
        }
        catch (Exception ex)
        {
            Fail(client, Describe(ex));
        }
    }

    /// <inheritdoc />
    public bool Subscribe(string topic, int qos)
    {
        MqttClient client = ConnectedClient();
        if (client == null)
        {
            return false;
        }

        try
        {
            // M2Mqtt queues the SUBSCRIBE and does not wait for SUBACK, so only local refusals show here.
            client.Subscribe(new string[] { topic }, new MqttQoSLevel[] { ToQos(qos) });
            return true;
        }
        catch (Exception ex)
        {
            SetError(Describe(ex));
            return false;
        }
    }

    /// <inheritdoc />
    public bool Publish(string topic, byte[] payload, int length, int qos, bool retain)
    {
        if (length < 0 || length > (payload == null ? 0 : payload.Length))
        {
            return false;
        }

        MqttClient client = ConnectedClient();
        if (client == null)
        {
            return false;
        }

        // M2Mqtt publishes the whole array it is given, and it keeps the reference: the PUBLISH
        // is serialized later on its inflight thread (and again on a QoS 1 retry). The core reuses
        // its send buffers (outbox, heartbeat writer), so the payload is always copied to an
        // exact-length array; otherwise the next tick could overwrite a message still queued.
        var message = new byte[length];
        if (length > 0)
        {
            Array.Copy(payload, 0, message, 0, length);
        }

        try
        {
            client.Publish(topic, message, null, null, ToQos(qos), retain);
            return true;
        }
        catch (Exception ex)
        {
            // Includes M2Mqtt's "inflight queue full": the outbox will try again later.
            SetError(Describe(ex));
            return false;
        }
    }

    /// <inheritdoc />
    public MqttInboundMessage TryReceive()
    {
        lock (_lock)
        {
            if (_inbound.Count == 0)
            {
                return null;
            }

            var message = (MqttInboundMessage)_inbound[0];
            _inbound.RemoveAt(0);
            return message;
        }
    }

    /// <inheritdoc />
    public void Disconnect()
    {
        MqttClient client;
        lock (_lock)
        {
            client = _client;
            _client = null;
            _state = MqttLinkState.Disconnected;
        }

        Drop(client, true);
    }

    private static ushort KeepAlive(int seconds)
    {
        if (seconds < 0)
        {
            return 0;
        }

        return seconds > ushort.MaxValue ? ushort.MaxValue : (ushort)seconds;
    }

    // A switch rather than a cast: the mapping must not depend on the library's enum values.
    private static MqttQoSLevel ToQos(int qos)
    {
        switch (qos)
        {
            case 1:
                return MqttQoSLevel.AtLeastOnce;
            case 2:
                return MqttQoSLevel.ExactlyOnce;
            default:
                return MqttQoSLevel.AtMostOnce;
        }
    }

    private static int FromQos(MqttQoSLevel qos)
    {
        switch (qos)
        {
            case MqttQoSLevel.AtLeastOnce:
                return 1;
            case MqttQoSLevel.ExactlyOnce:
                return 2;
            default:
                return 0;
        }
    }

    // M2Mqtt wraps socket and TLS failures; the inner message names the real cause.
    private static string Describe(Exception ex)
    {
        string text = ex.Message;
        if (text == null || text.Length == 0)
        {
            text = "client error";
        }

        if (ex.InnerException != null && ex.InnerException.Message != null)
        {
            text = text + ": " + ex.InnerException.Message;
        }

        return text;
    }

    private void Drop(MqttClient client, bool sendDisconnect)
    {
        if (client == null)
        {
            return;
        }

        // Unhook first so the old client's late events cannot reach the next connection; the
        // handlers also ignore any sender that is not the current client, for events already queued.
        try
        {
            client.MqttMsgPublishReceived -= OnPublishReceived;
            client.ConnectionClosed -= OnConnectionClosed;
        }
        catch (Exception)
        {
            // The sender check in the handlers still protects the state.
        }

        if (sendDisconnect)
        {
            try
            {
                // A clean DISCONNECT tells the broker not to publish the last will.
                if (client.IsConnected)
                {
                    client.Disconnect();
                }
            }
            catch (Exception)
            {
                // The socket is often already dead when we get here.
            }
        }

        try
        {
            // Stops M2Mqtt's receive, keep-alive and inflight threads and frees the socket (and
            // the ~25 KB of native TLS buffers): the next attempt builds a new client.
            client.Close();
        }
        catch (Exception)
        {
            // Close is best effort; the client object is dropped either way.
        }
    }

    private void Fail(MqttClient client, string error)
    {
        lock (_lock)
        {
            if (_client == client)
            {
                _client = null;
            }

            _state = MqttLinkState.Failed;
            _lastError = error;
        }

        // The receive thread starts once the socket is up, even if CONNACK then refuses us.
        Drop(client, false);
    }

    private MqttClient ConnectedClient()
    {
        lock (_lock)
        {
            return _state == MqttLinkState.Connected ? _client : null;
        }
    }

    private void SetState(MqttLinkState state, string error)
    {
        lock (_lock)
        {
            _state = state;
            _lastError = error;
        }
    }

    private void SetError(string error)
    {
        lock (_lock)
        {
            _lastError = error;
        }
    }

    // Runs on M2Mqtt's dispatch thread: only copy into the queue, never act here.
    private void OnPublishReceived(object sender, MqttMsgPublishEventArgs e)
    {
        byte[] payload = e.Message ?? new byte[0];
        var message = new MqttInboundMessage(e.Topic, payload, FromQos(e.QosLevel), e.Retain, e.DupFlag);
        lock (_lock)
        {
            if (sender != _client)
            {
                return;
            }

            if (_inbound.Count >= MaxQueued)
            {
                _inbound.RemoveAt(0);
                _droppedCount++;
            }

            _inbound.Add(message);
        }
    }

    private void OnConnectionClosed(object sender, EventArgs e)
    {
        lock (_lock)
        {
            // Events from a client we already replaced or closed ourselves are stale.
            if (sender != _client)
            {
                return;
            }

            _state = MqttLinkState.Disconnected;
            _lastError = "connection closed";
        }
    }
}
