namespace Tocsin.Controller.Storage;

/// <summary>What an ingest round learned about one node's current state (null fields are left as they were).</summary>
public sealed class NodeStateUpdate
{
    private LazyUtf8Text _heartbeat;
    private LazyUtf8Text _report;

    /// <summary>Online now (null: unchanged).</summary>
    public bool? Online { get; set; }

    /// <summary>Last message time, Unix ms.</summary>
    public long LastSeenUtcMs { get; set; }

    /// <summary>Latest retained status payload.</summary>
    public string? StatusJson { get; set; }

    /// <summary>Latest heartbeat payload.</summary>
    public string? HeartbeatJson
    {
        get => _heartbeat.Text;
        set => _heartbeat.Text = value;
    }

    /// <summary>Latest report payload.</summary>
    public string? ReportJson
    {
        get => _report.Text;
        set => _report.Text = value;
    }

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
    /// only when read (a writer that takes UTF-8 never decodes it): of a node's heartbeats only the
    /// last while its state is held is written (see <see cref="NodeStateBacklog"/>).
    /// </summary>
    public void SetHeartbeat(ReadOnlyMemory<byte> utf8Json) => _heartbeat.SetUtf8(utf8Json);

    /// <summary>The latest heartbeat's UTF-8 payload while it is undecoded (see <see cref="LazyUtf8Text.TryGetUtf8"/>).</summary>
    internal bool TryGetHeartbeatUtf8(out ReadOnlyMemory<byte> utf8) => _heartbeat.TryGetUtf8(out utf8);

    /// <summary>The latest report's UTF-8 payload while it is undecoded.</summary>
    internal bool TryGetReportUtf8(out ReadOnlyMemory<byte> utf8) => _report.TryGetUtf8(out utf8);

    /// <summary>Sets the latest report from its UTF-8 payload, decoded only when read (as <see cref="SetHeartbeat"/>).</summary>
    public void SetReport(ReadOnlyMemory<byte> utf8Json) => _report.SetUtf8(utf8Json);

    /// <summary>Folds <paramref name="newer"/> (learned later) into this update: newer values win, counts add up.</summary>
    public void Absorb(NodeStateUpdate newer)
    {
        ArgumentNullException.ThrowIfNull(newer);
        Online = newer.Online ?? Online;
        LastSeenUtcMs = Math.Max(LastSeenUtcMs, newer.LastSeenUtcMs);
        StatusJson = newer.StatusJson ?? StatusJson;
        // Taken as they are, so a heartbeat or report nobody reads is never decoded.
        if (newer._heartbeat.IsSet)
        {
            _heartbeat = newer._heartbeat;
        }

        if (newer._report.IsSet)
        {
            _report = newer._report;
        }

        Acked = newer.Acked ?? Acked;
        Lost += newer.Lost;
        Duplicates += newer.Duplicates;
    }
}
