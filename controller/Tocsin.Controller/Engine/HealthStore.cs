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
/// format: a version that changes it must delete the documents of the old number, which loading would
/// otherwise read as well. Times last seen are kept to the millisecond.
/// </summary>
internal sealed class HealthStore
{
    /// <summary>Names of the groups' documents start with this.</summary>
    public const string GroupPrefix = "health/";

    /// <summary>How many groups nodes are saved in.</summary>
    public const int Groups = 64;

    /// <summary>The document of when each node was last seen.</summary>
    public const string SeenDoc = "health-seen";

    // The whole-health document earlier versions saved: read once, then replaced by the groups.
    private const string LegacyDoc = "health";

    private readonly IStateStore _state;
    private bool _legacyPresent;

    public HealthStore(IStateStore state)
    {
        _state = state;
    }

    /// <summary>
    /// The health as last saved: the groups' documents with the times last seen over them; or, when the
    /// whole-health document of an earlier version is present, that document over the groups (it was
    /// written after them, by that version, which wrote no times last seen either).
    /// </summary>
    public NodeHealthTracker Load()
    {
        var nodes = new Dictionary<string, NodeHealth>(StringComparer.Ordinal);
        foreach (string name in _state.Names(GroupPrefix))
        {
            foreach (NodeHealth n in _state.Read<HealthSnapshot>(name, JsonDefaults.Snapshot)?.Nodes ?? [])
            {
                nodes[n.NodeId] = n;
            }
        }

        HealthSnapshot? legacy = _state.Read<HealthSnapshot>(LegacyDoc, JsonDefaults.Snapshot);
        if (legacy != null)
        {
            foreach (NodeHealth n in legacy.Nodes)
            {
                nodes[n.NodeId] = n;
            }
        }
        else
        {
            // Written with every snapshot, with the groups it wrote: the times last seen are these, also
            // when the clock was set back since a group was written (a group keeps the time before).
            foreach (var (id, ms) in _state.Read<Dictionary<string, long>>(SeenDoc, JsonDefaults.Snapshot) ?? [])
            {
                if (nodes.TryGetValue(id, out NodeHealth? n))
                {
                    nodes[id] = n with { LastSeen = DateTimeOffset.FromUnixTimeMilliseconds(ms) };
                }
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
