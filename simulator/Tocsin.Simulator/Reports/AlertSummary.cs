using Tocsin.Controller.Coverage;

namespace Tocsin.Simulator.Reports;

/// <summary>One alert: its life, how fast it sounded, and who it reached.</summary>
public sealed record AlertSummary
{
    /// <summary>Alert id.</summary>
    public required string Id { get; init; }

    /// <summary>live or drill.</summary>
    public required string Kind { get; init; }

    /// <summary>Hazard.</summary>
    public required string Hazard { get; init; }

    /// <summary>Level.</summary>
    public required string Level { get; init; }

    /// <summary>operator, rule or cap.</summary>
    public required string Source { get; init; }

    /// <summary>State at the end.</summary>
    public required string State { get; init; }

    /// <summary>Minute created (the trigger for rule alerts).</summary>
    public double CreatedMinute { get; init; }

    /// <summary>Minute first dispatched (later versions re-send), or null.</summary>
    public double? DispatchedMinute { get; init; }

    /// <summary>Minute ended, or null.</summary>
    public double? EndedMinute { get; init; }

    /// <summary>Speakers targeted.</summary>
    public int Speakers { get; init; }

    /// <summary>Speakers heard sounding after dispatch.</summary>
    public int Sounded { get; init; }

    /// <summary>Seconds from creation (trigger) to dispatch.</summary>
    public double? TriggerToDispatchS { get; init; }

    /// <summary>Seconds from dispatch to sound, median over speakers that sounded.</summary>
    public double? SoundP50S { get; init; }

    /// <summary>Seconds from dispatch to sound, 95th percentile.</summary>
    public double? SoundP95S { get; init; }

    /// <summary>Seconds from dispatch to the last speaker sounding.</summary>
    public double? SoundMaxS { get; init; }

    /// <summary>Seconds from first dispatch to sound, per speaker that sounded (node id to seconds; the first 1,000 speakers by id).</summary>
    public IReadOnlyDictionary<string, double>? SoundAfterS { get; init; }

    /// <summary>Coverage by the end of the run, per district, street and community, with silent and failed speakers.</summary>
    public AlertCoverage? Coverage { get; init; }
}
