namespace Tocsin.Simulator.Reports;

/// <summary>What one node sent and what became of it, as the run saw it on the wire and at the controller.</summary>
public sealed class NodeTally
{
    /// <summary>Outbox messages seen leaving the node (each (epoch, seq) once, resends not counted).</summary>
    public OutboxKeySet Published { get; } = new();

    /// <summary>Outbox messages the controller committed.</summary>
    public OutboxKeySet Committed { get; } = new();

    /// <summary>Messages the controller committed a second time (must stay 0).</summary>
    public int Doubled { get; set; }

    /// <summary>Outbox sends including resends.</summary>
    public long Sends { get; set; }

    /// <summary>Commands the node refused, by reason.</summary>
    public Dictionary<string, int> Rejected { get; } = new(StringComparer.Ordinal);

    /// <summary>Commands refused for a bad MAC.</summary>
    public long BadMac { get; set; }

    /// <summary>Commands refused as replays.</summary>
    public long Replayed { get; set; }

    /// <summary>Security alarms the controller raised for the node (its refusals of commands reported to operators).</summary>
    public long SecurityAlarms { get; set; }

    /// <summary>Fault events (appeared) by fault name.</summary>
    public Dictionary<string, int> Faults { get; } = new(StringComparer.Ordinal);

    /// <summary>Distinct "playing" results per command.</summary>
    public Dictionary<string, int> Plays { get; } = new(StringComparer.Ordinal);

    /// <summary>Total refused commands.</summary>
    public int RejectedTotal => Rejected.Values.Sum();

    /// <summary>Outbox keys for (epoch, seq).</summary>
    public static long Key(long epoch, long seq) => (epoch << 32) ^ (seq & 0xFFFFFFFFL);
}
