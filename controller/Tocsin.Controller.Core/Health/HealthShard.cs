namespace Tocsin.Controller.Health;

/// <summary>
/// Which of a fixed number of groups a node's health is saved in: the same node id gives the same
/// group in every process and build (FNV-1a over its characters; string hash codes change per process).
/// </summary>
public static class HealthShard
{
    /// <summary>The group of <paramref name="nodeId"/>, 0 to <paramref name="count"/> - 1.</summary>
    public static int Of(string nodeId, int count)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        uint hash = 2166136261;
        foreach (char c in nodeId)
        {
            hash = (hash ^ c) * 16777619;
        }

        return (int)(hash % (uint)count);
    }
}
