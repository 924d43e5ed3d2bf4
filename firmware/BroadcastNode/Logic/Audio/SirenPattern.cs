namespace Tocsin.Firmware.BroadcastNode.Audio;

/// <summary>
/// Siren patterns as tone frequency over time. Each is a pure function of the time since the
/// pattern started, so the tone follows virtual time exactly and costs nothing per tick.
/// </summary>
public static class SirenPattern
{
    /// <summary>No siren (voice clips only).</summary>
    public const int None = 0;

    /// <summary>Rising and falling 600-1200 Hz over 8 s: the usual attack/warning signal.</summary>
    public const int Wail = 1;

    /// <summary>A steady 900 Hz tone.</summary>
    public const int Steady = 2;

    /// <summary>Two tones, 1000 and 700 Hz, alternating every 0.5 s.</summary>
    public const int HiLo = 3;

    /// <summary>900 Hz, one second on, one second off.</summary>
    public const int Pulse = 4;

    /// <summary>A low 400 Hz burst for the growl test.</summary>
    public const int Growl = 5;

    /// <summary>Not a pattern.</summary>
    public const int Unknown = -1;

    private const int WailLowHz = 600;
    private const int WailSpanHz = 600;
    private const long WailHalfCycleMs = 4000;

    /// <summary>Parses "none", "wail", "steady", "hilo", "pulse"; <see cref="Unknown"/> otherwise.</summary>
    public static int Parse(string text)
    {
        if (text == "none")
        {
            return None;
        }

        if (text == "wail")
        {
            return Wail;
        }

        if (text == "steady")
        {
            return Steady;
        }

        if (text == "hilo")
        {
            return HiLo;
        }

        return text == "pulse" ? Pulse : Unknown;
    }

    /// <summary>The pattern's name.</summary>
    public static string ToText(int pattern)
    {
        switch (pattern)
        {
            case Wail:
                return "wail";
            case Steady:
                return "steady";
            case HiLo:
                return "hilo";
            case Pulse:
                return "pulse";
            case Growl:
                return "growl";
            default:
                return "none";
        }
    }

    /// <summary>The frequency in Hz at <paramref name="elapsedMs"/> into the pattern; 0 is a silent gap.</summary>
    public static int FrequencyAt(int pattern, long elapsedMs)
    {
        if (elapsedMs < 0)
        {
            return 0;
        }

        switch (pattern)
        {
            case Wail:
                long phase = elapsedMs % (2 * WailHalfCycleMs);
                long rising = phase < WailHalfCycleMs ? phase : (2 * WailHalfCycleMs) - phase;
                return WailLowHz + (int)(rising * WailSpanHz / WailHalfCycleMs);
            case Steady:
                return 900;
            case HiLo:
                return (elapsedMs / 500) % 2 == 0 ? 1000 : 700;
            case Pulse:
                return (elapsedMs / 1000) % 2 == 0 ? 900 : 0;
            case Growl:
                return 400;
            default:
                return 0;
        }
    }
}
