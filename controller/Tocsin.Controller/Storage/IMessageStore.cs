namespace Tocsin.Controller.Storage;

/// <summary>Node messages and per-node state, written one ingest round at a time.</summary>
public interface IMessageStore
{
    /// <summary>
    /// Commits one ingest round in a single transaction: messages (a repeated node, epoch and
    /// sequence number is ignored), node state upserts, gaps and delivery states.
    /// </summary>
    void Commit(IngestBatch batch);

    /// <summary>A node's stored messages of one stream in a time range (by measurement time), oldest first.</summary>
    IReadOnlyList<StoredMessage> Series(string node, string stream, long fromUtcMs, long toUtcMs, int limit);

    /// <summary>Current state rows of every node, ordered by node.</summary>
    IReadOnlyList<NodeStateRow> States();

    /// <summary>Number of stored messages (for reports and tests).</summary>
    long Count();
}
