namespace Tocsin.Controller.Health;

/// <summary>Whether a node is connected, as far as the controller can tell.</summary>
public enum Connectivity
{
    /// <summary>Nothing heard since the controller started tracking it.</summary>
    Unknown,

    /// <summary>Heard from recently, and its status says online.</summary>
    Online,

    /// <summary>Its status says offline (last will or clean), or its heartbeats stopped.</summary>
    Offline,
}
