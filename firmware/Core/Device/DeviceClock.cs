using System;
using Tocsin.Firmware.Hardware;

namespace Tocsin.Firmware.Device;

/// <summary>
/// <see cref="IClock"/> on the board. Monotonic time is <c>Environment.TickCount64</c> (provided
/// by nanoFramework.Runtime.Native, not listed in nanoframework.md: verify on first build); the
/// wall clock is not used for it because it jumps when SNTP sets the time.
/// </summary>
public sealed class DeviceClock : IClock
{
    // The ESP32 RTC starts at 1970 after a cold boot and is set by SNTP once the network is up;
    // a year before the firmware was written therefore means "not synchronized yet".
    private const int MinTrustedYear = 2024;
    private const long UnixEpochTicks = 621355968000000000L;
    private const long TicksPerMs = 10000L;

    /// <inheritdoc />
    public long MonotonicMs() => Environment.TickCount64;

    /// <inheritdoc />
    public bool TryGetUtcMs(out long utcMs)
    {
        DateTime now = DateTime.UtcNow;
        if (now.Year < MinTrustedYear)
        {
            utcMs = 0;
            return false;
        }

        utcMs = (now.Ticks - UnixEpochTicks) / TicksPerMs;
        return true;
    }
}
