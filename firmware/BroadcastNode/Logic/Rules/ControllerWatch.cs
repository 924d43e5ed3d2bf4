namespace Tocsin.Firmware.BroadcastNode.Rules;

/// <summary>
/// How long the controller has been silent, judged by the outbox: the controller acknowledges what
/// it stores, so a message left unacknowledged is the evidence of silence — whether the broker link
/// is down or the controller is. An empty outbox means everything was acknowledged: not silent.
/// When a local rule arms, its "rule" event is such a message, so the question is always put to
/// the controller rather than inferred from quiet (a healthy controller may have nothing to say).
/// </summary>
public sealed class ControllerWatch
{
    private const long SampleMs = 1000;

    private long _pendingSinceMs = -1;
    private long _oldestSeq = -1;
    private long _nextSampleMs;

    /// <summary>Notes the outbox state (sampled once a second; it scans the outbox's slots).</summary>
    public void Tick(long nowMs, int outboxCount, Delivery.Outbox outbox)
    {
        if (nowMs < _nextSampleMs)
        {
            return;
        }

        _nextSampleMs = nowMs + SampleMs;
        if (outboxCount == 0)
        {
            _pendingSinceMs = -1;
            _oldestSeq = -1;
            return;
        }

        long oldest = outbox.OldestSeq;
        if (_pendingSinceMs < 0 || oldest != _oldestSeq)
        {
            // New oldest message: either the controller acknowledged the previous one (progress)
            // or the outbox just stopped being empty. Silence counts from here.
            _pendingSinceMs = nowMs;
            _oldestSeq = oldest;
        }
    }

    /// <summary>When the outbox is next looked at (monotonic ms).</summary>
    public long NextSampleMs => _nextSampleMs;

    /// <summary>Since when the oldest unacknowledged message has waited (monotonic ms), or -1.</summary>
    public long PendingSinceMs => _pendingSinceMs;

    /// <summary>Milliseconds the oldest unacknowledged message has waited (0 when none waits).</summary>
    public long SilentMs(long nowMs) => _pendingSinceMs < 0 ? 0 : nowMs - _pendingSinceMs;
}
