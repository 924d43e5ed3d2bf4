namespace Tocsin.Simulator.Scenarios;

/// <summary>Faults a scenario can inject.</summary>
public enum FaultType
{
    /// <summary>Nodes lose power (no DISCONNECT; the broker sends the will), and boot again after the duration.</summary>
    PowerLoss,

    /// <summary>Nodes reboot at once (software reset).</summary>
    Reboot,

    /// <summary>Nodes lose the network for the duration.</summary>
    NetworkCut,

    /// <summary>Every message has Amount percent chance of being lost for the duration.</summary>
    PacketLoss,

    /// <summary>Every message is delayed by Amount ms more (with the same jitter) for the duration.</summary>
    Delay,

    /// <summary>The broker restarts: every connection drops; it is down for Amount seconds.</summary>
    BrokerRestart,

    /// <summary>The controller (with its embedded broker) is killed without saving and restarts after Amount seconds.</summary>
    ControllerRestart,

    /// <summary>Node clocks run Amount seconds off.</summary>
    ClockSkew,

    /// <summary>A depth sensor fails: Mode silent, stuck, or drift by Amount mm.</summary>
    SensorFail,

    /// <summary>A relay is stuck open (Mode amp, zone1, zone2 ...): the speaker cannot sound through it.</summary>
    StuckRelay,

    /// <summary>The amplifier dies: relays click but nothing is heard.</summary>
    DeadAmplifier,

    /// <summary>The enclosure is opened.</summary>
    Tamper,

    /// <summary>An attacker replays the last command envelope recorded on the targets' community topics.</summary>
    Replay,

    /// <summary>An attacker sends a live broadcast command with a made-up MAC to the targets.</summary>
    Forge,

    /// <summary>A drain at the targets' low points clogs: only Amount (0-1) of its capacity is left.</summary>
    BlockedDrain,
}
