namespace Tocsin.Controller.Health;

/// <summary>A change in a node's health worth telling operators about.</summary>
public enum HealthChangeKind
{
    /// <summary>Online again (or for the first time).</summary>
    CameOnline,

    /// <summary>Went offline.</summary>
    WentOffline,

    /// <summary>A fault appeared.</summary>
    FaultRaised,

    /// <summary>A fault cleared.</summary>
    FaultCleared,
}
