using Tocsin.Controller.Health;
using Tocsin.Controller.Storage;

namespace Tocsin.Controller.Engine;

/// <summary>
/// How node health is kept in the state store: the nodes in <see cref="Groups"/> groups by id
/// (<see cref="HealthShard"/>), one document per group ("health/NN"), rewritten only when some node in
/// it changed other than the time it was last seen, and one document of when every node was last seen
/// ("health-seen"), rewritten with every snapshot. A single document of every node's whole record was
/// rewritten every snapshot although nearly every node had changed only the time it was last seen
/// (megabytes at 10,000 nodes, every five minutes); a document per node was slower still whenever
/// every node's battery reading fell due together (10,000 rows). The number of groups is part of the
/// format: loading reads every "health/" document whatever the number it was saved with.
/// </summary>
internal sealed class HealthStore
{
    /// <summary>Names of the groups' documents start with this.</summary>
    public const string GroupPrefix = "health/";

    /// <summary>How many groups nodes are saved in.</summary>
    public const int Groups = 64;

    /// <summary>The document of when each node was last seen.</summary>
    public const string SeenDoc = "health-seen";

    // The whole-health document earlier versions saved: read once, then replaced by per-node ones.
    private const string LegacyDoc = "health";

    private readonly IStateStore _state;
    private bool _legacyPresent;

    public HealthStore(IStateStore state)
    {
        _state = state;
    }

    /// <summary>The health as last saved: the older whole document if present, the groups' documents over it, and the times last seen over both.</summary>
    public NodeHealthTracker Load()
    {
        var nodes = new Dictionary<string, NodeHealth>(StringComparer.Ordinal);
        HealthSnapshot? legacy = _state.Read<HealthSnapshot>(LegacyDoc, JsonDefaults.Snapshot);
        foreach (NodeHealth n in legacy?.Nodes ?? [])
        {
            nodes[n.NodeId] = n;
        }

        foreach (string name in _state.Names(GroupPrefix))
        {
            foreach (NodeHealth n in _state.Read<HealthSnapshot>(name, JsonDefaults.Snapshot)?.Nodes ?? [])
            {
                nodes[n.NodeId] = n;
            }
        }

        // Saved with every snapshot, so never older than a group's document; the later of the two is
        // taken all the same.
        foreach (var (id, ms) in _state.Read<Dictionary<string, long>>(SeenDoc, JsonDefaults.Snapshot) ?? [])
        {
            DateTimeOffset seen = DateTimeOffset.FromUnixTimeMilliseconds(ms);
            if (nodes.TryGetValue(id, out NodeHealth? n) && (n.LastSeen is not DateTimeOffset saved || saved < seen))
            {
                nodes[id] = n with { LastSeen = seen };
            }
        }

        NodeHealthTracker tracker = NodeHealthTracker.FromSnapshot(new HealthSnapshot(nodes.Values.OrderBy(n => n.NodeId, StringComparer.Ordinal).ToList()));
        _legacyPresent = legacy != null;
        if (_legacyPresent)
        {
            // Saved again group by group at the next snapshot, which also drops the old document.
            tracker.MarkAllChanged();
        }

        return tracker;
    }

    /// <summary>Adds a snapshot's health documents to <paramref name="documents"/>, and the older whole document to <paramref name="deletions"/> while it remains.</summary>
    public void AddTo(SerializedHealth health, List<(string Name, ReadOnlyMemory<byte> Json)> documents, List<string> deletions)
    {
        foreach (var (group, json) in health.Groups)
        {
            documents.Add((GroupPrefix + group.ToString("D2", System.Globalization.CultureInfo.InvariantCulture), json));
        }

        documents.Add((SeenDoc, health.Seen));
        if (_legacyPresent)
        {
            deletions.Add(LegacyDoc);
        }
    }

    /// <summary>Notes that the documents added last were written.</summary>
    public void Saved() => _legacyPresent = false;
}
