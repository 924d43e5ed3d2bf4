namespace Tocsin.Firmware.Hardware;

/// <summary>Raised by a digital input on a level change; <paramref name="atMs"/> is monotonic time.</summary>
public delegate void DigitalEdgeHandler(IDigitalInput sender, bool rising, long atMs);
