namespace Tocsin.Controller.Storage;

/// <summary>What an ingest round learned about one node's current state (null fields are left as they were).</summary>
public sealed class NodeStateUpdate
{
    /// <summary>Online now (null: unchanged).</summary>
    public bool? Online { get; set; }

    /// <summary>Last message time, Unix ms.</summary>
    public long LastSeenUtcMs { get; set; }

    /// <summary>Latest retained status payload.</summary>
    public string? StatusJson { get; set; }

    /// <summary>Latest heartbeat payload.</summary>
    public string? HeartbeatJson { get; set; }

    /// <summary>Latest report payload.</summary>
    public string? ReportJson { get; set; }

    /// <summary>Outbox epoch and acknowledged sequence number.</summary>
    public (long Epoch, long Upto)? Acked { get; set; }

    /// <summary>Messages newly recorded lost.</summary>
    public long Lost { get; set; }

    /// <summary>Duplicates dropped.</summary>
    public long Duplicates { get; set; }
}
