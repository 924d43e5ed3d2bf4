using System;
using System.Device.Gpio;
using Tocsin.Firmware.Hardware;

namespace Tocsin.Firmware.Device;

/// <summary>
/// <see cref="IPulseCounter"/> for the tipping bucket's reed switch (to ground, internal pull-up):
/// each falling edge is stamped with monotonic time into a 64-entry ring the loop drains.
/// </summary>
/// <remarks>
/// Stamps are taken when nanoFramework's managed GPIO event runs, a few ms after the interrupt;
/// tips are seconds apart even in record rain (0.2 mm at 300 mm/h: 2.4 s), so that jitter is
/// harmless. The ring holds raw edges, bounce included (several per tip); the sensor loop drains
/// it every tick, so 64 entries leave a wide margin.
/// </remarks>
public sealed class GpioPulseCounter : IPulseCounter
{
    private const int Capacity = 64;

    // The core applies its own lockout to reject bounce; a longer hardware filter here could
    // swallow a genuine second tip and the core would never know.
    private const int MaxDebounceMs = 5;

    private readonly object _lock = new object();
    private readonly long[] _times = new long[Capacity];
    private readonly GpioPin _pin;
    private readonly IClock _clock;
    private int _head;
    private int _count;
    private int _overflowCount;

    /// <summary>
    /// Opens <paramref name="pin"/> with the internal pull-up. <paramref name="debounceMs"/> is
    /// capped at 5 ms (0 disables the filter).
    /// </summary>
    public GpioPulseCounter(GpioController controller, int pin, int debounceMs, IClock clock)
    {
        _clock = clock;
        _pin = controller.OpenPin(pin, PinMode.InputPullUp);
        int ms = debounceMs < 0 ? 0 : (debounceMs > MaxDebounceMs ? MaxDebounceMs : debounceMs);
        _pin.DebounceTimeout = TimeSpan.FromMilliseconds(ms);
        _pin.ValueChanged += OnValueChanged;
    }

    /// <inheritdoc />
    public int OverflowCount
    {
        get
        {
            lock (_lock)
            {
                return _overflowCount;
            }
        }
    }

    /// <inheritdoc />
    public int DrainPulses(long[] pulseTimesMs)
    {
        lock (_lock)
        {
            int n = pulseTimesMs.Length < _count ? pulseTimesMs.Length : _count;
            for (int i = 0; i < n; i++)
            {
                pulseTimesMs[i] = _times[_head];
                _head = (_head + 1) % Capacity;
            }

            _count -= n;
            return n;
        }
    }

    // Runs on nanoFramework's GPIO event thread.
    private void OnValueChanged(object sender, PinValueChangedEventArgs e)
    {
        // The reed closes to ground: the falling edge is the tip; the release is not counted.
        if (e.ChangeType != PinEventTypes.Falling)
        {
            return;
        }

        long now = _clock.MonotonicMs();
        lock (_lock)
        {
            if (_count == Capacity)
            {
                _overflowCount++;
                return;
            }

            _times[(_head + _count) % Capacity] = now;
            _count++;
        }
    }
}
