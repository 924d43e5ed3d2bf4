namespace Tocsin.Controller.FanOut;

/// <summary>The broadcast node's command kinds the fan-out sends (firmware BroadcastCommands).</summary>
public static class CommandKinds
{
    /// <summary>Play a warning: siren and clips.</summary>
    public const string Broadcast = "broadcast";

    /// <summary>Stop a broadcast (and remember the id, so one still on its way never sounds).</summary>
    public const string Cancel = "cancel";

    /// <summary>End a broadcast and play the all-clear.</summary>
    public const string AllClear = "allclear";
}
