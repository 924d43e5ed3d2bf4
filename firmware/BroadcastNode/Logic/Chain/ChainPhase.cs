namespace Tocsin.Firmware.BroadcastNode.Chain;

/// <summary>Where the amplifier chain's power-up/power-down sequence stands (constants with text).</summary>
public static class ChainPhase
{
    /// <summary>Amplifier and zones off.</summary>
    public const int Off = 0;

    /// <summary>Amplifier powered, waiting for it to settle before any zone closes (no thump in the speakers).</summary>
    public const int WarmingUp = 1;

    /// <summary>Zone relays closed, waiting for their contacts to settle before audio.</summary>
    public const int ClosingZones = 2;

    /// <summary>Amplifier on, the requested zones closed: audio may play.</summary>
    public const int Ready = 3;

    /// <summary>Audio stopped, waiting before zones open, so relays never switch under signal.</summary>
    public const int Draining = 4;

    /// <summary>Zone relays opened, waiting before the amplifier goes off or other zones close.</summary>
    public const int OpeningZones = 5;

    /// <summary>Amplifier power cut, waiting to confirm its current is gone.</summary>
    public const int Cooling = 6;

    /// <summary>Text for the console and heartbeat.</summary>
    public static string ToText(int phase)
    {
        switch (phase)
        {
            case WarmingUp:
                return "warming_up";
            case ClosingZones:
                return "closing_zones";
            case Ready:
                return "ready";
            case Draining:
                return "draining";
            case OpeningZones:
                return "opening_zones";
            case Cooling:
                return "cooling";
            default:
                return "off";
        }
    }
}
