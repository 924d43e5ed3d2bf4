namespace Tocsin.Simulator.Deterministic;

/// <summary>How to run a scenario deterministically.</summary>
public sealed class RunOptions
{
    /// <summary>Directory for the controller's database file, kept afterwards; when null the database lives in memory and is gone at the end.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>
    /// Password of the controller's first operator, "admin", for signing in to a kept database afterwards;
    /// a random one when null.
    /// </summary>
    public string? AdminPassword { get; init; }

    /// <summary>Step nodes on all cores (the result is the same either way).</summary>
    public bool Parallel { get; init; } = true;

    /// <summary>Where progress lines go, or null for none.</summary>
    public TextWriter? Progress { get; init; }

    /// <summary>Seed override (null: the scenario's).</summary>
    public int? Seed { get; init; }

    /// <summary>
    /// Minutes after a command expires before the controller archives it (null: the controller's
    /// default, <see cref="Tocsin.Controller.Hosting.ControllerOptions.LedgerArchiveAfterMinutes"/>).
    /// </summary>
    public int? LedgerArchiveAfterMinutes { get; init; }

    /// <summary>Most timeline entries kept in the report.</summary>
    public int TimelineLimit { get; init; } = 5000;
}
