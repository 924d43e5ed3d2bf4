namespace Tocsin.Firmware.BroadcastNode.Playback;

/// <summary>What one step of an activation's program does.</summary>
public static class StepKind
{
    /// <summary>Plays one clip on the player to its end (argument: clip number).</summary>
    public const int Clip = 1;

    /// <summary>Sounds a siren pattern for a time (argument: <see cref="Audio.SirenPattern"/>).</summary>
    public const int Siren = 2;

    /// <summary>Sends the inaudible pilot tone into one zone and measures its line (argument: Hz).</summary>
    public const int Pilot = 3;

    /// <summary>Asks the player for its status; passes when it answers (no chain needed).</summary>
    public const int PlayerCheck = 4;

    /// <summary>Text for logs and the test event.</summary>
    public static string ToText(int kind)
    {
        switch (kind)
        {
            case Clip:
                return "clip";
            case Siren:
                return "siren";
            case Pilot:
                return "pilot";
            case PlayerCheck:
                return "player_check";
            default:
                return "none";
        }
    }
}
