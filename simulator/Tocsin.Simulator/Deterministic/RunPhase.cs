namespace Tocsin.Simulator.Deterministic;

/// <summary>Where a deterministic run's main thread spends its wall time.</summary>
public enum RunPhase
{
    /// <summary>Rain, water, operator actions, faults, alert observation and sampling.</summary>
    World,

    /// <summary>Delivering due messages (and the controller's enqueueing of what arrives).</summary>
    Network,

    /// <summary>Firmware steps.</summary>
    Nodes,

    /// <summary>Handing node traffic to the network, watching speakers, scheduling.</summary>
    Flush,

    /// <summary>
    /// Controller rounds (ingest, rules, fan-out, timers, snapshots) beyond the nodes' steps: with rounds
    /// on their own thread, only the wait for a round that outlasted the steps; on one core, all of them.
    /// </summary>
    Controller,
}
