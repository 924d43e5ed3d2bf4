namespace Tocsin.Firmware.BroadcastNode;

/// <summary>
/// The broadcast node's pin map on an ESP32-WROOM-32 DevKit: the one source the device program
/// uses, mirrored by hardware/broadcast-node/pin-map.md (a test checks the two agree). Relay and
/// siren outputs avoid the strapping pins (0, 2, 5, 12, 15), which the bootloader drives or
/// samples at reset and which would click a relay or chirp the amplifier; analog inputs are on
/// ADC1 because ADC2 is unusable while Wi-Fi is on.
/// </summary>
public static class BroadcastPins
{
    /// <summary>Amplifier power relay K1 through the relay driver (high = amplifier chain powered).</summary>
    public const int AmplifierPower = 23;

    /// <summary>Speaker zone 1 relay K2 through the relay driver (high = zone connected).</summary>
    public const int Zone1 = 22;

    /// <summary>Speaker zone 2 relay K3 through the relay driver (high = zone connected).</summary>
    public const int Zone2 = 21;

    /// <summary>Optional speaker zone 3 relay K4 through the relay driver (high = zone connected).</summary>
    public const int Zone3 = 19;

    /// <summary>Optional speaker zone 4 relay K5 through the relay driver (high = zone connected).</summary>
    public const int Zone4 = 18;

    /// <summary>Siren and pilot tone (LEDC PWM square wave) into the RC low-pass and the amplifier's line input.</summary>
    public const int SirenPwm = 25;

    /// <summary>UART2 TX (COM2) to the DFPlayer's RX through a 1 kΩ series resistor, 9600 8N1.</summary>
    public const int PlayerTx = 17;

    /// <summary>UART2 RX (COM2) from the DFPlayer's TX.</summary>
    public const int PlayerRx = 16;

    /// <summary>DFPlayer BUSY (low while playing); input-only pin without internal pulls: 10 kΩ pull-up to 3V3.</summary>
    public const int PlayerBusy = 35;

    /// <summary>Amplifier supply current from the INA181 shunt amplifier (ADC1 channel 6, GPIO34).</summary>
    public const int AmpCurrentAdc = 34;

    /// <summary>ADC1 channel of <see cref="AmpCurrentAdc"/>.</summary>
    public const int AmpCurrentAdcChannel = 6;

    /// <summary>12 V battery bus through a 47 kΩ/10 kΩ divider (ratio 5.7) (ADC1 channel 3, GPIO39/VN).</summary>
    public const int BatteryAdc = 39;

    /// <summary>ADC1 channel of <see cref="BatteryAdc"/>.</summary>
    public const int BatteryAdcChannel = 3;

    /// <summary>Mains-present optocoupler on the PSU's DC output, pull-up, low while mains is on.</summary>
    public const int MainsPresent = 27;

    /// <summary>Cabinet door switch to GND, closed while the door is shut (open door reads high).</summary>
    public const int Door = 26;

    /// <summary>Local test push button to GND, pull-up, low while pressed.</summary>
    public const int TestButton = 32;

    /// <summary>Local stop switch (latching) to GND, pull-up, low while thrown.</summary>
    public const int StopSwitch = 33;

    /// <summary>Status LED (on-board on most DevKits; strapping pin, so nothing else on it).</summary>
    public const int StatusLed = 2;

    /// <summary>Technician console TX (COM3), to a USB-serial cable; COM1 carries nanoFramework's wire protocol.</summary>
    public const int ConsoleTx = 4;

    /// <summary>Technician console RX (COM3).</summary>
    public const int ConsoleRx = 13;
}
