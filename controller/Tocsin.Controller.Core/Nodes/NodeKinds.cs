namespace Tocsin.Controller.Nodes;

/// <summary>Text forms of <see cref="NodeKind"/> as the status payload carries them ("sensor", "broadcast").</summary>
public static class NodeKinds
{
    /// <summary>The payload and API word.</summary>
    public static string ToText(NodeKind kind) => kind == NodeKind.Broadcast ? "broadcast" : "sensor";

    /// <summary>The id prefix: "sn" or "bn".</summary>
    public static string IdPrefix(NodeKind kind) => kind == NodeKind.Broadcast ? "bn" : "sn";

    /// <summary>Parses "sensor" or "broadcast".</summary>
    public static bool TryParse(string? text, out NodeKind kind)
    {
        kind = text == "broadcast" ? NodeKind.Broadcast : NodeKind.Sensor;
        return text is "broadcast" or "sensor";
    }
}
