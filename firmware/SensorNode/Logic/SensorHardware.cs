using Tocsin.Firmware.Hardware;

namespace Tocsin.Firmware.SensorNode;

/// <summary>
/// The sensor node's own hardware, handed over by the composition root. The depth sensor is either
/// an ultrasonic sensor on a UART (<see cref="DepthLine"/>) or a 4–20 mA pressure transducer on an
/// ADC (<see cref="PressureInput"/>), as the "depth.sensor" setting says; absent inputs are null.
/// </summary>
public sealed class SensorHardware
{
    /// <summary>The tipping bucket's reed switch.</summary>
    public IPulseCounter RainGauge;

    /// <summary>UART of an ultrasonic depth sensor (A02YYUW class), or null.</summary>
    public ISerialLine DepthLine;

    /// <summary>Shunt voltage of a 4–20 mA pressure transducer, or null.</summary>
    public IAnalogInput PressureInput;

    /// <summary>Battery voltage (after the divider, scaled to battery mV by the adapter), or null.</summary>
    public IAnalogInput BatteryInput;

    /// <summary>Charger status (active while charging), or null.</summary>
    public IDigitalInput ChargingInput;

    /// <summary>Enclosure switch (active when open), or null.</summary>
    public IDigitalInput TamperInput;
}
