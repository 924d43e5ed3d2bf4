using System.Device.Gpio;
using Tocsin.Firmware.Hardware;

namespace Tocsin.Firmware.Device;

/// <summary>
/// <see cref="IDigitalOutput"/> on one GPIO pin (relay driver, amplifier enable, lamp), with the
/// active level chosen per wiring: many relay modules energize on a low input.
/// </summary>
public sealed class GpioDigitalOutput : IDigitalOutput
{
    private readonly GpioPin _pin;
    private readonly bool _activeHigh;

    /// <summary>
    /// Opens <paramref name="pin"/> as an output and drives it off at once.
    /// </summary>
    /// <remarks>
    /// As ESPHome does for relays, the initial (off) state is written right after pin setup, so a
    /// reboot never leaves a siren or zone relay energized. Between OpenPin and that write the
    /// pin may drive the ESP32's reset level (low) for well under a millisecond: a relay coil
    /// needs several ms to pull in, so it cannot click, but a fast logic input (amplifier enable)
    /// wired active-low could see the glitch; prefer active-high wiring there. During the
    /// bootloader, before this code runs, the pin floats: the board's pull resistor must hold
    /// each load off.
    /// </remarks>
    public GpioDigitalOutput(GpioController controller, int pin, bool activeHigh)
    {
        _activeHigh = activeHigh;
        _pin = controller.OpenPin(pin, PinMode.Output);
        Write(false);
    }

    /// <inheritdoc />
    public bool IsOn { get; private set; }

    /// <inheritdoc />
    public void Write(bool on)
    {
        _pin.Write(on == _activeHigh ? PinValue.High : PinValue.Low);
        IsOn = on;
    }
}
