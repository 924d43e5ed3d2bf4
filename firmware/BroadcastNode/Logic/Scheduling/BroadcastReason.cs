namespace Tocsin.Firmware.BroadcastNode.Scheduling;

/// <summary>
/// Why a broadcast failed, ended or was refused. The words go to the controller; the codes (the
/// index in <see cref="Texts"/>) are what the handled-broadcast log stores in flash.
/// </summary>
public static class BroadcastReason
{
    /// <summary>Audio was sent but the amplifier drew no load current: a cut line, a dead speaker, no audio.</summary>
    public const string NoLoadCurrent = "no_load_current";

    /// <summary>The clip player did not answer status queries.</summary>
    public const string PlayerNotAnswering = "player_not_answering";

    /// <summary>A relay's feedback disagreed with its command (stuck open or welded).</summary>
    public const string RelayFault = "relay_fault";

    /// <summary>The local stop switch or the console's <c>stop</c> silenced it.</summary>
    public const string StoppedLocally = "stopped_locally";

    /// <summary>The amplifier drew no idle current after power-on: not powered or dead.</summary>
    public const string AmplifierFault = "amplifier_fault";

    /// <summary>The player reported a clip number that is not on its card.</summary>
    public const string ClipMissing = "clip_missing";

    /// <summary>The player reported another error while playing.</summary>
    public const string PlayerError = "player_error";

    /// <summary>The activation reached bn.max_activation_s and was cut.</summary>
    public const string MaxDuration = "max_duration";

    /// <summary>The node restarted while it was held and it could not (or may not) resume.</summary>
    public const string Rebooted = "rebooted";

    /// <summary>The node already holds as many broadcasts as it can, all more important.</summary>
    public const string QueueFull = "queue_full";

    /// <summary>A live command named a drill broadcast, or the other way round.</summary>
    public const string ModeConflict = "mode_conflict";

    /// <summary>This broadcast id was handled before; it never sounds twice.</summary>
    public const string AlreadyHandled = "already_handled";

    /// <summary>Replaced by a newer version of the same broadcast.</summary>
    public const string Superseded = "superseded";

    /// <summary>Ended by an all-clear.</summary>
    public const string AllClear = "all_clear";

    /// <summary>Ended by a cancel command.</summary>
    public const string Cancel = "cancel";

    /// <summary>An update older than the version already held.</summary>
    public const string Outdated = "outdated";

    /// <summary>The body was not what the command kind needs (the log says what).</summary>
    public const string Malformed = "malformed";

    /// <summary>A cancel named a broadcast this node never received (remembered, so it cannot sound later).</summary>
    public const string NotFound = "not_found";

    /// <summary>The command's mode does not fit its kind (a test that is not in test mode, a live test).</summary>
    public const string WrongMode = "wrong_mode";

    private static readonly string[] Texts =
    {
        null, NoLoadCurrent, PlayerNotAnswering, RelayFault, StoppedLocally, AmplifierFault, ClipMissing, PlayerError,
        MaxDuration, Rebooted, QueueFull, ModeConflict, AlreadyHandled, Superseded, AllClear, Cancel, Outdated, Malformed,
        NotFound, WrongMode,
    };

    /// <summary>The storage code of a reason (0 for null or an unknown word).</summary>
    public static int ToCode(string reason)
    {
        for (int i = 1; i < Texts.Length; i++)
        {
            if (Texts[i] == reason)
            {
                return i;
            }
        }

        return 0;
    }

    /// <summary>The reason for a storage code (null for 0 or an unknown code).</summary>
    public static string FromCode(int code) => code > 0 && code < Texts.Length ? Texts[code] : null;
}
