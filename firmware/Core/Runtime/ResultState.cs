namespace Tocsin.Firmware.Runtime;

/// <summary>
/// Command result states reported to the controller. Broadcast results use the GY/T 385 terminal
/// states (received, waiting, playing, succeeded, failed, cancelled) plus expired and preempted.
/// </summary>
public static class ResultState
{
    /// <summary>Verified and taken on.</summary>
    public const string Received = "received";

    /// <summary>Done (non-broadcast commands).</summary>
    public const string Done = "done";

    /// <summary>Not accepted; the reason says why.</summary>
    public const string Rejected = "rejected";

    /// <summary>Accepted but could not be carried out; the reason says why.</summary>
    public const string Failed = "failed";
}
