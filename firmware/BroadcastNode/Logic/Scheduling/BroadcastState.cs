namespace Tocsin.Firmware.BroadcastNode.Scheduling;

/// <summary>
/// Result states of a broadcast, after GY/T 385's terminal states plus expired and preempted
/// (docs/mqtt-contract.md). Codes are stored in flash; the text goes to the controller.
/// </summary>
public static class BroadcastState
{
    /// <summary>Verified and taken on.</summary>
    public const int Received = 0;

    /// <summary>Held: its start time has not come, or a higher-priority broadcast is sounding.</summary>
    public const int Waiting = 1;

    /// <summary>Audio is reaching the speakers.</summary>
    public const int Playing = 2;

    /// <summary>Played to the end with every check passed.</summary>
    public const int Succeeded = 3;

    /// <summary>Could not be played as asked; the reason says why.</summary>
    public const int Failed = 4;

    /// <summary>Stopped by a cancel, an all-clear or a newer version of itself.</summary>
    public const int Cancelled = 5;

    /// <summary>Its validity ended (or the activation hit the node's longest activation).</summary>
    public const int Expired = 6;

    /// <summary>Interrupted by a higher priority; it resumes if still valid.</summary>
    public const int Preempted = 7;

    /// <summary>Refused before it was taken on (mode conflict, already handled, malformed body).</summary>
    public const int Rejected = 8;

    /// <summary>The text sent to the controller.</summary>
    public static string ToText(int state)
    {
        switch (state)
        {
            case Received:
                return "received";
            case Waiting:
                return "waiting";
            case Playing:
                return "playing";
            case Succeeded:
                return "succeeded";
            case Failed:
                return "failed";
            case Cancelled:
                return "cancelled";
            case Expired:
                return "expired";
            case Preempted:
                return "preempted";
            default:
                return "rejected";
        }
    }
}
