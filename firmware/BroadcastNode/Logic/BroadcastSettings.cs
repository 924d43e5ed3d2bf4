using Tocsin.Firmware.Config;

namespace Tocsin.Firmware.BroadcastNode;

/// <summary>
/// The broadcast node's settings ("bn.*", docs/broadcast-node.md). Values are read when needed
/// (an activation, a check), never cached, so a console or remote change applies from the next
/// activation on. Settings marked remote can be changed by an authenticated "config" command.
/// </summary>
public sealed class BroadcastSettings
{
    /// <summary>Pre-authorized local rule slots.</summary>
    public const int RuleCount = 3;

    /// <summary>Most zones the hardware description may have.</summary>
    public const int MaxZones = 8;

    private readonly Settings _s;
    private readonly int[] _ruleSource = new int[RuleCount];
    private readonly int[] _ruleLevel = new int[RuleCount];
    private readonly int[] _ruleQuietS = new int[RuleCount];
    private readonly int[] _ruleClip = new int[RuleCount];
    private readonly int[] _ruleWarn = new int[RuleCount];
    private readonly int[] _ruleEveryMin = new int[RuleCount];

    /// <summary>Registers the settings in <paramref name="s"/>.</summary>
    public BroadcastSettings(Settings s)
    {
        _s = s;
        Zones = s.Register(SettingDefinition.Integer("bn.zones", 1, MaxZones, 2, "speaker zones wired (relays)"));
        WarmupMsIndex = s.Register(SettingDefinition.Integer("bn.warmup_ms", 0, 10000, 1500, "amplifier power-on to zone relays").AsRemote());
        InterlockMsIndex = s.Register(SettingDefinition.Integer("bn.interlock_ms", 20, 2000, 200, "settle time between relay steps and audio").AsRemote());
        MaxActivationS = s.Register(SettingDefinition.Integer("bn.max_activation_s", 10, 3600, 600, "longest any one activation may sound").AsRemote());
        SirenS = s.Register(SettingDefinition.Integer("bn.siren_s", 1, 300, 20, "siren length when a command gives none").AsRemote());
        Volume = s.Register(SettingDefinition.Integer("bn.volume", 0, 30, 25, "clip player volume (0-30)").AsRemote());
        DrillClip = s.Register(SettingDefinition.Integer("bn.clip_drill", 1, 2999, 1, "\"this is a drill\" opening clip").AsRemote());
        AllClearClip = s.Register(SettingDefinition.Integer("bn.clip_allclear", 1, 2999, 2, "all-clear clip").AsRemote());
        ClipMaxS = s.Register(SettingDefinition.Integer("bn.clip_max_s", 5, 900, 300, "a clip playing longer is cut").AsRemote());
        PlayerTimeoutMs = s.Register(SettingDefinition.Integer("bn.player_timeout_ms", 100, 5000, 1000, "clip player answer timeout"));
        AmpMinMa = s.Register(SettingDefinition.Integer("bn.amp_min_ma", 0, 5000, 50, "idle current proving the amplifier is powered (0 = no check)").AsRemote());
        LoadMinMa = s.Register(SettingDefinition.Integer("bn.load_min_ma", 1, 20000, 300, "load current proving audio reaches the speakers").AsRemote());
        PilotMinMa = s.Register(SettingDefinition.Integer("bn.pilot_min_ma", 1, 20000, 40, "silent test: pilot current proving a zone's line").AsRemote());
        PilotHz = s.Register(SettingDefinition.Integer("bn.pilot_hz", 15000, 25000, 20000, "silent test: inaudible pilot tone"));
        PilotMs = s.Register(SettingDefinition.Integer("bn.pilot_ms", 200, 5000, 1000, "silent test: pilot time per zone").AsRemote());
        GrowlMs = s.Register(SettingDefinition.Integer("bn.growl_ms", 200, 3000, 2000, "growl test burst (at most 3 s)").AsRemote());
        LoadCheckMs = s.Register(SettingDefinition.Integer("bn.load_check_ms", 200, 10000, 3000, "load current must show this soon in each step").AsRemote());
        SenseMvPerA = s.Register(SettingDefinition.Integer("bn.sense_mv_per_a", 10, 10000, 1000, "current sense: mV at the pin per ampere"));
        SenseOffsetMv = s.Register(SettingDefinition.Integer("bn.sense_offset_mv", 0, 3300, 0, "current sense: mV at the pin at zero current"));
        BatteryLowMv = s.Register(SettingDefinition.Integer("bn.batt_low_mv", 0, 60000, 11500, "battery low threshold (0 = no battery)").AsRemote());
        for (int i = 0; i < RuleCount; i++)
        {
            string p = "bn.rule" + (i + 1).ToString() + ".";
            _ruleSource[i] = s.Register(SettingDefinition.Text(p + "src", 1, 32, TextAlphabet.Identifier, "off", "sensor node id, 'local' (wired float switches) or 'off'").AsRemote());
            _ruleLevel[i] = s.Register(SettingDefinition.Integer(p + "level", 1, 4, 3, "fires at this level or above (1 blue .. 4 red)").AsRemote());
            _ruleQuietS[i] = s.Register(SettingDefinition.Integer(p + "quiet_s", 10, 86400, 300, "only after the controller was silent this long").AsRemote());
            _ruleClip[i] = s.Register(SettingDefinition.Integer(p + "clip", 1, 2999, 3, "clip to play").AsRemote());
            _ruleWarn[i] = s.Register(SettingDefinition.Integer(p + "warn", 1, 4, 2, "warning level to sound (1 IV blue .. 4 I red)").AsRemote());
            _ruleEveryMin[i] = s.Register(SettingDefinition.Integer(p + "every_min", 1, 1440, 60, "at most once per this many minutes").AsRemote());
        }
    }

