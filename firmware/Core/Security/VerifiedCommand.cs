namespace Tocsin.Firmware.Security;

/// <summary>
/// A command whose MAC and freshness were checked. It points into the received payload: handlers
/// parse their own "body" from <see cref="Payload"/> within [BodyStart, BodyStart + BodyLength).
/// </summary>
public sealed class VerifiedCommand
{
    /// <summary>The controller's id for this command (for a broadcast: the broadcast id).</summary>
    public string Id;

    /// <summary>The controller's sequence number, unique and increasing across all its commands.</summary>
    public long Seq;

    /// <summary>What to do: "ping", "config", "reboot", "broadcast", "cancel", ...</summary>
    public string Kind;

    /// <summary>One of <see cref="CommandMode"/>; covered by the MAC.</summary>
    public int Mode;

    /// <summary>When the controller issued it (UTC Unix ms).</summary>
    public long IssuedUtcMs;

    /// <summary>After this the command must not act (UTC Unix ms).</summary>
    public long ExpiresUtcMs;

    /// <summary>True when the node had trusted time and checked expiry against it.</summary>
    public bool FreshnessChecked;

    /// <summary>The whole received payload.</summary>
    public byte[] Payload;

    /// <summary>Where the "body" object starts in <see cref="Payload"/>; -1 when absent.</summary>
    public int BodyStart;

    /// <summary>Length in bytes of the "body" object; 0 when absent.</summary>
    public int BodyLength;

    /// <summary>Clears every field before reuse.</summary>
    public void Clear()
    {
        Id = null;
        Seq = 0;
        Kind = null;
        Mode = CommandMode.Unknown;
        IssuedUtcMs = 0;
        ExpiresUtcMs = 0;
        FreshnessChecked = false;
        Payload = null;
        BodyStart = -1;
        BodyLength = 0;
    }
}
