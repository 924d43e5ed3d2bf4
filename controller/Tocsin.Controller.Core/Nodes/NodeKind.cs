namespace Tocsin.Controller.Nodes;

/// <summary>What a node does. Its id prefix says it too: "sn-" for sensors, "bn-" for broadcast nodes.</summary>
public enum NodeKind
{
    /// <summary>A rain gauge and/or water depth sensor: publishes readings and level events.</summary>
    Sensor,

    /// <summary>A loudspeaker station: plays warnings, reports each broadcast's states.</summary>
    Broadcast,
}
