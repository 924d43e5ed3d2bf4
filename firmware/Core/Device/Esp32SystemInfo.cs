using System;
using nanoFramework.Hardware.Esp32;
using Tocsin.Firmware.Hardware;

namespace Tocsin.Firmware.Device;

/// <summary>
/// <see cref="ISystemInfo"/> on an ESP32: free heap, Wi-Fi signal, boot reason, a random seed and
/// the reboot call.
/// </summary>
public sealed class Esp32SystemInfo : ISystemInfo
{
    // nanoFramework's Random is seeded from the ESP32's hardware RNG (assumed; see README).
    private readonly Random _random = new Random();

    /// <summary>Reads the boot reason once: it describes this boot and cannot change.</summary>
    public Esp32SystemInfo()
    {
        BootReason = ReadBootReason();
    }

    /// <inheritdoc />
    public string BootReason { get; }

    /// <summary>
    /// The signal the Program last measured, in dBm (0: unknown or not associated). nanoframework.md
    /// lists no RSSI call for the current association (System.Device.Wifi reports RSSI only for
    /// scanned networks), so the Program sets this, e.g. from a scan, rather than this class guessing.
    /// </summary>
    public int LastRssiDbm { get; set; }

    /// <inheritdoc />
    public int FreeMemoryBytes()
    {
        // GC.Run returns the free managed bytes but runs a collection to count them. Callers are the
        // heartbeat (once per period: 60 s by default, never under 10 s) and console commands on
        // demand, so the pause is acceptable.
        return (int)nanoFramework.Runtime.Native.GC.Run(false);
    }

    /// <inheritdoc />
    public int RssiDbm() => LastRssiDbm;

    /// <inheritdoc />
    public int RandomSeed()
    {
        // Uptime is mixed in as a second source in case the generator's seed is weaker than
        // assumed; the golden-ratio multiply spreads its few changing low bits over the word.
        long ticks = Environment.TickCount64;
        return _random.Next() ^ unchecked((int)(ticks * 2654435761L));
    }

    /// <inheritdoc />
    public void Reboot()
    {
        // nanoFramework.Runtime.Native.Power.RebootDevice(): runs OnRebootEvent handlers, then resets.
        nanoFramework.Runtime.Native.Power.RebootDevice();
    }

    private static string ReadBootReason()
    {
        try
        {
            // Only the wake-up cause is exposed: a deep-sleep timer or pin wake shows as such;
            // everything else (power on, watchdog, brownout, software reset) reads "Undefined".
            // Telling those apart needs esp_reset_reason() from native code, which we do not have.
            return Sleep.GetWakeupCause() == Sleep.WakeupCause.Undefined ? "power_on" : "deep_sleep";
        }
        catch (Exception)
        {
            return "unknown";
        }
    }
}
