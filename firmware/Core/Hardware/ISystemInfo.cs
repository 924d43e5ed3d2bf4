namespace Tocsin.Firmware.Hardware;

/// <summary>Facts about the board the heartbeat and console report, and the one way to restart it.</summary>
public interface ISystemInfo
{
    /// <summary>Free managed heap in bytes.</summary>
    int FreeMemoryBytes();

    /// <summary>Wi-Fi signal in dBm, or 0 when not associated.</summary>
    int RssiDbm();

    /// <summary>Why the board last started: "power_on", "watchdog", "software", "brownout", "deep_sleep", "unknown".</summary>
    string BootReason { get; }

    /// <summary>A seed for jitter, from the hardware random source on the board.</summary>
    int RandomSeed();

    /// <summary>Restarts the board; on the desktop, the host restarts the node.</summary>
    void Reboot();
}
