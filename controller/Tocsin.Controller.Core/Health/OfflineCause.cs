namespace Tocsin.Controller.Health;

/// <summary>Why a node counts as offline.</summary>
public enum OfflineCause
{
    /// <summary>Not offline.</summary>
    None,

    /// <summary>Its retained status says offline: the broker published its last will, or it said so itself.</summary>
    Status,

    /// <summary>Nothing heard for three heartbeat periods (a clean disconnect sends no last will; a half-open link sends nothing).</summary>
    MissedHeartbeats,
}
