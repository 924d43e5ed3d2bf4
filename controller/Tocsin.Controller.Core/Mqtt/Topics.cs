using System.Diagnostics.CodeAnalysis;

namespace Tocsin.Controller.Mqtt;

/// <summary>
/// The topic layout (docs/mqtt-contract.md), mirroring the firmware's <c>firmware/Core/Mqtt/Topics.cs</c>
/// so both sides build the same strings, plus the parsing the controller needs for what it receives.
/// </summary>
public static class Topics
{
    /// <summary>Versioned root of every Tocsin topic.</summary>
    public const string Root = "tocsin/v1";

    /// <summary>Retained online/offline status (also the last will).</summary>
    public const string StatusLeaf = "status";

    /// <summary>Periodic heartbeat, QoS 0.</summary>
    public const string HeartbeatLeaf = "hb";

    /// <summary>Periodic readings through the outbox.</summary>
    public const string ReportLeaf = "report";

    /// <summary>Events through the outbox.</summary>
    public const string EventLeaf = "event";

    /// <summary>Command results through the outbox.</summary>
    public const string ResultLeaf = "result";

    /// <summary>Commands to one node.</summary>
    public const string CommandLeaf = "cmd";

    /// <summary>The controller's cumulative acknowledgement of outbox messages.</summary>
    public const string AckLeaf = "ack";

    /// <summary>The leaves a node publishes on, under its own node prefix.</summary>
    public static IReadOnlyList<string> NodePublishLeaves { get; } = [StatusLeaf, HeartbeatLeaf, ReportLeaf, EventLeaf, ResultLeaf];

    private const string NodePrefix = Root + "/node/";
    private const string AreaPrefix = Root + "/area/";

    /// <summary>"tocsin/v1/node/{nodeId}/{leaf}".</summary>
    public static string Node(string nodeId, string leaf) => NodePrefix + nodeId + "/" + leaf;

    /// <summary>"tocsin/v1/area/{communityId}/cmd": one publish reaches every node of a community.</summary>
    public static string AreaCommand(string communityId) => AreaPrefix + communityId + "/" + CommandLeaf;

    /// <summary>"tocsin/v1/node/{nodeId}/cmd".</summary>
    public static string NodeCommand(string nodeId) => Node(nodeId, CommandLeaf);

    /// <summary>"tocsin/v1/node/{nodeId}/ack".</summary>
    public static string NodeAck(string nodeId) => Node(nodeId, AckLeaf);

    /// <summary>True for a topic on which commands arrive (node or area command topic), as the firmware decides it.</summary>
    public static bool IsCommandTopic(string? topic) => topic != null && topic.Length > Root.Length + 4
        && topic.StartsWith(Root + "/", StringComparison.Ordinal) && topic.EndsWith("/" + CommandLeaf, StringComparison.Ordinal);

    /// <summary>Splits "tocsin/v1/node/{node}/{leaf}" (exactly five levels, no empty ones).</summary>
    public static bool TryParseNodeTopic(string? topic, [NotNullWhen(true)] out string? nodeId, [NotNullWhen(true)] out string? leaf)
    {
        nodeId = null;
        leaf = null;
        if (topic == null || !topic.StartsWith(NodePrefix, StringComparison.Ordinal))
        {
            return false;
        }

        // Every message a node sends comes through here: one string for the node id, and the leaf as the
        // constant it matches (a new string only for a leaf nodes do not use).
        ReadOnlySpan<char> rest = topic.AsSpan(NodePrefix.Length);
        int slash = rest.IndexOf('/');
        if (slash <= 0 || slash == rest.Length - 1 || rest[(slash + 1)..].Contains('/'))
        {
            return false;
        }

        nodeId = rest[..slash].ToString();
        leaf = KnownLeaf(rest[(slash + 1)..]);
        return true;
    }

    /// <summary>The last level of <paramref name="topic"/>, as the leaf constant it matches where it matches one.</summary>
    public static string LeafOf(string topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        return KnownLeaf(topic.AsSpan(topic.LastIndexOf('/') + 1));
    }

    private static string KnownLeaf(ReadOnlySpan<char> leaf) =>
        leaf.SequenceEqual(HeartbeatLeaf) ? HeartbeatLeaf
        : leaf.SequenceEqual(ReportLeaf) ? ReportLeaf
        : leaf.SequenceEqual(EventLeaf) ? EventLeaf
        : leaf.SequenceEqual(ResultLeaf) ? ResultLeaf
        : leaf.SequenceEqual(StatusLeaf) ? StatusLeaf
        : leaf.SequenceEqual(AckLeaf) ? AckLeaf
        : leaf.SequenceEqual(CommandLeaf) ? CommandLeaf
        : leaf.ToString();

    /// <summary>Splits "tocsin/v1/area/{community}/cmd".</summary>
    public static bool TryParseAreaCommand(string? topic, [NotNullWhen(true)] out string? communityId)
    {
        communityId = null;
        string suffix = "/" + CommandLeaf;
        if (topic == null || !topic.StartsWith(AreaPrefix, StringComparison.Ordinal) || !topic.EndsWith(suffix, StringComparison.Ordinal)
            || topic.Length <= AreaPrefix.Length + suffix.Length)
        {
            return false;
        }

        string id = topic[AreaPrefix.Length..^suffix.Length];
        if (id.Contains('/', StringComparison.Ordinal))
        {
            return false;
        }

        communityId = id;
        return true;
    }
}
