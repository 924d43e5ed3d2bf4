using Tocsin.Controller.Nodes;

namespace Tocsin.Controller.Mqtt;

/// <summary>
/// Per-node broker rules (docs/mqtt-contract.md). A node publishes only
/// <c>tocsin/v1/node/{itself}/{status|hb|report|event|result}</c>; it subscribes only to its own
/// <c>cmd</c> and <c>ack</c>, its community's <c>area/{community}/cmd</c>, and the <c>event</c> topic of
/// each sensor node it was explicitly allowed. Filters are matched literally: wildcards, shared
/// subscriptions (<c>$share/...</c>) and system topics are refused, since a node never needs them and
/// each would widen what it can read. Pure functions: the host's broker adapter calls them.
/// </summary>
public static class TopicAcl
{
    /// <summary>Whether <paramref name="nodeId"/> may publish to <paramref name="topic"/>, and why not.</summary>
    public static AclDecision CheckPublish(string nodeId, string topic)
    {
        if (!NodeIds.IsValid(nodeId))
        {
            return AclDecision.Deny("\"" + nodeId + "\" is not a node id");
        }

        if (HasForbiddenCharacters(topic, out string? why))
        {
            return AclDecision.Deny(why!);
        }

        // Every publish of every node comes here: the allowed case is checked without cutting the
        // topic into strings; only a refusal takes it apart to say why.
        if (IsOwnPublishTopic(nodeId, topic))
        {
            return AclDecision.Allow;
        }

        if (!Topics.TryParseNodeTopic(topic, out string? owner, out string? leaf))
        {
            return AclDecision.Deny("nodes publish only under " + Topics.Root + "/node/" + nodeId + "/");
        }

        if (owner != nodeId)
        {
            return AclDecision.Deny("topic belongs to node \"" + owner + "\"");
        }

        return Topics.NodePublishLeaves.Contains(leaf)
            ? AclDecision.Allow
            : AclDecision.Deny("\"" + leaf + "\" is not a topic nodes publish (status, hb, report, event, result)");
    }

    /// <summary>Whether the node of <paramref name="profile"/> may subscribe to <paramref name="filter"/>, and why not.</summary>
    public static AclDecision CheckSubscribe(NodeAclProfile profile, string filter)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (HasForbiddenCharacters(filter, out string? why))
        {
            return AclDecision.Deny(why!);
        }

        if (filter == Topics.NodeCommand(profile.NodeId) || filter == Topics.NodeAck(profile.NodeId)
            || filter == Topics.AreaCommand(profile.CommunityId))
        {
            return AclDecision.Allow;
        }

        if (Topics.TryParseNodeTopic(filter, out string? other, out string? leaf) && leaf == Topics.EventLeaf)
        {
            return profile.ListenedSensors.Contains(other) && NodeIds.IsValid(other, NodeKind.Sensor)
                ? AclDecision.Allow
                : AclDecision.Deny("events of \"" + other + "\" are not among the sensors this node listens to");
        }

        return AclDecision.Deny("nodes subscribe only to their own cmd and ack, their community's area cmd and listened sensors' events");
    }

    /// <summary>True when <paramref name="nodeId"/> may publish to <paramref name="topic"/>.</summary>
    public static bool MayPublish(string nodeId, string topic) => CheckPublish(nodeId, topic).Allowed;

    /// <summary>True when the node of <paramref name="profile"/> may subscribe to <paramref name="filter"/>.</summary>
    public static bool MaySubscribe(NodeAclProfile profile, string filter) => CheckSubscribe(profile, filter).Allowed;

    // True for exactly "tocsin/v1/node/{nodeId}/{leaf}" with a leaf nodes publish.
    private static bool IsOwnPublishTopic(string nodeId, string topic)
    {
        const string prefix = Topics.Root + "/node/";
        ReadOnlySpan<char> rest = topic;
        if (!rest.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        rest = rest[prefix.Length..];
        if (!rest.StartsWith(nodeId, StringComparison.Ordinal) || rest.Length <= nodeId.Length + 1 || rest[nodeId.Length] != '/')
        {
            return false;
        }

        ReadOnlySpan<char> leaf = rest[(nodeId.Length + 1)..];
        // By index: enumerating the list through its interface would allocate an enumerator per publish.
        IReadOnlyList<string> leaves = Topics.NodePublishLeaves;
        for (int i = 0; i < leaves.Count; i++)
        {
            if (leaf.SequenceEqual(leaves[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasForbiddenCharacters(string? topic, out string? why)
    {
        why = null;
        if (string.IsNullOrEmpty(topic))
        {
            why = "empty topic";
        }
        else if (topic.Contains('+', StringComparison.Ordinal) || topic.Contains('#', StringComparison.Ordinal))
        {
            why = "wildcards are not allowed for nodes";
        }
        else if (topic[0] == '$')
        {
            why = "system and shared-subscription topics are not allowed for nodes";
        }
        else if (topic.Contains('\0', StringComparison.Ordinal))
        {
            why = "NUL in topic";
        }

        return why != null;
    }
}
