namespace Tocsin.Controller.FanOut;

/// <summary>
/// Where a command stands on one node, from its results: GY/T 385's terminal states (waiting, playing,
/// succeeded, failed, cancelled) plus the contract's received, done, expired, preempted and rejected.
/// </summary>
public enum DeliveryState
{
    /// <summary>Sent; no result yet.</summary>
    Pending,

    /// <summary>Verified and taken on.</summary>
    Received,

    /// <summary>Held: its start has not come or something more important is sounding.</summary>
    Waiting,

    /// <summary>Audio reaching the speakers.</summary>
    Playing,

    /// <summary>Played to the end with every check passed.</summary>
    Succeeded,

    /// <summary>Could not be played; the reason says why.</summary>
    Failed,

    /// <summary>Stopped by a cancel, an all-clear or a newer version.</summary>
    Cancelled,

    /// <summary>Its validity ended before it could finish.</summary>
    Expired,

    /// <summary>Interrupted by something more important; resumes if still valid.</summary>
    Preempted,

    /// <summary>Refused by the node; the reason says why.</summary>
    Rejected,

    /// <summary>A command without an activation of its own (cancel) was carried out.</summary>
    Done,
}
