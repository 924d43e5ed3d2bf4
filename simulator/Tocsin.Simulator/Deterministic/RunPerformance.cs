namespace Tocsin.Simulator.Deterministic;

/// <summary>Wall-clock figures of a run (not part of the repeatable report).</summary>
public sealed record RunPerformance
{
    /// <summary>Whole run, seconds.</summary>
    public double WallSeconds { get; init; }

    /// <summary>Registering and provisioning, seconds.</summary>
    public double SetupSeconds { get; init; }

    /// <summary>Simulated seconds (scenario and settling).</summary>
    public double SimulatedSeconds { get; init; }

    /// <summary>Simulated seconds per wall second after setup.</summary>
    public double SpeedUp { get; init; }

    /// <summary>Firmware steps run.</summary>
    public long NodeSteps { get; init; }

    /// <summary>Of <see cref="NodeSteps"/>, those the controller's round thread took between its rounds (<see cref="SharedSlotSteps"/>).</summary>
    public long HelperSteps { get; init; }

    /// <summary>Messages delivered by the simulated network.</summary>
    public long Messages { get; init; }

    /// <summary>Messages per wall second after setup.</summary>
    public double MessagesPerSecond { get; init; }

    /// <summary>Nodes.</summary>
    public int Nodes { get; init; }

    /// <summary>Managed heap after setup, bytes.</summary>
    public long ManagedBytesAfterSetup { get; init; }

    /// <summary>Managed heap after setup per node, bytes.</summary>
    public long BytesPerNode { get; init; }

    /// <summary>Wall seconds per phase of the main loop.</summary>
    public IReadOnlyDictionary<string, double> PhaseSeconds { get; init; } = new Dictionary<string, double>();

    /// <summary>Controller rounds run (each takes what reached the controller since the one before).</summary>
    public long ControllerRounds { get; init; }

    /// <summary>Time in controller rounds, seconds (beside the nodes' steps when they run on their own thread).</summary>
    public double ControllerRoundSeconds { get; init; }

    /// <summary>Peak working set of the process, bytes.</summary>
    public long PeakWorkingSetBytes { get; init; }

    /// <summary>Garbage collections during the run, by generation 0, 1, 2.</summary>
    public IReadOnlyList<int> Collections { get; init; } = [];

    /// <summary>Time the runtime paused threads for garbage collection, seconds.</summary>
    public double GcPauseSeconds { get; init; }

    /// <summary>Bytes allocated on the managed heap during the run.</summary>
    public long AllocatedBytes { get; init; }
}
