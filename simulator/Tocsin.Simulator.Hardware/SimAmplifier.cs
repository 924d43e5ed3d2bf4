namespace Tocsin.Simulator.Hardware;

/// <summary>
/// The amplifier and its speaker lines as the current sense sees them: idle current while its power
/// relay's contact is closed, plus load current per closed zone while audio (tone or clip) reaches
/// it — a smaller current for the inaudible pilot tone. Faults: a dead amplifier (no current at
/// all) and open speaker lines per zone.
/// </summary>
public sealed class SimAmplifier
{
    /// <summary>Tones at or above this are the supervision pilot.</summary>
    public const int PilotFromHz = 15000;

    private readonly SimDigitalOutput _power;
    private readonly SimDigitalOutput[] _zones;
    private readonly SimToneOutput _tone;
    private readonly SimClipPlayer _player;

    /// <summary>Wires the amplifier to its relays, tone output and clip player.</summary>
    public SimAmplifier(SimDigitalOutput power, SimDigitalOutput[] zones, SimToneOutput tone, SimClipPlayer player)
    {
        _power = power;
        _zones = zones;
        _tone = tone;
        _player = player;
        LineOpen = new bool[zones.Length];
        Sense = new SimAnalogInput(() => (int)((long)CurrentMa * MvPerA / 1000));
    }

    /// <summary>Quiescent current while powered, mA.</summary>
    public int IdleMa { get; set; } = 120;

    /// <summary>Extra current per sounding zone with audio, mA.</summary>
    public int LoadMaPerZone { get; set; } = 450;

    /// <summary>Extra current per zone carrying the pilot tone, mA.</summary>
    public int PilotMaPerZone { get; set; } = 60;

    /// <summary>Sensor gain, mV per A at the ADC pin.</summary>
    public int MvPerA { get; set; } = 1000;

    /// <summary>A dead amplifier draws nothing and passes nothing.</summary>
    public bool Dead { get; set; }

    /// <summary>Open speaker line per zone (cut cable, blown horn).</summary>
    public bool[] LineOpen { get; }

    /// <summary>The current-sense ADC channel.</summary>
    public SimAnalogInput Sense { get; }

    /// <summary>True while audio (tone below the pilot range, or a clip) is fed to the amplifier.</summary>
    public bool AudibleInput => (_tone.FrequencyHz > 0 && _tone.FrequencyHz < PilotFromHz) || _player.IsPlaying;

    /// <summary>True while sound actually reaches at least one speaker.</summary>
    public bool Audible
    {
        get
        {
            if (!_power.ContactClosed || Dead || !AudibleInput)
            {
                return false;
            }

            for (int z = 0; z < _zones.Length; z++)
            {
                if (_zones[z].ContactClosed && !LineOpen[z])
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The supply current now, mA.</summary>
    public int CurrentMa
    {
        get
        {
            if (!_power.ContactClosed || Dead)
            {
                return 0;
            }

            bool audio = AudibleInput;
            bool pilot = !audio && _tone.FrequencyHz >= PilotFromHz;
            int ma = IdleMa;
            for (int z = 0; z < _zones.Length; z++)
            {
                if (_zones[z].ContactClosed && !LineOpen[z])
                {
                    ma += audio ? LoadMaPerZone : (pilot ? PilotMaPerZone : 0);
                }
            }

            return ma;
        }
    }
}
