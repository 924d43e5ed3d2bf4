using Tocsin.Firmware.Hardware;

namespace Tocsin.Simulator.Hardware;

/// <summary>A PWM tone output: remembers the frequency and counts how often it was started.</summary>
public sealed class SimToneOutput : IToneOutput
{
    /// <inheritdoc />
    public int FrequencyHz { get; private set; }

    /// <summary>Times the output went from silent to sounding.</summary>
    public int StartCount { get; private set; }

    /// <summary>Frequency changes (siren sweeps change it often).</summary>
    public int ChangeCount { get; private set; }

    /// <inheritdoc />
    public void SetTone(int frequencyHz)
    {
        int hz = frequencyHz < 0 ? 0 : frequencyHz;
        if (hz != FrequencyHz)
        {
            ChangeCount++;
            if (FrequencyHz == 0)
            {
                StartCount++;
            }
        }

        FrequencyHz = hz;
    }

    /// <inheritdoc />
    public void Off() => SetTone(0);
}
