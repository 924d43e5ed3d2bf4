using System.Diagnostics;
using System.Globalization;
using Tocsin.Simulator.Reports;

namespace Tocsin.Simulator.Deterministic;

/// <summary>The main loop: world, network, node steps and controller rounds, slot by slot.</summary>
public sealed partial class DeterministicRun
{
    private readonly List<int> _due = [];
    private long _nextControllerMs;
    private long _stepAtMs;
    private long _nextWorldMs;
    private long _nextSampleMs;
    private readonly long[] _phaseTicks = new long[5];
    private ProgressReporter? _progress;

    private async Task LoopAsync(long endMs, long scenarioEndMs, CancellationToken cancellation)
    {
        int resolution = _scheduler.ResolutionMs;
        bool healed = false;
        _nextSampleMs = WarmUpMs;
        for (long t = ProvisionMs; t <= endMs; t += resolution)
        {
            cancellation.ThrowIfCancellationRequested();
            _now = t;
            _time.Set(_startUtcMs + t);
            bool heal = !healed && t >= scenarioEndMs;
            bool world = t >= _nextWorldMs;
            bool sample = t >= _nextSampleMs;
            long mark = Stopwatch.GetTimestamp();
            if (_outstanding.Count > 0 && (heal || world || sample || ScenarioEventsDue(t)))
            {
                // All of these read or drive the controller, which must be idle for it.
                RetireAllRounds();
            }

            if (_outstanding.Count == 0)
            {
                _controllerTime.Set(_startUtcMs + t);
            }

            mark = Phase(RunPhase.Controller, mark);
            if (heal)
            {
                healed = true;
                HealEverything();
            }

            await RunScenarioEventsAsync(t).ConfigureAwait(false);
            if (world)
            {
                _nextWorldMs = t + WorldStepMs;
                StepWorld(t);
                ObserveAlerts(t);
            }

            if (sample)
            {
                _nextSampleMs += (long)(SampleMinutes * 60_000);
                Sample(t);
            }

            mark = Phase(RunPhase.World, mark);
            _network.Advance(_startUtcMs + t);
            mark = Phase(RunPhase.Network, mark);
            _scheduler.TakeDue(t, _due);

            // The round takes only what the network delivered before this slot's steps, so it can run
            // beside them and the collection of their traffic; what it sends and tells the run waits in
            // the round until it is retired (see DeterministicRun.Rounds), which keeps every run with
            // one seed the same.
            if (_scenario.Tick.ControllerMs > 0)
            {
                // A round due now is retired before the next may begin, so a busy controller starts
                // its next round in the very slot the last one ends.
                RetireDueRounds(t);
            }

            if (_controller.IsUp && ControllerFree && (t >= _nextControllerMs || _network.ControllerInboxCount > 0))
            {
                if (t >= _nextControllerMs)
                {
                    _nextControllerMs = t + 1000;
                }

                BeginRound(t);
            }

            mark = Phase(RunPhase.Controller, mark);
            if (_due.Count > 0)
            {
                StepNodes(t);
            }

            mark = Phase(RunPhase.Nodes, mark);
            if (_due.Count > 0)
            {
                FlushNodes(t);
            }

            mark = Phase(RunPhase.Flush, mark);
            RetireDueRounds(t);
            Phase(RunPhase.Controller, mark);
            ReportProgress(t, endMs);
        }

        RetireAllRounds();
    }

    // A controller that answers at once takes a round every slot something reached it. One that takes
    // time over a round (tick.controllerMs) is busy until that round is retired, as a real engine loop
    // is: the next round begins once it is retired and takes everything that arrived meanwhile.
    private bool ControllerFree => _scenario.Tick.ControllerMs == 0 || _outstanding.Count == 0;

    private long Phase(RunPhase phase, long since)
    {
        long now = Stopwatch.GetTimestamp();
        _phaseTicks[(int)phase] += now - since;
        return now;
    }

