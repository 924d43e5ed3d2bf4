using Tocsin.Firmware.Hardware;

namespace Tocsin.Simulator.Hardware;

/// <summary>Board facts for a virtual node; a reboot request is recorded for the host to carry out.</summary>
public sealed class SimSystemInfo : ISystemInfo
{
    /// <summary>Creates the board facts.</summary>
    public SimSystemInfo(int randomSeed, string bootReason = "power_on")
    {
        Seed = randomSeed;
        BootReason = bootReason;
    }

    /// <summary>The jitter seed handed to the firmware.</summary>
    public int Seed { get; set; }

    /// <summary>Free heap the node reports.</summary>
    public int FreeBytes { get; set; } = 60 * 1024;

    /// <summary>Signal the node reports.</summary>
    public int Rssi { get; set; } = -61;

    /// <summary>True once the firmware asked to reboot.</summary>
    public bool RebootRequested { get; private set; }

    /// <inheritdoc />
    public string BootReason { get; set; }

    /// <inheritdoc />
    public int FreeMemoryBytes() => FreeBytes;

    /// <inheritdoc />
    public int RssiDbm() => Rssi;

    /// <inheritdoc />
    public int RandomSeed() => Seed;

    /// <inheritdoc />
    public void Reboot() => RebootRequested = true;

    /// <summary>Clears the request after the host rebooted the node.</summary>
    public void AcknowledgeReboot(string bootReason)
    {
        RebootRequested = false;
        BootReason = bootReason;
    }
}
