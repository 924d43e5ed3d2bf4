namespace Tocsin.Controller.Ingest;

/// <summary>What an outbox message's sequence number means for the controller.</summary>
public enum SequenceOutcome
{
    /// <summary>Not seen before in this epoch: store it.</summary>
    New,

    /// <summary>Seen before (a QoS 1 redelivery or the node's resend): drop it, but acknowledge again.</summary>
    Duplicate,

    /// <summary>
    /// From an epoch the node has already left (a delayed message from before its flash was wiped):
    /// not tracked and not acknowledged, so it cannot drag the tracker back into the old epoch.
    /// </summary>
    StaleEpoch,
}
