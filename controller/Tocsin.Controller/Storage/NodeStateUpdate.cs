using System.Text;

namespace Tocsin.Controller.Storage;

/// <summary>What an ingest round learned about one node's current state (null fields are left as they were).</summary>
public sealed class NodeStateUpdate
{
    private string? _heartbeatJson;
    private ReadOnlyMemory<byte> _heartbeatUtf8;
    private bool _heartbeatUndecoded;

    /// <summary>Online now (null: unchanged).</summary>
    public bool? Online { get; set; }

    /// <summary>Last message time, Unix ms.</summary>
    public long LastSeenUtcMs { get; set; }

    /// <summary>Latest retained status payload.</summary>
    public string? StatusJson { get; set; }

    /// <summary>Latest heartbeat payload.</summary>
    public string? HeartbeatJson
    {
        get
        {
            if (_heartbeatUndecoded)
            {
                _heartbeatJson = Encoding.UTF8.GetString(_heartbeatUtf8.Span);
                (_heartbeatUtf8, _heartbeatUndecoded) = (default, false);
            }

            return _heartbeatJson;
        }

        set => (_heartbeatJson, _heartbeatUtf8, _heartbeatUndecoded) = (value, default, false);
    }

    /// <summary>Latest report payload.</summary>
    public string? ReportJson { get; set; }

    /// <summary>Outbox epoch and acknowledged sequence number.</summary>
    public (long Epoch, long Upto)? Acked { get; set; }

    /// <summary>Messages newly recorded lost.</summary>
    public long Lost { get; set; }

    /// <summary>Duplicates dropped.</summary>
    public long Duplicates { get; set; }

    /// <summary>
    /// True when the update only refreshes what the node's next message states again (last seen,
    /// latest heartbeat or report, acknowledged sequence): a killed controller loses nothing by
    /// writing it late. Status changes and lost or duplicate counts are not routine.
    /// </summary>
    public bool IsRoutine => StatusJson == null && Online != false && Lost == 0 && Duplicates == 0;

    /// <summary>
    /// Sets the latest heartbeat from its UTF-8 payload (which must not change afterwards), decoded
    /// only when read: at 10,000 nodes a heartbeat arrives every few milliseconds, and of a node's
    /// heartbeats only the last before each snapshot is written (see <see cref="NodeStateBacklog"/>).
    /// </summary>
    public void SetHeartbeat(ReadOnlyMemory<byte> utf8Json) => (_heartbeatJson, _heartbeatUtf8, _heartbeatUndecoded) = (null, utf8Json, true);

    /// <summary>Folds <paramref name="newer"/> (learned later) into this update: newer values win, counts add up.</summary>
    public void Absorb(NodeStateUpdate newer)
    {
        ArgumentNullException.ThrowIfNull(newer);
        Online = newer.Online ?? Online;
        LastSeenUtcMs = Math.Max(LastSeenUtcMs, newer.LastSeenUtcMs);
        StatusJson = newer.StatusJson ?? StatusJson;
        if (newer._heartbeatUndecoded || newer._heartbeatJson != null)
        {
            // Taken as it is, so a heartbeat nobody reads is never decoded.
            (_heartbeatJson, _heartbeatUtf8, _heartbeatUndecoded) = (newer._heartbeatJson, newer._heartbeatUtf8, newer._heartbeatUndecoded);
        }

        ReportJson = newer.ReportJson ?? ReportJson;
        Acked = newer.Acked ?? Acked;
        Lost += newer.Lost;
        Duplicates += newer.Duplicates;
    }
}
