namespace Tocsin.Controller.Mqtt;

/// <summary>What the broker needs to know about a connected node to apply its topic rules.</summary>
/// <param name="NodeId">The authenticated node id (its broker user name).</param>
/// <param name="CommunityId">Its community: it may read that community's area command topic.</param>
/// <param name="ListenedSensors">
/// Sensor nodes whose events this node may read (a broadcast node's local rules name them); empty for
/// none. The host fills it from the node's configuration, never from what the node asks for.
/// </param>
public sealed record NodeAclProfile(string NodeId, string CommunityId, IReadOnlySet<string> ListenedSensors)
{
    /// <summary>A profile with no listened sensors.</summary>
    public NodeAclProfile(string nodeId, string communityId)
        : this(nodeId, communityId, new HashSet<string>(StringComparer.Ordinal))
    {
    }
}
