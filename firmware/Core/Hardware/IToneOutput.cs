namespace Tocsin.Firmware.Hardware;

/// <summary>
/// A square-wave tone into the amplifier input (PWM on the board): siren patterns, the growl test
/// and the inaudible line-supervision pilot. Changing the frequency is cheap, so a siren sweep may
/// set it on every tick.
/// </summary>
public interface IToneOutput
{
    /// <summary>The frequency sounding now in Hz; 0 when silent.</summary>
    int FrequencyHz { get; }

    /// <summary>Sounds <paramref name="frequencyHz"/> (50 % duty); 0 or less is the same as <see cref="Off"/>.</summary>
    void SetTone(int frequencyHz);

    /// <summary>Silences the output (duty 0, so the amplifier input sits at rest).</summary>
    void Off();
}
