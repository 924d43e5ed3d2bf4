using System.Globalization;
using Tocsin.Controller.Alerts;
using Tocsin.Controller.Coverage;
using Tocsin.Simulator.Reports;
using Tocsin.Simulator.Scenarios;

namespace Tocsin.Simulator.Deterministic;

/// <summary>Turning what the run saw into its report.</summary>
public sealed partial class DeterministicRun
{
    private RunReport BuildReport()
    {
        foreach (ActiveFault a in _faults.Where(a => a.Observed == null))
        {
            a.Observed = Observe(a);
        }

        var lostNodes = new List<string>();
        long published = 0;
        long committed = 0;
        long lost = 0;
        long queued = 0;
        long doubled = 0;
        long sends = 0;
        var playedAgain = new List<string>();
        foreach (SimulatedNode node in _nodes)
        {
            NodeTally t = TallyOf(node.Plan.Id);
            published += t.Published.Count;
            committed += t.Committed.Count;
            sends += t.Sends;
            doubled += t.Doubled;
            long missing = 0;
            foreach (long key in t.Published)
            {
                if (t.Committed.Contains(key))
                {
                    continue;
                }

                if (StillQueued(node, key))
                {
                    queued++;
                }
                else
                {
                    missing++;
                }
            }

            lost += missing;
            if (missing > 0 && lostNodes.Count < 20)
            {
                lostNodes.Add(node.Plan.Id + " (" + missing.ToString(CultureInfo.InvariantCulture) + ")");
            }

            foreach (var (command, plays) in t.Plays.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (plays > 1 && playedAgain.Count < 20)
                {
                    playedAgain.Add(node.Plan.Id + " " + command + " x" + plays.ToString(CultureInfo.InvariantCulture));
                }
            }
        }

        NetworkTally n = _network.Tally;
        return new RunReport
        {
            Scenario = _scenario.Name,
            Title = _scenario.Title,
            Seed = _seed,
            Start = _scenario.Start,
            DurationMinutes = _scenario.DurationMinutes,
            Sensors = _nodes.Count(x => x.Plan.IsSensor),
            Speakers = _nodes.Count(x => !x.Plan.IsSensor),
            Communities = _plan.Sites.Count,
            Network = new NetworkSummary(n.FromNodes, n.ToNodes, n.Delivered, n.Lost, n.Undeliverable, n.RefusedByAcl, n.Connects, n.ConnectsRefused, n.Wills),
            Messages = new DeliverySummary(published, sends, committed, lost, queued, doubled, lostNodes, playedAgain),
            Alerts = _controller.IsUp ? _controller.Engine.Alerts().Reverse().Select(Summarize).ToList() : [],
            Faults = _faults.Select(Summarize).ToList(),
            Actions = _actions,
            Console = _console,
            Timeline = _timeline,
            TimelineOmitted = _timelineOmitted,
            Series = new SeriesSet
            {
                EveryMinutes = SampleMinutes,
                RainMeanMmPerHour = _rainMean,
                RainMaxMmPerHour = _rainMax,
                DepthMm = _depth.OrderByDescending(d => d.Value.Max(p => p[1])).ThenBy(d => d.Key, StringComparer.Ordinal).Take(8)
                    .ToDictionary(d => d.Key, d => (IReadOnlyList<double[]>)d.Value, StringComparer.Ordinal),
                CoveragePercent = _coverage.ToDictionary(c => c.Key, c => (IReadOnlyList<double[]>)c.Value, StringComparer.Ordinal),
            },
        };
    }

    private AlertSummary Summarize(Alert alert)
    {
        var speakers = _nodes.Where(x => !x.Plan.IsSensor && alert.CommunityIds.Contains(x.Plan.Community)).ToList();
        var latencies = new List<double>();
        var perSpeaker = new SortedDictionary<string, double>(StringComparer.Ordinal);
        DateTimeOffset? firstDispatch = _firstDispatch.TryGetValue(alert.Id, out DateTimeOffset f) ? f : alert.DispatchedAt;
        if (firstDispatch is { } dispatched)
        {
            long from = dispatched.ToUnixTimeMilliseconds() - _startUtcMs;
            long until = (alert.EndedAt ?? alert.ExpiresAt).ToUnixTimeMilliseconds() - _startUtcMs;
            foreach (SimulatedNode s in speakers)
            {
                long first = s.AudibleStarts.FirstOrDefault(x => x >= from && x <= until, -1);
                if (first >= 0)
                {
                    latencies.Add((first - from) / 1000.0);
                    perSpeaker[s.Plan.Id] = (first - from) / 1000.0;
                }
            }
        }

        latencies.Sort();
        AlertCoverage? coverage = alert.DispatchedAt != null ? _controller.Engine.Coverage(alert.Id, null) : null;
        return new AlertSummary
        {
            Id = alert.Id,
            Kind = AlertKinds.ToText(alert.Kind),
            Hazard = Hazards.ToText(alert.Hazard),
            Level = WarningLevels.ToText(alert.Level),
            Source = alert.Source.ToString(),
            State = alert.State.ToString(),
            CreatedMinute = Minute(alert.CreatedAt),
            DispatchedMinute = firstDispatch is { } d ? Minute(d) : null,
            EndedMinute = alert.EndedAt is { } e ? Minute(e) : null,
            Speakers = speakers.Count,
            Sounded = latencies.Count,
            TriggerToDispatchS = firstDispatch is { } dd ? Math.Round((dd - alert.CreatedAt).TotalSeconds, 3) : null,
            SoundP50S = Percentile(latencies, 0.5),
            SoundP95S = Percentile(latencies, 0.95),
            SoundMaxS = latencies.Count > 0 ? latencies[^1] : null,
            SoundAfterS = perSpeaker.Count > 0 ? perSpeaker.Take(1000).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal) : null,
            Coverage = coverage,
        };
    }

    private FaultSummary Summarize(ActiveFault a)
    {
        IReadOnlyDictionary<string, long> o = a.Observed!;
        long lostOnTargets = 0;
        foreach (SimulatedNode n in a.Nodes)
        {
            NodeTally t = TallyOf(n.Plan.Id);
            lostOnTargets += t.Published.Count(k => !t.Committed.Contains(k));
        }

        var observed = new SortedDictionary<string, long>(o.ToDictionary(x => x.Key, x => x.Value), StringComparer.Ordinal) { ["messagesLostOnTargetsByEnd"] = lostOnTargets };
        double duration = a.HealAtMs is { } heal ? (heal - a.StartMs) / 60_000.0 : 0;
        return new FaultSummary(a.Fault.Index, a.Fault.Type.ToString(), Math.Round(MinuteOf(a.StartMs), 3), Math.Round(duration, 3), a.Fault.Targets, a.Nodes.Count,
            observed, FaultEffects.Describe(a.Fault.Type, observed));
    }

    private double Minute(DateTimeOffset at) => Math.Round(MinuteOf(at.ToUnixTimeMilliseconds() - _startUtcMs), 3);

    private static double? Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    // A message the node's outbox still holds (same epoch, not yet acknowledged) is on its way, not
    // lost; a board without power keeps its outbox in flash, as it was when the power went.
    private static bool StillQueued(SimulatedNode node, long key)
    {
        long epoch = key >> 32;
        long seq = key & 0xFFFFFFFFL;
        return node.Node.OutboxHeld is { Count: > 0 } h && epoch == h.Epoch && seq >= h.OldestSeq;
    }
}
