using Tocsin.Firmware.Hardware;

namespace Tocsin.Firmware.BroadcastNode;

/// <summary>
/// The broadcast node's own hardware, handed over by the composition root (device Program,
/// simulator, test). Inputs marked optional may be null when not fitted; the node then skips
/// the checks they allow and says so in its self-test.
/// </summary>
public sealed class BroadcastHardware
{
    /// <summary>Amplifier power relay.</summary>
    public IDigitalOutput AmplifierPower;

    /// <summary>Speaker zone relays, zone 1 first (bn.zones of them are used).</summary>
    public IDigitalOutput[] Zones;

    /// <summary>Optional: auxiliary contacts of the zone relays (active when closed); entries may be null.</summary>
    public IDigitalInput[] ZoneFeedback;

    /// <summary>Siren / pilot tone output (PWM) into the amplifier.</summary>
    public IToneOutput Tone;

    /// <summary>UART of the DFPlayer-class clip player (9600 8N1).</summary>
    public ISerialLine PlayerLine;

    /// <summary>Optional: the clip player's BUSY output (active while a clip plays).</summary>
    public IDigitalInput PlayerBusy;

    /// <summary>Optional: amplifier supply current sense (mV at the pin; see bn.sense_*).</summary>
    public IAnalogInput LoadCurrent;

    /// <summary>Optional: mains present (active when mains is on).</summary>
    public IDigitalInput Mains;

    /// <summary>Optional: battery voltage, scaled by the adapter to battery mV.</summary>
    public IAnalogInput Battery;

    /// <summary>Optional: cabinet door switch (active when open).</summary>
    public IDigitalInput Tamper;

    /// <summary>Optional: local test button (active while pressed): starts a silent test.</summary>
    public IDigitalInput TestButton;

    /// <summary>Optional: local stop switch (active while thrown): silences everything and holds it silent.</summary>
    public IDigitalInput StopSwitch;

    /// <summary>Optional: wired water-level float switches, lowest first (active when wet), for local rules.</summary>
    public IDigitalInput[] LevelSwitches;
}