    private void StepNodes(long t)
    {
        _stepAtMs = t;
        if (_sharedSteps != null && _due.Count >= _options.SharedFromNodes)
        {
            _sharedSteps.Run(_due, _stepDue);
        }
        else
        {
            ForEachNode(_due, _stepDue);
        }

        _nodeSteps += _due.Count;
    }

    // Steps one due node and works out when it steps next, from what only the node holds (its links'
    // inbound queues and states change only in the network's pass before the steps, and taking its
    // traffic afterwards changes neither): so this is safe for different nodes on different threads at
    // once, and each does the work while the node's objects are in its own cache.
    private void StepDue(int index)
    {
        SimulatedNode node = _nodes[index];
        if (node.PowerBackAtMs != null)
        {
            return;
        }

        long t = _stepAtMs;
        node.TickTo(t);
        node.NoteOutgoingWork();
        if (node.Speaker is { } speaker)
        {
            bool audible = speaker.Amplifier.Audible;
            if (audible && !node.WasAudible)
            {
                node.AudibleStarts.Add(t);
            }

            node.WasAudible = audible;
        }

        long step = node.HasTraffic ? _scenario.Tick.ActiveMs
            : node.IsSounding ? node.SoundingStepMs(_scenario.Tick.SoundingMs, _scenario.Tick.SteadyMs)
            : IdleStepMs(node, t);
        node.DueMs = t + step;
    }

    // In node order on the main thread: the network takes the traffic of each node StepDue found
    // with some, and the node is scheduled for the step StepDue worked out.
    private void FlushNodes(long t)
    {
        foreach (int i in _due)
        {
            SimulatedNode node = _nodes[i];
            if (node.PowerBackAtMs != null)
            {
                continue;
            }

            if (node.HadOutgoingWork)
            {
                node.Flush(_network);
            }

            _scheduler.At(i, node.DueMs, t);
        }
    }

    // An idle node steps at its kind's idle interval, or sooner when one of its firmware's timers falls
    // due first (a heartbeat, a reconnect, a resend, a held broadcast's start): so a long idle step
    // delays nothing the board would have done on time. Inputs wake it on their own (see Setup, Faults).
    private long IdleStepMs(SimulatedNode node, long t)
    {
        int idle = node.Plan.IsSensor ? _scenario.Tick.SensorMs : _scenario.Tick.SpeakerMs;
        long timer = node.NextTimerAtMs();
        return timer - t < idle ? Math.Min(idle, Math.Max(_scenario.Tick.ActiveMs, timer - t)) : idle;
    }

    // Over the sites alone, each a few small objects made together at setup: walking all 10,000 boards
    // and writing into each sensor's hardware every 10 s was a cache miss or three per site, most of
    // this step's time. The sensors take the conditions at their next step (before it, in this slot).
    private void StepWorld(long t)
    {
        double minute = MinuteOf(t);
        foreach (SimulatedSite site in _sites)
        {
            double rate = minute < 0 ? 0 : _scenario.Rain.RateAt(site.XKm, site.YKm, minute);
            site.Basin.Step(rate, WorldStepMs / 60_000.0);
            site.Conditions.RainMmPerHour = rate;
            site.Conditions.WaterDepthMm = (int)Math.Round(site.Basin.DepthMm);
        }
    }

    private void ReportProgress(long t, long endMs)
    {
        if (_options.Progress == null)
        {
            return;
        }

        _progress ??= new ProgressReporter(_options.Progress, TimeSpan.FromMilliseconds(endMs - WarmUpMs), TimeSpan.FromSeconds(2));
        var reached = TimeSpan.FromMilliseconds(Math.Max(0, t - WarmUpMs));
        if (t + _scheduler.ResolutionMs > endMs)
        {
            _progress.Finish(reached, _network.Tally.Delivered);
        }
        else
        {
            _progress.Report(reached, _network.Tally.Delivered);
        }
    }
}
