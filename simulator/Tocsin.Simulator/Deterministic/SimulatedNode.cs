using Tocsin.Firmware.BroadcastNode.Playback;
using Tocsin.Firmware.Hardware;
using Tocsin.Simulator.Nodes;
using Tocsin.Simulator.Scenarios;
using Tocsin.Simulator.World;

namespace Tocsin.Simulator.Deterministic;

/// <summary>
/// One virtual board in a deterministic run: the node, its plan, its links on the simulated
/// network, when it steps next, and what the run watches on it (sound, water).
/// </summary>
public sealed class SimulatedNode
{
    private readonly List<SimulatedLink> _retired = [];

    /// <summary>Creates the node from its plan; <paramref name="utcAtZeroMs"/> is the world time when its clock reads 0.</summary>
    public SimulatedNode(int index, PlannedNode plan, long utcAtZeroMs, int seed)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Index = index;
        Plan = plan;
        Node = plan.IsSensor
            ? new VirtualSensorNode(plan.Id, utcAtZeroMs, seed, NewLink) { RainsOnTick = true }
            : new VirtualBroadcastNode(plan.Id, utcAtZeroMs, seed, NewLink);
    }

    /// <summary>Position in the run's node list (the order all merges use).</summary>
    public int Index { get; }

    /// <summary>What the scenario planned.</summary>
    public PlannedNode Plan { get; }

    /// <summary>The board.</summary>
    public VirtualNode Node { get; }

    /// <summary>The board as a sensor node, or null.</summary>
    public VirtualSensorNode? Sensor => Node as VirtualSensorNode;

    /// <summary>The board as a loudspeaker, or null.</summary>
    public VirtualBroadcastNode? Speaker => Node as VirtualBroadcastNode;

    /// <summary>The current link (null before first power-on).</summary>
    public SimulatedLink? Link { get; private set; }

    /// <summary>The low point a sensor watches (null for speakers).</summary>
    public LowPointBasin? Basin { get; set; }

    /// <summary>Run time (ms) of the last firmware step.</summary>
    public long LastTickMs { get; set; }

    /// <summary>Run time (ms) of the next firmware step, worked out right after the last one (a message or fault may bring it sooner).</summary>
    public long DueMs { get; set; }

    /// <summary>True while the speaker was audible at its last step.</summary>
    public bool WasAudible { get; set; }

    /// <summary>Run times (ms) when the speaker became audible.</summary>
    public List<long> AudibleStarts { get; } = [];

    /// <summary>Run time (ms) until which the board has no power (a power-loss fault), or null.</summary>
    public long? PowerBackAtMs { get; set; }

    /// <summary>True when a message waits for the firmware or a connection is opening: step at once.</summary>
    public bool HasTraffic => Link != null && (Link.InboundCount > 0 || Link.State == MqttLinkState.Connecting);

    /// <summary>True while the speaker sequences or sounds (amplifier, zones, tone or clip on).</summary>
    public bool IsSounding
    {
        get
        {
            VirtualBroadcastNode? s = Speaker;
            return s != null && (s.AmpRelay.IsOn || s.Player.IsPlaying || s.Tone.FrequencyHz > 0 || Array.Exists(s.Zones, z => z.IsOn));
        }
    }

    /// <summary>
    /// How long the speaker may go without a step while it sounds: <paramref name="soundingMs"/> while
    /// anything may change at any moment; while its siren or clip sounds steadily, until that step or
    /// clip ends, at most <paramref name="steadyMs"/> (a step in between would only re-sample the sweep).
    /// </summary>
    public int SoundingStepMs(int soundingMs, int steadyMs)
    {
        if (Speaker is not { Module: { } module } speaker)
        {
            return soundingMs;
        }

        long until = module.SteadyUntilMs(speaker.Clock.MonotonicMs());
        if (until == long.MinValue)
        {
            return soundingMs;
        }

        // The player's busy line falling ends a clip step: on a board it is an input that wakes the
        // loop, so the speaker steps at the clip's end, and at once if it has ended unseen.
        if (module.Runner.Program.KindAt(module.Runner.StepIndex) == StepKind.Clip)
        {
            if (speaker.Player.EndsAtMs is not long clipEnd)
            {
                return soundingMs;
            }

            until = Math.Min(until, clipEnd);
        }

        return (int)Math.Clamp(until - speaker.Clock.MonotonicMs(), soundingMs, Math.Max(soundingMs, steadyMs));
    }

    /// <summary>
    /// Run time (ms) when the firmware's next timer falls due (<see cref="Firmware.Runtime.NodeRuntime.NextTimerMs"/>:
    /// heartbeat, reconnect, resend, held broadcasts, player query, depth sample, report), as of its
    /// last step; <see cref="long.MaxValue"/> when it has none or no power.
    /// </summary>
    public long NextTimerAtMs()
    {
        if (Node.Runtime is not { } runtime)
        {
            return long.MaxValue;
        }

        long due = runtime.NextTimerMs();
        return due == long.MaxValue ? long.MaxValue : LastTickMs + Math.Max(0, due - runtime.NowMs);
    }

    /// <summary>Steps the firmware to run time <paramref name="nowMs"/> (safe to call for different nodes on different threads).</summary>
    public void TickTo(long nowMs)
    {
        long advance = nowMs - LastTickMs;
        LastTickMs = nowMs;
        Node.Tick(advance);
    }

    /// <summary>
    /// True when the node's links had work for the network at the end of its last step (<see cref="NoteOutgoingWork"/>):
    /// most steps send nothing, and the main thread's pass over a slot's nodes then need not read their
    /// links, no longer in its cache when another thread stepped them or many nodes stepped since.
    /// </summary>
    public bool HadOutgoingWork { get; private set; }

    /// <summary>Notes whether the node's links have work for the network (on the thread that just stepped it).</summary>
    public void NoteOutgoingWork() => HadOutgoingWork = _retired.Count > 0 || (Link?.HasOutgoingWork ?? false);

    /// <summary>Hands everything the node's links queued to the network, retired links first (simulation thread).</summary>
    public void Flush(SimulatedNetwork network)
    {
        foreach (SimulatedLink old in _retired)
        {
            network.Collect(old);
        }

        _retired.Clear();
        if (Link != null)
        {
            network.Collect(Link);
        }
    }

    private SimulatedLink NewLink()
    {
        // A rebooted board opens a new socket; the old one may still owe the broker its goodbye.
        if (Link != null)
        {
            _retired.Add(Link);
        }

        Link = new SimulatedLink(Plan.Id);
        return Link;
    }
}
