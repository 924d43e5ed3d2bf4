using Tocsin.Firmware.Diagnostics;
using Tocsin.Firmware.Hardware;

namespace Tocsin.Firmware.Mqtt;

/// <summary>
/// Owns the broker connection: connects, backs off with full jitter, publishes the retained
/// "online" status on every connect (no last will is sent after a clean disconnect, and a rebooted
/// node must say it is back), and resubscribes every time, since a broker may have lost the session.
/// </summary>
public sealed class MqttSession
{
    private readonly IMqttLink _link;
    private readonly BackoffPolicy _backoff;
    private readonly LogRing _log;
    private MqttConnectRequest _request;
    private string _statusTopic;
    private byte[] _onlinePayload;
    private string[] _subscriptions;
    private int _attempt;
    private long _nextAttemptMs;
    private long _connectStartedMs;

    /// <summary>Creates a session over <paramref name="link"/>.</summary>
    public MqttSession(IMqttLink link, BackoffPolicy backoff, LogRing log)
    {
        _link = link;
        _backoff = backoff;
        _log = log;
        ConnectTimeoutMs = 20000;
        State = SessionState.Idle;
    }

    /// <summary>An attempt still not finished after this long counts as failed.</summary>
    public long ConnectTimeoutMs { get; set; }

    /// <summary>Current state.</summary>
    public SessionState State { get; private set; }

    /// <summary>True while connected with status published and subscriptions made.</summary>
    public bool IsConnected => State == SessionState.Connected;

    /// <summary>
    /// The earliest time (monotonic ms) <see cref="Tick"/> acts with no new input: the next connect
    /// attempt while waiting out the backoff, or giving up on a connect that got no answer.
    /// <see cref="long.MaxValue"/> while connected or idle.
    /// </summary>
    public long NextTimerMs => State == SessionState.Waiting ? _nextAttemptMs
        : State == SessionState.Connecting ? _connectStartedMs + ConnectTimeoutMs
        : long.MaxValue;

    /// <summary>Successful connects since boot.</summary>
    public int ConnectCount { get; private set; }

    /// <summary>Failed attempts since boot.</summary>
    public int FailureCount { get; private set; }

    /// <summary>Consecutive failed attempts (resets on success).</summary>
    public int Attempt => _attempt;

    /// <summary>When the current connection came up (monotonic ms), or -1.</summary>
    public long ConnectedSinceMs { get; private set; } = -1;

    /// <summary>When the next attempt is due while waiting (monotonic ms).</summary>
    public long NextAttemptMs => _nextAttemptMs;

    /// <summary>The last error the link reported.</summary>
    public string LastError => _link.LastError;

    /// <summary>The broker this session connects to, for the console.</summary>
    public MqttConnectRequest Request => _request;

    /// <summary>
    /// Sets what to connect with and starts trying at once. <paramref name="onlinePayload"/> is
    /// published retained to <paramref name="statusTopic"/> after each connect.
    /// </summary>
    public void Configure(MqttConnectRequest request, string statusTopic, byte[] onlinePayload, string[] subscriptions, long nowMs)
    {
        _request = request;
        _statusTopic = statusTopic;
        _onlinePayload = onlinePayload;
        _subscriptions = subscriptions;
        _attempt = 0;
        _nextAttemptMs = nowMs;
        State = SessionState.Waiting;
    }

    /// <summary>Replaces the online status payload (published at the next connect).</summary>
    public void SetOnlinePayload(byte[] onlinePayload) => _onlinePayload = onlinePayload;

    /// <summary>Advances the connection state machine.</summary>
    public void Tick(long nowMs)
    {
        switch (State)
        {
            case SessionState.Waiting:
                if (nowMs >= _nextAttemptMs)
                {
                    _connectStartedMs = nowMs;
                    State = SessionState.Connecting;
                    _link.BeginConnect(_request);
                    CheckConnecting(nowMs);
                }

                break;
            case SessionState.Connecting:
                CheckConnecting(nowMs);
                break;
            case SessionState.Connected:
                if (_link.State != MqttLinkState.Connected)
                {
                    _log.Warn("mqtt", "connection lost: " + (_link.LastError ?? "closed"));
                    ConnectedSinceMs = -1;
                    _attempt = 0;
                    ScheduleRetry(nowMs);
                }

                break;
        }
    }

    /// <summary>Publishes if connected; false otherwise or if the link refused.</summary>
    public bool Publish(string topic, byte[] payload, int length, int qos, bool retain)
    {
        return State == SessionState.Connected && _link.Publish(topic, payload, length, qos, retain);
    }

    /// <summary>Drops the connection and starts over after a backoff (e.g. after reprovisioning).</summary>
    public void Restart(long nowMs)
    {
        if (_request == null)
        {
            return;
        }

        _link.Disconnect();
        ConnectedSinceMs = -1;
        _attempt = 0;
        _nextAttemptMs = nowMs;
        State = SessionState.Waiting;
    }

    /// <summary>Disconnects and stays idle until configured again (the node lost its identity).</summary>
    public void Stop()
    {
        _link.Disconnect();
        _request = null;
        ConnectedSinceMs = -1;
        State = SessionState.Idle;
    }

    private void CheckConnecting(long nowMs)
    {
        MqttLinkState linkState = _link.State;
        if (linkState == MqttLinkState.Connected)
        {
            OnConnected(nowMs);
            return;
        }

        if (linkState == MqttLinkState.Failed || linkState == MqttLinkState.Disconnected
            || nowMs - _connectStartedMs >= ConnectTimeoutMs)
        {
            FailureCount++;
            _log.Warn("mqtt", "connect failed: " + (_link.LastError ?? "timeout"));
            if (linkState == MqttLinkState.Connecting)
            {
                _link.Disconnect();
            }

            ScheduleRetry(nowMs);
            _attempt++;
        }
    }

    private void OnConnected(long nowMs)
    {
        bool ok = _link.Publish(_statusTopic, _onlinePayload, _onlinePayload.Length, 1, true);
        for (int i = 0; ok && i < _subscriptions.Length; i++)
        {
            ok = _link.Subscribe(_subscriptions[i], 1);
        }

        if (!ok)
        {
            FailureCount++;
            _log.Warn("mqtt", "connected but status/subscribe failed; reconnecting");
            _link.Disconnect();
            ScheduleRetry(nowMs);
            _attempt++;
            return;
        }

        _attempt = 0;
        ConnectCount++;
        ConnectedSinceMs = nowMs;
        State = SessionState.Connected;
        _log.Info("mqtt", "connected to " + _request.Host + ":" + _request.Port.ToString());
    }

    private void ScheduleRetry(long nowMs)
    {
        _nextAttemptMs = nowMs + _backoff.NextDelayMs(_attempt);
        State = SessionState.Waiting;
    }
}
