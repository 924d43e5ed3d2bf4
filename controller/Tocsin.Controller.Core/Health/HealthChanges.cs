namespace Tocsin.Controller.Health;

/// <summary>What one snapshot of <see cref="NodeHealthTracker"/> saves (<see cref="NodeHealthTracker.TakeChanges"/>).</summary>
/// <param name="Groups">Each group (<see cref="HealthShard"/>) in which some node's health changed other than the time last seen, with all its nodes' records by id; groups in order.</param>
/// <param name="Seen">When each node was last seen (nodes never seen are left out).</param>
public sealed record HealthChanges(IReadOnlyList<(int Group, IReadOnlyList<NodeHealth> Nodes)> Groups, IReadOnlyList<(string NodeId, DateTimeOffset LastSeen)> Seen)
{
    /// <summary>The ids of every node in <see cref="Groups"/>.</summary>
    public IEnumerable<string> NodeIds => Groups.SelectMany(g => g.Nodes).Select(n => n.NodeId);
}
