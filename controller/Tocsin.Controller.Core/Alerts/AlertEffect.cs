namespace Tocsin.Controller.Alerts;

/// <summary>What the host must send after a successful transition (see FanOut.FanOutPlanner).</summary>
public enum AlertEffect
{
    /// <summary>Nothing to send.</summary>
    None,

    /// <summary>Send the current version as a broadcast command.</summary>
    Broadcast,

    /// <summary>Cancel the previous version on the nodes, then broadcast the current version.</summary>
    BroadcastUpdate,

    /// <summary>Send a cancel for the version on air.</summary>
    Cancel,

    /// <summary>Send the all-clear, which also ends the version on air.</summary>
    AllClear,
}
