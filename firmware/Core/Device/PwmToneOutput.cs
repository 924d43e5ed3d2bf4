using System.Device.Pwm;
using nanoFramework.Hardware.Esp32;
using Tocsin.Firmware.Hardware;

namespace Tocsin.Firmware.Device;

/// <summary>
/// <see cref="IToneOutput"/> on one pin through the ESP32's LEDC PWM: a square wave into the
/// amplifier's line input (sirens, growl test, supervision pilot).
/// </summary>
/// <remarks>
/// nanoframework.md lists only <c>PwmChannel.CreateFromPin</c>; <c>Start()</c>, the
/// <c>Frequency</c> and <c>DutyCycle</c> properties are assumed from the standard
/// System.Device.Pwm API. Silence is duty 0 on a running channel rather than <c>Stop()</c>, so the
/// pin is driven low (the amplifier input at rest) instead of left at whatever level a stopped
/// timer leaves it.
/// </remarks>
public sealed class PwmToneOutput : IToneOutput
{
    // A 50 % duty cycle gives a square wave its strongest fundamental: the loudest tone for the level.
    private const double ToneDuty = 0.5;
    private const int IdleFrequencyHz = 1000;

    private readonly PwmChannel _channel;

    /// <summary>
    /// Routes <paramref name="pin"/> to <paramref name="pwmFunction"/> (PWM1 by default; each tone
    /// pin needs its own) and starts the channel silent.
    /// </summary>
    public PwmToneOutput(int pin, DeviceFunction pwmFunction = DeviceFunction.PWM1)
    {
        // The LEDC channel must be routed to the pin before the channel is created.
        Configuration.SetPinFunction(pin, pwmFunction);
        _channel = PwmChannel.CreateFromPin(pin, IdleFrequencyHz, 0.0);
        _channel.Start();
    }

    /// <inheritdoc />
    public int FrequencyHz { get; private set; }

    /// <inheritdoc />
    public void SetTone(int frequencyHz)
    {
        if (frequencyHz <= 0)
        {
            Off();
            return;
        }

        // A siren sweep calls this every tick; rewriting an unchanged frequency would reprogram the
        // LEDC timer and glitch the waveform for nothing.
        if (frequencyHz != FrequencyHz)
        {
            _channel.Frequency = frequencyHz;
        }

        if (FrequencyHz == 0)
        {
            _channel.DutyCycle = ToneDuty;
        }

        FrequencyHz = frequencyHz;
    }

    /// <inheritdoc />
    public void Off()
    {
        if (FrequencyHz == 0)
        {
            return;
        }

        _channel.DutyCycle = 0.0;
        FrequencyHz = 0;
    }
}
