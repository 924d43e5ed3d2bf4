namespace Tocsin.Firmware.BroadcastNode.Scheduling;

/// <summary>Where a held broadcast stands (constants; terminal states leave the slot).</summary>
public static class SlotStatus
{
    /// <summary>The slot is empty.</summary>
    public const int Free = 0;

    /// <summary>Accepted; waiting for its start time or for a higher-priority broadcast to end.</summary>
    public const int Waiting = 1;

    /// <summary>Has the amplifier chain: warming up, switching zones or sounding.</summary>
    public const int Active = 2;

    /// <summary>Was sounding and was interrupted by a higher priority; resumes if still valid.</summary>
    public const int Preempted = 3;

    /// <summary>Held over a reboot; may resume (live only, once) when trusted time proves it still valid.</summary>
    public const int Recovering = 4;

    /// <summary>Text for the console.</summary>
    public static string ToText(int status)
    {
        switch (status)
        {
            case Waiting:
                return "waiting";
            case Active:
                return "active";
            case Preempted:
                return "preempted";
            case Recovering:
                return "recovering";
            default:
                return "free";
        }
    }
}
