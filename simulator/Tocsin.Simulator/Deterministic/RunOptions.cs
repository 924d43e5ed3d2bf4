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

    /// <summary>
    /// Run the controller's rounds on a thread of their own and step nodes on the remaining cores (the
    /// result is the same either way); false runs everything on one thread.
    /// </summary>
    public bool Parallel { get; init; } = true;

    /// <summary>
    /// Threads that step nodes when <see cref="Parallel"/> (null: every core but the one the controller's
    /// rounds take, at least one). On a 2-core machine that is the main thread, with the round thread
    /// taking steps between its rounds (<see cref="SharedFromNodes"/>): more threads for the steps as well
    /// only made them fight the rounds for the second core.
    /// </summary>
    public int? NodeThreads { get; init; }

    /// <summary>Fewest nodes due in a slot worth splitting over <see cref="NodeThreads"/> (fewer step on the main thread).</summary>
    public int ParallelFromNodes { get; init; } = 64;

    /// <summary>
    /// With one node thread, the fewest nodes due in a slot worth sharing with the controller's round
    /// thread between its rounds (<see cref="SharedSlotSteps"/>); fewer step on the main thread alone.
    /// </summary>
    public int SharedFromNodes { get; init; } = 4;

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
