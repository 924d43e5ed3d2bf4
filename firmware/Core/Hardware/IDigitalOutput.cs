namespace Tocsin.Firmware.Hardware;

/// <summary>One GPIO output line (relay coil driver, amplifier enable, status lamp).</summary>
public interface IDigitalOutput
{
    /// <summary>Drives the line; true energizes the load (active level is the adapter's concern).</summary>
    void Write(bool on);

    /// <summary>The level last written.</summary>
    bool IsOn { get; }
}
