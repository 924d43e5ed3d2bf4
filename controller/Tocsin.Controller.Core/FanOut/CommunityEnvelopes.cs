namespace Tocsin.Controller.FanOut;

/// <summary>What to publish for one community: each envelope once, on the community's area command topic.</summary>
/// <param name="CommunityId">The community.</param>
/// <param name="Topic">"tocsin/v1/area/{community}/cmd" (QoS 1, never retained).</param>
/// <param name="NodeIds">The speakers addressed, in envelope order.</param>
/// <param name="Envelopes">Signed envelopes of at most 100 MACs each.</param>
/// <param name="NodesPerEnvelope">MACs in every envelope but the last (envelopes are filled in <paramref name="NodeIds"/> order).</param>
public sealed record CommunityEnvelopes(string CommunityId, string Topic, IReadOnlyList<string> NodeIds, IReadOnlyList<byte[]> Envelopes, int NodesPerEnvelope = int.MaxValue)
{
    /// <summary>
    /// The speakers whose MAC envelope <paramref name="index"/> carries. A node ignores an envelope
    /// without its MAC, so a broker that can address members one by one need only give each node
    /// its own envelope.
    /// </summary>
    public IReadOnlyList<string> MembersOf(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        if (NodesPerEnvelope == 1)
        {
            return index < NodeIds.Count ? [NodeIds[index]] : [];
        }

        long start = (long)index * NodesPerEnvelope;
        if (start >= NodeIds.Count)
        {
            return [];
        }

        int count = (int)Math.Min(NodesPerEnvelope, NodeIds.Count - start);
        return start == 0 && count == NodeIds.Count ? NodeIds : NodeIds.Skip((int)start).Take(count).ToList();
    }
}
