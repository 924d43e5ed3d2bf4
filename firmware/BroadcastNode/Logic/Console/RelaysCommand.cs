using Tocsin.Firmware.BroadcastNode.Chain;
using Tocsin.Firmware.Console;

namespace Tocsin.Firmware.BroadcastNode.Console;

/// <summary><c>relays</c>: the amplifier and zone relays as commanded and as their feedback reads, and the current now.</summary>
public sealed class RelaysCommand : IConsoleCommand
{
    private readonly BroadcastModule _module;

    /// <summary>Creates the command.</summary>
    public RelaysCommand(BroadcastModule module)
    {
        _module = module;
    }

    /// <inheritdoc />
    public string Name => "relays";

    /// <inheritdoc />
    public string Usage => "relays";

    /// <inheritdoc />
    public string Summary => "amplifier and zone relays: commanded, feedback, faults, current";

    /// <inheritdoc />
    public string Run(ConsoleArgs args, ConsoleOutput output)
    {
        if (args.Count != 1)
        {
            return "usage: " + Usage;
        }

        AmplifierChain c = _module.Chain;
        output.Field("sequence", ChainPhase.ToText(c.Phase));
        output.Field("amplifier", (c.AmplifierOn ? "on" : "off") + ((c.RelayFaultMask & AmplifierChain.AmplifierRelayBit) != 0 ? " RELAY FAULT (current after off)" : string.Empty)
            + (c.AmplifierFault ? " NO IDLE CURRENT" : string.Empty));
        for (int i = 0; i < c.ZoneCount; i++)
        {
            int feedback = c.ZoneFeedback(i);
            output.Field("zone " + (i + 1).ToString(), ((c.ClosedMask & (1 << i)) != 0 ? "closed" : "open")
                + " feedback=" + (feedback < 0 ? "-" : (feedback == 1 ? "closed" : "open"))
                + ((c.RelayFaultMask & (1 << i)) != 0 ? " FAULT" : string.Empty));
        }

        output.Field("current", _module.Sense.TryReadMa(out int ma) ? ma.ToString() + " mA" : "not available");
        return null;
    }
}
