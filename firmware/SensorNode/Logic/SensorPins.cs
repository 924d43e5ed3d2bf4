namespace Tocsin.Firmware.SensorNode;

/// <summary>
/// The sensor node's pin map on an ESP32-WROOM-32 DevKit: the one source the device program uses,
/// mirrored by hardware/sensor-node/pin-map.md (a test checks the two agree). Strapping pins
/// (0, 2, 5, 12, 15) carry nothing that must be quiet at boot; ADC inputs are on ADC1 because ADC2
/// is unusable while Wi-Fi is on.
/// </summary>
public static class SensorPins
{
    /// <summary>Tipping-bucket reed switch to GND; internal pull-up plus external 10 kΩ and 100 nF.</summary>
    public const int RainGauge = 27;

    /// <summary>UART2 TX (COM2) to the ultrasonic sensor's RX (mode select; held for auto output).</summary>
    public const int UltrasonicTx = 17;

    /// <summary>UART2 RX (COM2) from the ultrasonic sensor's TX, 9600 8N1.</summary>
    public const int UltrasonicRx = 16;

    /// <summary>4–20 mA transducer shunt voltage (ADC1 channel 0, GPIO36/VP).</summary>
    public const int PressureAdc = 36;

    /// <summary>ADC1 channel of <see cref="PressureAdc"/>.</summary>
    public const int PressureAdcChannel = 0;

    /// <summary>Battery voltage through a 100 kΩ/100 kΩ divider (ADC1 channel 3, GPIO39/VN).</summary>
    public const int BatteryAdc = 39;

    /// <summary>ADC1 channel of <see cref="BatteryAdc"/>.</summary>
    public const int BatteryAdcChannel = 3;

    /// <summary>Solar charger STAT output, open drain, low while charging.</summary>
    public const int ChargingStatus = 25;

    /// <summary>Enclosure switch to GND, closed when the lid is shut (open lid reads high).</summary>
    public const int Tamper = 26;

    /// <summary>Switches the depth sensor's supply through a P-MOSFET (high = on).</summary>
    public const int SensorPower = 32;

    /// <summary>Status LED (on-board on most DevKits).</summary>
    public const int StatusLed = 2;

    /// <summary>Technician console TX (COM3), to a USB-serial cable; COM1 carries nanoFramework's wire protocol.</summary>
    public const int ConsoleTx = 4;

    /// <summary>Technician console RX (COM3).</summary>
    public const int ConsoleRx = 13;
}
