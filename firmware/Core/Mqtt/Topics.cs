namespace Tocsin.Firmware.Mqtt;

/// <summary>
/// The topic layout shared by nodes, controller and simulator (docs/mqtt-contract.md). Nodes publish
/// only under their own node prefix and read only their own command, ack and community topics;
/// the broker's per-node ACL enforces exactly this.
/// </summary>
public static class Topics
{
    /// <summary>Versioned root of every Tocsin topic.</summary>
    public const string Root = "tocsin/v1";

    /// <summary>Retained online/offline status (also the last will).</summary>
    public const string StatusLeaf = "status";

    /// <summary>Periodic heartbeat, QoS 0, not stored through outages.</summary>
    public const string HeartbeatLeaf = "hb";

    /// <summary>Periodic readings through the outbox.</summary>
    public const string ReportLeaf = "report";

    /// <summary>Events (level changes, faults) through the outbox.</summary>
    public const string EventLeaf = "event";

    /// <summary>Command results through the outbox.</summary>
    public const string ResultLeaf = "result";

    /// <summary>Commands to one node.</summary>
    public const string CommandLeaf = "cmd";

    /// <summary>The controller's cumulative acknowledgement of outbox messages.</summary>
    public const string AckLeaf = "ack";

    /// <summary>"tocsin/v1/node/{nodeId}/{leaf}".</summary>
    public static string Node(string nodeId, string leaf) => Root + "/node/" + nodeId + "/" + leaf;

    /// <summary>"tocsin/v1/area/{areaId}/cmd": one publish reaches every node of a community.</summary>
    public static string AreaCommand(string areaId) => Root + "/area/" + areaId + "/" + CommandLeaf;

    /// <summary>True for a topic on which commands arrive (node or area command topic).</summary>
    public static bool IsCommandTopic(string topic) => topic != null && topic.Length > Root.Length + 4
        && topic.StartsWith(Root + "/") && topic.EndsWith("/" + CommandLeaf);
}
