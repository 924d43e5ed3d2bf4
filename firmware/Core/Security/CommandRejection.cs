namespace Tocsin.Firmware.Security;

/// <summary>
/// Why a command was not accepted; these words go to the log, the console and, where it helps
/// the operator, back to the controller as the command's result.
/// </summary>
public static class CommandRejection
{
    /// <summary>Not valid JSON or not the envelope shape; the detail says what.</summary>
    public const string Malformed = "malformed";

    /// <summary>The envelope version is not one this firmware knows.</summary>
    public const string UnsupportedVersion = "unsupported_version";

    /// <summary>The envelope holds no MAC for this node: meant for others (not an error).</summary>
    public const string NotAddressed = "not_addressed";

    /// <summary>The MAC for this node does not match: forged, altered, or the wrong key.</summary>
    public const string BadMac = "bad_mac";

    /// <summary>Accepted before (replay or redelivery).</summary>
    public const string Replayed = "replayed";

    /// <summary>Older than the replay window remembers.</summary>
    public const string TooOld = "too_old";

    /// <summary>Past its expiry time.</summary>
    public const string Expired = "expired";

    /// <summary>Issued further in the future than clock skew allows.</summary>
    public const string NotYetValid = "not_yet_valid";

    /// <summary>Valid for longer than the node allows any command to be.</summary>
    public const string LifetimeTooLong = "lifetime_too_long";

    /// <summary>The node has no synchronized time, so it cannot tell the command is fresh.</summary>
    public const string NoTrustedTime = "no_trusted_time";

    /// <summary>The replay window could not be written to flash, so acting would reopen it after a reboot.</summary>
    public const string StorageFailed = "storage_failed";

    /// <summary>Received as a retained message: never acted upon.</summary>
    public const string Retained = "retained";

    /// <summary>No handler on this node takes this kind of command.</summary>
    public const string UnknownKind = "unknown_kind";

    /// <summary>The node has no key yet (not provisioned).</summary>
    public const string NoKey = "no_key";
}
