using System.Device.Pwm;
using nanoFramework.Hardware.Esp32;

namespace Tocsin.Firmware.Device;

/// <summary>
/// A square-wave tone on one pin (local piezo, or a test tone into the amplifier's line input)
/// through the ESP32's LEDC PWM. Not behind a core interface yet.
/// </summary>
/// <remarks>
/// nanoframework.md lists only <c>PwmChannel.CreateFromPin</c>; <c>Start()</c>, <c>Stop()</c> and
/// the <c>Frequency</c> property are assumed from the standard System.Device.Pwm API.
/// </remarks>
public sealed class PwmToneOutput
{
    private readonly PwmChannel _channel;

    /// <summary>
    /// Routes <paramref name="pin"/> to <paramref name="pwmFunction"/> (PWM1 by default; each
    /// tone pin needs its own) and prepares a <paramref name="frequencyHz"/> tone, stopped.
    /// A 50 % duty cycle gives a square wave its strongest fundamental, the loudest tone a
    /// piezo makes at a given voltage.
    /// </summary>
    public PwmToneOutput(int pin, int frequencyHz, DeviceFunction pwmFunction = DeviceFunction.PWM1)
    {
        // The LEDC channel must be routed to the pin before the channel is created.
        Configuration.SetPinFunction(pin, pwmFunction);
        _channel = PwmChannel.CreateFromPin(pin, frequencyHz, 0.5);
    }

    /// <summary>True while the tone is playing.</summary>
    public bool IsRunning { get; private set; }

    /// <summary>Starts the tone.</summary>
    public void Start()
    {
        _channel.Start();
        IsRunning = true;
    }

    /// <summary>Stops the tone.</summary>
    public void Stop()
    {
        _channel.Stop();
        IsRunning = false;
    }

    /// <summary>Changes the pitch (a two-tone siren alternates this), running or not.</summary>
    public void SetFrequency(int frequencyHz) => _channel.Frequency = frequencyHz;
}
