namespace Tocsin.Firmware.Security;

/// <summary>Outcome of checking a command sequence number against the replay window.</summary>
public enum ReplayCheck
{
    /// <summary>Never seen and inside or ahead of the window: may be accepted.</summary>
    Fresh = 0,

    /// <summary>Already accepted once (a replay, or an MQTT redelivery).</summary>
    Seen = 1,

    /// <summary>Older than the window can remember: refused, since it cannot be proven unseen.</summary>
    TooOld = 2,
}
