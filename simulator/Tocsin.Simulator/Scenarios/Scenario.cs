using Tocsin.Simulator.World;

namespace Tocsin.Simulator.Scenarios;

/// <summary>A whole simulated run, as read from a scenario file (docs/scenario-file.md).</summary>
public sealed record Scenario
{
    /// <summary>Short name (used in report file names).</summary>
    public required string Name { get; init; }

    /// <summary>One-line title.</summary>
    public required string Title { get; init; }

    /// <summary>What the scenario exercises.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>Seed for everything random (noise, jitter, loss, node seeds): one seed, one run.</summary>
    public int Seed { get; init; }

    /// <summary>World time at minute 0.</summary>
    public DateTimeOffset Start { get; init; }

    /// <summary>Simulated minutes of scenario.</summary>
    public double DurationMinutes { get; init; }

    /// <summary>Quiet minutes after the scenario, faults healed, so outboxes drain before counting losses.</summary>
    public double SettleMinutes { get; init; } = 10;

    /// <summary>Region file (absolute path).</summary>
    public required string RegionFile { get; init; }

    /// <summary>Warning rule file (absolute path), or null for none.</summary>
    public string? RulesFile { get; init; }

    /// <summary>Which nodes to build.</summary>
    public required NodePlan Nodes { get; init; }

    /// <summary>Per-site drainage overrides (others get seeded defaults).</summary>
    public IReadOnlyList<SiteSpec> Sites { get; init; } = [];

    /// <summary>Network latency and loss at the start.</summary>
    public NetworkSpec Network { get; init; } = new();

    /// <summary>Rain over the district.</summary>
    public RainField Rain { get; init; } = RainField.Dry;

    /// <summary>Operators who act in the scenario.</summary>
    public IReadOnlyList<ScenarioOperator> Operators { get; init; } = [];

    /// <summary>A duty operator answering rule proposals, or null when nobody does.</summary>
    public DutyPolicy? Duty { get; init; }

    /// <summary>Operator actions and console lines, in time order.</summary>
    public IReadOnlyList<ScenarioAction> Actions { get; init; } = [];

    /// <summary>Faults, in time order.</summary>
    public IReadOnlyList<ScenarioFault> Faults { get; init; } = [];

    /// <summary>How often nodes run their firmware step.</summary>
    public TickSpec Tick { get; init; } = new();
}
