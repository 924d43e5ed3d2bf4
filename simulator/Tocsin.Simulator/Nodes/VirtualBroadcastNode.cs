using Tocsin.Firmware.BroadcastNode;
using Tocsin.Firmware.Hardware;
using Tocsin.Firmware.Runtime;
using Tocsin.Simulator.Hardware;

namespace Tocsin.Simulator.Nodes;

/// <summary>
/// A loudspeaker station: amplifier and zone relays, siren tone, clip player, current sense, mains
/// and battery, door, test and stop inputs. <see cref="Amplifier"/> says what residents would hear.
/// </summary>
public sealed class VirtualBroadcastNode : VirtualNode
{
    /// <summary>Creates the node with <paramref name="zones"/> speaker zones.</summary>
    public VirtualBroadcastNode(string id, long utcAtStartMs, int seed, Func<IMqttLink> linkFactory, int zones = 2)
        : base(id, utcAtStartMs, seed, linkFactory)
    {
        AmpRelay = new SimDigitalOutput("amp");
        Zones = Enumerable.Range(1, zones).Select(i => new SimDigitalOutput("zone" + i)).ToArray();
        Tone = new SimToneOutput();
        Player = new SimClipPlayer(Clock);
        LoadStandardClips(Player);
        Amplifier = new SimAmplifier(AmpRelay, Zones, Tone, Player);
        Mains = new SimDigitalInput(Clock, active: true);
        Door = new SimDigitalInput(Clock);
        TestButton = new SimDigitalInput(Clock);
        StopSwitch = new SimDigitalInput(Clock);
    }

    /// <summary>Amplifier power relay.</summary>
    public SimDigitalOutput AmpRelay { get; }

    /// <summary>Zone relays.</summary>
    public SimDigitalOutput[] Zones { get; }

    /// <summary>Siren tone output.</summary>
    public SimToneOutput Tone { get; }

    /// <summary>The clip player on its UART.</summary>
    public SimClipPlayer Player { get; }

    /// <summary>The amplifier and its lines: what is audible.</summary>
    public SimAmplifier Amplifier { get; }

    /// <summary>Mains present.</summary>
    public SimDigitalInput Mains { get; }

    /// <summary>Battery, mV.</summary>
    public SimAnalogInput Battery { get; } = new(12800);

    /// <summary>Door switch.</summary>
    public SimDigitalInput Door { get; }

    /// <summary>Local test button.</summary>
    public SimDigitalInput TestButton { get; }

    /// <summary>Local stop switch.</summary>
    public SimDigitalInput StopSwitch { get; }

    /// <summary>The module, while powered.</summary>
    public BroadcastModule? Module { get; private set; }

    /// <summary>
    /// The clip card every station is installed with: 1-20 short announcements (1 "this is a
    /// drill", 2 all-clear), 101-120 waterlogging, 201-220 rainstorm, 301-320 typhoon, 401-420 other
    /// hazards, each a 20-second message (the player reports a missing track, as a card without it would).
    /// </summary>
    public static void LoadStandardClips(SimClipPlayer player)
    {
        ArgumentNullException.ThrowIfNull(player);
        for (int k = 1; k <= 20; k++)
        {
            player.SetTrack(k, 8000);
            foreach (int series in new[] { 100, 200, 300, 400 })
            {
                player.SetTrack(series + k, 20_000);
            }
        }
    }

    /// <inheritdoc />
    protected override INodeModule CreateModule()
    {
        Module = new BroadcastModule(new BroadcastHardware
        {
            AmplifierPower = AmpRelay,
            Zones = Zones,
            ZoneFeedback = [],
            Tone = Tone,
            PlayerLine = Player,
            LoadCurrent = Amplifier.Sense,
            Mains = Mains,
            Battery = Battery,
            Tamper = Door,
            TestButton = TestButton,
            StopSwitch = StopSwitch,
            LevelSwitches = [],
        });
        return Module;
    }
}
