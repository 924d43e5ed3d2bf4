using System;
using System.Device.Adc;
using nanoFramework.Hardware.Esp32;
using Tocsin.Firmware.Hardware;

namespace Tocsin.Firmware.Device;

/// <summary>
/// <see cref="IAnalogInput"/> on one ESP32 ADC1 channel, scaled from the 12-bit count to
/// millivolts at the signal source (before any resistor divider).
/// </summary>
/// <remarks>
/// With the 11 dB attenuation nanoFramework uses, the ESP32 ADC spans roughly 0..3.3 V but is
/// not linear near either rail: below ~0.15 V it reads 0 and above ~2.5 V it compresses. Size
/// dividers so the signal sits mid-range, and trim <c>fullScaleMv</c> per board against a meter.
/// </remarks>
public sealed class AdcAnalogInput : IAnalogInput
{
    private const int MaxCount = 4095;

    private readonly AdcChannel _channel;
    private readonly double _mvPerCount;

    /// <summary>
    /// Routes <paramref name="pin"/> to ADC1 <paramref name="channel"/> (0..7) and opens it.
    /// <paramref name="dividerRatio"/> is source volts per pin volt: 2.0 for a 1:1 divider on the
    /// battery, whose voltage exceeds the pin's range.
    /// </summary>
    /// <remarks>
    /// Only ADC1 channels 0..7 are accepted: nanoFramework's higher channel numbers are the
    /// internal sensors and ADC2, which the Wi-Fi radio owns while it is on.
    /// </remarks>
    public AdcAnalogInput(
        AdcController controller, int pin, int channel, int fullScaleMv = 3300, double dividerRatio = 1.0)
    {
        if (channel < 0 || channel > 7)
        {
            throw new ArgumentOutOfRangeException(nameof(channel));
        }

        // ADC1_CH0..ADC1_CH7 are consecutive values in DeviceFunction.
        Configuration.SetPinFunction(pin, (DeviceFunction)((int)DeviceFunction.ADC1_CH0 + channel));
        _channel = controller.OpenChannel(channel);
        _mvPerCount = fullScaleMv * dividerRatio / MaxCount;
    }

    /// <inheritdoc />
    public bool TryReadMillivolts(out int millivolts)
    {
        try
        {
            int raw = _channel.ReadValue();
            millivolts = (int)(raw * _mvPerCount + 0.5);
            return true;
        }
        catch (Exception)
        {
            millivolts = 0;
            return false;
        }
    }
}
