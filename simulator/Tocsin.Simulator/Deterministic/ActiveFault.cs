using Tocsin.Simulator.Scenarios;

namespace Tocsin.Simulator.Deterministic;

/// <summary>A fault the run injected: whom it hit, when it heals, and the counts taken when it began.</summary>
public sealed class ActiveFault
{
    /// <summary>Creates the record.</summary>
    public ActiveFault(ScenarioFault fault, IReadOnlyList<SimulatedNode> nodes, long startMs, long? healAtMs)
    {
        Fault = fault;
        Nodes = nodes;
        StartMs = startMs;
        HealAtMs = healAtMs;
    }

    /// <summary>The scenario's fault.</summary>
    public ScenarioFault Fault { get; }

    /// <summary>Nodes it hit.</summary>
    public IReadOnlyList<SimulatedNode> Nodes { get; }

    /// <summary>Run time it began, ms.</summary>
    public long StartMs { get; }

    /// <summary>Run time it heals, ms (null for momentary faults).</summary>
    public long? HealAtMs { get; set; }

    /// <summary>True once healed.</summary>
    public bool Healed { get; set; }

    /// <summary>Counts when it began.</summary>
    public Dictionary<string, long> Before { get; set; } = [];

    /// <summary>Counts over its window (set when the window closes).</summary>
    public Dictionary<string, long>? Observed { get; set; }

    /// <summary>What the fault changed, to undo it.</summary>
    public Action? Undo { get; set; }

    /// <summary>Packets an attacker injected.</summary>
    public long Injected { get; set; }

    /// <summary>
    /// The commands an attack used (the forged one, or every command a replay re-sent: each speaker
    /// gets its own last command, so they can differ), for counting who acted on them.
    /// </summary>
    public HashSet<string> AttackCommands { get; } = new(StringComparer.Ordinal);

    /// <summary>"playing" results for <see cref="AttackCommands"/> from the targets when the attack began.</summary>
    public long PlaysBefore { get; set; }
}
