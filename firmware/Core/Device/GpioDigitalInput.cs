using System;
using System.Device.Gpio;
using Tocsin.Firmware.Hardware;

namespace Tocsin.Firmware.Device;

/// <summary>
/// <see cref="IDigitalInput"/> on one GPIO pin (mains-present opto, door/tamper switch, test and
/// stop buttons), debounced by nanoFramework's pin filter.
/// </summary>
public sealed class GpioDigitalInput : IDigitalInput
{
    private readonly GpioPin _pin;
    private readonly bool _activeLow;
    private readonly IClock _clock;

    /// <summary>
    /// Opens <paramref name="pin"/> as an input. <paramref name="pullUp"/> enables the internal
    /// pull-up (a switch to ground then reads active low); GPIO34..39 have no internal pulls and
    /// need an external resistor. <paramref name="debounce"/> filters contact bounce
    /// (tens of ms suits buttons and reed/door switches). Edges are stamped with
    /// <paramref name="clock"/>'s monotonic time.
    /// </summary>
    public GpioDigitalInput(
        GpioController controller, int pin, bool pullUp, bool activeLow, TimeSpan debounce, IClock clock)
    {
        _activeLow = activeLow;
        _clock = clock;
        _pin = controller.OpenPin(pin, pullUp ? PinMode.InputPullUp : PinMode.Input);
        _pin.DebounceTimeout = debounce;
        _pin.ValueChanged += OnValueChanged;
    }

    /// <inheritdoc />
    public event DigitalEdgeHandler Edge;

    /// <inheritdoc />
    public bool Read() => (_pin.Read() == PinValue.High) != _activeLow;

    // Runs on nanoFramework's GPIO event thread, not the node loop: stamp and hand over only.
    private void OnValueChanged(object sender, PinValueChangedEventArgs e)
    {
        DigitalEdgeHandler handler = Edge;
        if (handler == null)
        {
            return;
        }

        // "Rising" for the core means "became active", which is a falling pin for active-low wiring.
        bool pinRose = e.ChangeType == PinEventTypes.Rising;
        handler(this, pinRose != _activeLow, _clock.MonotonicMs());
    }
}
