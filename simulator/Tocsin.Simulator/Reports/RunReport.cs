namespace Tocsin.Simulator.Reports;

/// <summary>
/// Everything a deterministic run found, in a form that is the same byte for byte for the same
/// scenario and seed (wall-clock figures live in <see cref="Deterministic.RunPerformance"/>, outside it).
/// </summary>
public sealed record RunReport
{
    /// <summary>Report format version.</summary>
    public int V { get; init; } = 1;

    /// <summary>Scenario name.</summary>
    public required string Scenario { get; init; }

    /// <summary>Scenario title.</summary>
    public required string Title { get; init; }

    /// <summary>The seed used.</summary>
    public int Seed { get; init; }

    /// <summary>World time at scenario minute 0.</summary>
    public DateTimeOffset Start { get; init; }

    /// <summary>Scenario minutes run (settling time not included).</summary>
    public double DurationMinutes { get; init; }

    /// <summary>Sensor nodes.</summary>
    public int Sensors { get; init; }

    /// <summary>Loudspeaker nodes.</summary>
    public int Speakers { get; init; }

    /// <summary>Communities equipped.</summary>
    public int Communities { get; init; }

    /// <summary>Messages over the simulated network.</summary>
    public required NetworkSummary Network { get; init; }

    /// <summary>Outbox messages lost and doubled.</summary>
    public required DeliverySummary Messages { get; init; }

    /// <summary>Every alert, oldest first, with its latency and coverage.</summary>
    public required IReadOnlyList<AlertSummary> Alerts { get; init; }

    /// <summary>Every fault injected and what it did.</summary>
    public required IReadOnlyList<FaultSummary> Faults { get; init; }

    /// <summary>Operator actions and their outcomes.</summary>
    public required IReadOnlyList<TimelineEntry> Actions { get; init; }

    /// <summary>Console lines typed and the firmware's answers.</summary>
    public required IReadOnlyList<TimelineEntry> Console { get; init; }

    /// <summary>Readings, warnings, dispatches, results, faults, alarms in time order.</summary>
    public required IReadOnlyList<TimelineEntry> Timeline { get; init; }

    /// <summary>Timeline entries left out because the timeline was full.</summary>
    public int TimelineOmitted { get; init; }

    /// <summary>Sampled series for plots: rain, depth, coverage.</summary>
    public required SeriesSet Series { get; init; }
}
