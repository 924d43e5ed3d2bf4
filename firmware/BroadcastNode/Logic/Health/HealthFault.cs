namespace Tocsin.Firmware.BroadcastNode.Health;

/// <summary>The broadcast node's faults as bits, with the names used in events and heartbeats.</summary>
public static class HealthFault
{
    /// <summary>Mains power is absent (running on battery).</summary>
    public const int MainsLost = 1;

    /// <summary>Battery below bn.batt_low_mv.</summary>
    public const int BatteryLow = 2;

    /// <summary>Cabinet door open.</summary>
    public const int Tamper = 4;

    /// <summary>Amplifier drew no idle current after power-on.</summary>
    public const int Amplifier = 8;

    /// <summary>Clip player not answering.</summary>
    public const int Player = 16;

    /// <summary>A relay disagreed with its command (feedback, or current after amplifier off).</summary>
    public const int Relay = 32;

    /// <summary>The last supervised audio step showed no load current (speaker line).</summary>
    public const int Line = 64;

    /// <summary>Number of fault bits.</summary>
    public const int Count = 7;

    /// <summary>The bit of fault number <paramref name="index"/> (0-based).</summary>
    public static int Bit(int index) => 1 << index;

    /// <summary>The fault's name.</summary>
    public static string Name(int bit)
    {
        switch (bit)
        {
            case MainsLost:
                return "mains";
            case BatteryLow:
                return "battery_low";
            case Tamper:
                return "tamper";
            case Amplifier:
                return "amplifier";
            case Player:
                return "player";
            case Relay:
                return "relay";
            case Line:
                return "line";
            default:
                return "unknown";
        }
    }
}
