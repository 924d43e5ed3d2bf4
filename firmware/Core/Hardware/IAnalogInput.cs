namespace Tocsin.Firmware.Hardware;

/// <summary>One ADC channel, already scaled by the adapter to millivolts at the pin.</summary>
public interface IAnalogInput
{
    /// <summary>Reads the channel now; returns false if the converter did not answer.</summary>
    bool TryReadMillivolts(out int millivolts);
}