    /// <summary>Index of bn.zones.</summary>
    public int Zones { get; }

    /// <summary>Index of bn.warmup_ms.</summary>
    public int WarmupMsIndex { get; }

    /// <summary>Index of bn.interlock_ms.</summary>
    public int InterlockMsIndex { get; }

    /// <summary>Index of bn.max_activation_s.</summary>
    public int MaxActivationS { get; }

    /// <summary>Index of bn.siren_s.</summary>
    public int SirenS { get; }

    /// <summary>Index of bn.volume.</summary>
    public int Volume { get; }

    /// <summary>Index of bn.clip_drill.</summary>
    public int DrillClip { get; }

    /// <summary>Index of bn.clip_allclear.</summary>
    public int AllClearClip { get; }

    /// <summary>Index of bn.clip_max_s.</summary>
    public int ClipMaxS { get; }

    /// <summary>Index of bn.player_timeout_ms.</summary>
    public int PlayerTimeoutMs { get; }

    /// <summary>Index of bn.amp_min_ma.</summary>
    public int AmpMinMa { get; }

    /// <summary>Index of bn.load_min_ma.</summary>
    public int LoadMinMa { get; }

    /// <summary>Index of bn.pilot_min_ma.</summary>
    public int PilotMinMa { get; }

    /// <summary>Index of bn.pilot_hz.</summary>
    public int PilotHz { get; }

    /// <summary>Index of bn.pilot_ms.</summary>
    public int PilotMs { get; }

    /// <summary>Index of bn.growl_ms.</summary>
    public int GrowlMs { get; }

    /// <summary>Index of bn.load_check_ms.</summary>
    public int LoadCheckMs { get; }

    /// <summary>Index of bn.sense_mv_per_a.</summary>
    public int SenseMvPerA { get; }

    /// <summary>Index of bn.sense_offset_mv.</summary>
    public int SenseOffsetMv { get; }

    /// <summary>Index of bn.batt_low_mv.</summary>
    public int BatteryLowMv { get; }

    /// <summary>The settings table.</summary>
    public Settings Table => _s;

    /// <summary>An integer setting's value as an int (all of ours fit).</summary>
    public int Get(int index) => (int)_s.GetNumber(index);

    /// <summary>A rule's source: a sensor node id, "local", or null when the rule is off.</summary>
    public string RuleSource(int rule)
    {
        string src = _s.GetText(_ruleSource[rule]);
        return src == null || src == "off" || src == "none" ? null : src;
    }

    /// <summary>A rule's threshold level (1 blue .. 4 red).</summary>
    public int RuleLevel(int rule) => Get(_ruleLevel[rule]);

    /// <summary>How long the controller must have been silent before the rule may act, ms.</summary>
    public long RuleQuietMs(int rule) => Get(_ruleQuietS[rule]) * 1000L;

    /// <summary>The rule's clip.</summary>
    public int RuleClip(int rule) => Get(_ruleClip[rule]);

    /// <summary>The warning level the rule sounds (1 IV .. 4 I).</summary>
    public int RuleWarn(int rule) => Get(_ruleWarn[rule]);

    /// <summary>Least time between two firings of the rule, ms.</summary>
    public long RuleIntervalMs(int rule) => Get(_ruleEveryMin[rule]) * 60000L;
}
