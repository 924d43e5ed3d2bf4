using Tocsin.Firmware.Security;

namespace Tocsin.Firmware.BroadcastNode.Scheduling;

/// <summary>
/// One activation the node holds: what to play, where, when it is valid, and where it stands.
/// Slots are allocated once and reused; <see cref="CopyFrom"/> and <see cref="Clear"/> never allocate.
/// </summary>
public sealed class Broadcast
{
    /// <summary>Most clips one command may list.</summary>
    public const int MaxClips = 8;

    /// <summary>Most repetitions of the siren-and-clips sequence.</summary>
    public const int MaxRepeat = 5;

    /// <summary>Longest siren segment, ms.</summary>
    public const int MaxSirenMs = 300000;

    /// <summary>Clip numbers, in order.</summary>
    public readonly int[] Clips = new int[MaxClips];

    /// <summary>The broadcast id (the command id; for local activations "local-...").</summary>
    public string Id;

    /// <summary>The command sequence number of the version held (0 for local activations).</summary>
    public long Seq;

    /// <summary>One of <see cref="BroadcastKind"/>.</summary>
    public int Kind;

    /// <summary>One of <see cref="CommandMode"/>: live, drill or test, as the MAC covered it.</summary>
    public int Mode;

    /// <summary>One of <see cref="AlertLevel"/>.</summary>
    public int Level;

    /// <summary>The hazard word (rainstorm, flood, ...) for the console; may be null.</summary>
    public string Hazard;

    /// <summary>One of <see cref="Audio.SirenPattern"/>.</summary>
    public int Siren;

    /// <summary>Siren length per repetition, ms.</summary>
    public int SirenMs;

    /// <summary>Clips used in <see cref="Clips"/>.</summary>
    public int ClipCount;

    /// <summary>How many times the siren-and-clips sequence plays.</summary>
    public int Repeat;

    /// <summary>Zones to sound (bit 0 = zone 1).</summary>
    public int ZoneMask;

    /// <summary>Start of validity, UTC ms (0: at once).</summary>
    public long StartUtcMs;

    /// <summary>End of validity, UTC ms (0: unknown, the monotonic bound applies).</summary>
    public long EndUtcMs;

    /// <summary>Start of validity on the node's monotonic clock.</summary>
    public long StartMonoMs;

    /// <summary>End of validity on the node's monotonic clock (used while UTC is not trusted).</summary>
    public long EndMonoMs;

    /// <summary>One of <see cref="SlotStatus"/>.</summary>
    public int Status;

    /// <summary>Higher preempts lower (<see cref="Priority"/>).</summary>
    public int Priority;

    /// <summary>Acceptance order: among equal priorities the earlier plays first.</summary>
    public long Order;

    /// <summary>When the current activation took the chain (monotonic ms).</summary>
    public long ActivatedMs;

    /// <summary>How many times it was resumed after a reboot (at most once).</summary>
    public int ResumeCount;

    /// <summary>Started by a pre-authorized local rule or the console, not by a controller command.</summary>
    public bool Local;

    /// <summary>The local rule that started it (0-based), or -1.</summary>
    public int Rule = -1;

    /// <summary>A "waiting" result is owed once it is known the broadcast cannot start at once.</summary>
    public bool WaitingOwed;

    /// <summary>True while the slot holds nothing.</summary>
    public bool IsFree => Status == SlotStatus.Free;

    /// <summary>Empties the slot.</summary>
    public void Clear()
    {
        Id = null;
        Seq = 0;
        Kind = BroadcastKind.Warning;
        Mode = CommandMode.Unknown;
        Level = AlertLevel.Info;
        Hazard = null;
        Siren = 0;
        SirenMs = 0;
        ClipCount = 0;
        Repeat = 1;
        ZoneMask = 0;
        StartUtcMs = 0;
        EndUtcMs = 0;
        StartMonoMs = 0;
        EndMonoMs = 0;
        Status = SlotStatus.Free;
        Priority = 0;
        Order = 0;
        ActivatedMs = 0;
        ResumeCount = 0;
        Local = false;
        Rule = -1;
        WaitingOwed = false;
    }

    /// <summary>Copies every field of <paramref name="other"/>.</summary>
    public void CopyFrom(Broadcast other)
    {
        Id = other.Id;
        Seq = other.Seq;
        Kind = other.Kind;
        Mode = other.Mode;
        Level = other.Level;
        Hazard = other.Hazard;
        Siren = other.Siren;
        SirenMs = other.SirenMs;
        ClipCount = other.ClipCount;
        System.Array.Copy(other.Clips, Clips, MaxClips);
        Repeat = other.Repeat;
        ZoneMask = other.ZoneMask;
        StartUtcMs = other.StartUtcMs;
        EndUtcMs = other.EndUtcMs;
        StartMonoMs = other.StartMonoMs;
        EndMonoMs = other.EndMonoMs;
        Status = other.Status;
        Priority = other.Priority;
        Order = other.Order;
        ActivatedMs = other.ActivatedMs;
        ResumeCount = other.ResumeCount;
        Local = other.Local;
        Rule = other.Rule;
        WaitingOwed = other.WaitingOwed;
    }
}
