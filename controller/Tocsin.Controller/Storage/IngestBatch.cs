namespace Tocsin.Controller.Storage;

/// <summary>Everything one ingest round writes, committed in a single transaction.</summary>
public sealed class IngestBatch
{
    /// <summary>Creates a round sized for <paramref name="messages"/> node messages (0 when unknown).</summary>
    public IngestBatch(int messages = 0)
    {
        Messages = new List<StoredMessage>(messages);
        States = new Dictionary<string, NodeStateUpdate>(messages, StringComparer.Ordinal);
    }

    /// <summary>New outbox messages.</summary>
    public List<StoredMessage> Messages { get; }

    /// <summary>Latest status per node: (node, online, last seen ms, status json or null, heartbeat json or null).</summary>
    public Dictionary<string, NodeStateUpdate> States { get; }

    /// <summary>Lost ranges noticed: (node, epoch, first, last).</summary>
    public List<(string Node, long Epoch, long First, long Last)> Gaps { get; } = [];

    /// <summary>Delivery states to upsert: (alert, version, node, state, reason, at ms).</summary>
    public List<(string Alert, int Version, string Node, string State, string? Reason, long AtMs)> Deliveries { get; } = [];

    /// <summary>True when nothing is to be written.</summary>
    public bool IsEmpty => Messages.Count == 0 && States.Count == 0 && Gaps.Count == 0 && Deliveries.Count == 0;
}
