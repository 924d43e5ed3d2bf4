namespace Tocsin.Simulator.Deterministic;

/// <summary>How to run a scenario deterministically.</summary>
public sealed class RunOptions
{
    /// <summary>Directory for the controller's database; a fresh temporary one when null (deleted afterwards).</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Step nodes on all cores (the result is the same either way).</summary>
    public bool Parallel { get; init; } = true;

    /// <summary>Where progress lines go, or null for none.</summary>
    public TextWriter? Progress { get; init; }

    /// <summary>Seed override (null: the scenario's).</summary>
    public int? Seed { get; init; }

    /// <summary>Most timeline entries kept in the report.</summary>
    public int TimelineLimit { get; init; } = 5000;
}
