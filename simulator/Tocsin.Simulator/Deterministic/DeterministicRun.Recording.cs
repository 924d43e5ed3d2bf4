using Tocsin.Controller.Alerts;
using Tocsin.Controller.Health;
using Tocsin.Controller.Storage;
using Tocsin.Simulator.Reports;

namespace Tocsin.Simulator.Deterministic;

/// <summary>What the run watches: node messages on the wire, commits at the controller, alerts, samples.</summary>
public sealed partial class DeterministicRun
{
    private readonly Dictionary<string, NodeTally> _tallies = new(StringComparer.Ordinal);
    private readonly List<TimelineEntry> _timeline = [];
    private readonly List<TimelineEntry> _actions = [];
    private readonly List<TimelineEntry> _console = [];
    private readonly Dictionary<string, (AlertState State, int Version)> _alertStates = new(StringComparer.Ordinal);
    private readonly List<double[]> _rainMean = [];
    private readonly List<double[]> _rainMax = [];
    private readonly Dictionary<string, List<double[]>> _depth = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<double[]>> _coverage = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _samplesAfterEnd = new(StringComparer.Ordinal);
    private int _timelineOmitted;

    private NodeTally TallyOf(string node)
    {
        if (!_tallies.TryGetValue(node, out NodeTally? tally))
        {
            _tallies[node] = tally = new NodeTally();
        }

        return tally;
    }

    private void Note(string kind, string subject, string text)
    {
        if (_timeline.Count >= _options.TimelineLimit)
        {
            _timelineOmitted++;
            return;
        }

        _timeline.Add(new TimelineEntry(Math.Round(MinuteOf(_now), 3), kind, subject, text));
    }

    private void AttachEngine()
    {
        _controller.Engine.Committed += messages => _roundEffects.Run(() => OnCommitted(messages));
    }

    private void OnCommitted(IReadOnlyList<StoredMessage> messages)
    {
        foreach (StoredMessage m in messages)
        {
            NodeTally tally = TallyOf(m.Node);
            if (!tally.Committed.Add(NodeTally.Key(m.Epoch, m.Seq)))
            {
                tally.Doubled++;
            }
        }
    }

    private readonly Dictionary<string, DateTimeOffset> _firstDispatch = new(StringComparer.Ordinal);
    private long _alarmsRaised;

    private void OnControllerWarning(string message) => _roundEffects.Run(() => NoteControllerWarning(message));

    private void NoteControllerWarning(string message)
    {
        if (message.StartsWith("ALARM (Raised", StringComparison.Ordinal))
        {
            _alarmsRaised++;
            if (SecurityAlarmNode(message) is { } node)
            {
                TallyOf(node).SecurityAlarms++;
            }
        }

        Note("controller", "controller", message);
    }

    // "ALARM (Raised, to Operator): node bn-1 refused commands in its last minute: ..." names bn-1.
    private static string? SecurityAlarmNode(string message)
    {
        const string Lead = "): node ";
        int start = message.IndexOf(Lead, StringComparison.Ordinal);
        int end = message.IndexOf(" " + SecurityAlarms.Phrase, StringComparison.Ordinal);
        return start < 0 || end <= start + Lead.Length ? null : message[(start + Lead.Length)..end];
    }

    private void OnNodePublished(string node, OutgoingPublish publish)
    {
        // Read off the bytes during the node's step (reports, events and results only).
        if (publish.Facts is not OutboxFacts facts)
        {
            return;
        }

        NodeTally tally = TallyOf(node);
        tally.Sends++;
        if (!tally.Published.Add(NodeTally.Key(facts.Epoch, facts.Seq)))
        {
            return;
        }

        switch (facts.Type)
        {
            case "depth_level":
            case "rain_signal":
                Note("reading", node, facts.Type.Replace('_', ' ') + " now " + facts.Level);
                break;
            case "fault":
                if (facts.Active)
                {
                    tally.Faults[facts.Fault ?? "?"] = tally.Faults.GetValueOrDefault(facts.Fault ?? "?") + 1;
                }

                Note("node-fault", node, (facts.Fault ?? "?") + (facts.Active ? " appeared" : " cleared"));
                break;
            case "security":
                tally.BadMac += facts.BadMac;
                tally.Replayed += facts.Replayed;
                Note("security", node, "refused commands: " + facts.BadMac + " bad MAC, " + facts.Replayed + " replayed");
                break;
        }

        if (facts.Command != null && facts.State != null)
        {
            if (facts.State == "playing")
            {
                tally.Plays[facts.Command] = tally.Plays.GetValueOrDefault(facts.Command) + 1;
            }
            else if (facts.State == "rejected")
            {
                string reason = facts.Reason ?? "unknown";
                tally.Rejected[reason] = tally.Rejected.GetValueOrDefault(reason) + 1;
                Note("result", node, facts.Command + " rejected: " + reason);
            }
            else if (facts.State == "failed")
            {
                Note("result", node, facts.Command + " failed: " + (facts.Reason ?? "unknown"));
            }
        }
    }

    private void ObserveAlerts(long t)
    {
        if (!_controller.IsUp)
        {
            return;
        }

        foreach (Alert alert in _controller.Engine.Alerts())
        {
            if (_alertStates.TryGetValue(alert.Id, out var seen) && seen.State == alert.State && seen.Version == alert.Version)
            {
                continue;
            }

            _alertStates[alert.Id] = (alert.State, alert.Version);
            if (alert.DispatchedAt is { } dispatched)
            {
                _firstDispatch.TryAdd(alert.Id, dispatched);
            }

            Note("alert", alert.Id, AlertKinds.ToText(alert.Kind) + " " + Hazards.ToText(alert.Hazard) + " level " + WarningLevels.ToText(alert.Level)
                + " v" + alert.Version + " " + alert.State + " (" + alert.Source + ", " + alert.CommunityIds.Count + " communities)");
        }

        Duty(t);
    }

    private void Sample(long t)
    {
        double minute = Math.Round(MinuteOf(t), 3);
        double sum = 0;
        double max = 0;
        int sites = 0;
        foreach (var (_, _, x, y) in _plan.Sites)
        {
            double rate = minute < 0 ? 0 : _scenario.Rain.RateAt(x, y, minute);
            sum += rate;
            max = Math.Max(max, rate);
            sites++;
        }

        _rainMean.Add([minute, Math.Round(sites == 0 ? 0 : sum / sites, 3)]);
        _rainMax.Add([minute, Math.Round(max, 3)]);
        foreach (SimulatedNode node in _nodes)
        {
            if (node.Basin != null)
            {
                if (!_depth.TryGetValue(node.Plan.Id, out List<double[]>? series))
                {
                    _depth[node.Plan.Id] = series = [];
                }

                series.Add([minute, Math.Round(node.Basin.DepthMm, 1)]);
            }
        }

        if (!_controller.IsUp)
        {
            return;
        }

        foreach (Alert alert in _controller.Engine.Alerts())
        {
            if (alert.DispatchedAt == null)
            {
                continue;
            }

            // An ended alert's coverage settles once its last results are in: after two samples without
            // change since it ended, its series stops (coverage over every delivery of the day, per
            // alert, every few minutes, was most of the run's own bookkeeping at 10,000 nodes).
            bool ended = alert.State is AlertState.Cancelled or AlertState.AllClear or AlertState.Expired;
            if (ended && _samplesAfterEnd.GetValueOrDefault(alert.Id) >= 2)
            {
                continue;
            }

            if (!_coverage.TryGetValue(alert.Id, out List<double[]>? series))
            {
                _coverage[alert.Id] = series = [];
            }

            var coverage = _controller.Engine.Coverage(alert.Id, null);
            double percent = Math.Round(100 * (coverage?.District.Ratio ?? 0), 2);
            if (ended)
            {
                bool unchanged = series.Count > 0 && series[^1][1] == percent;
                _samplesAfterEnd[alert.Id] = unchanged ? _samplesAfterEnd.GetValueOrDefault(alert.Id) + 1 : 0;
            }

            series.Add([minute, percent]);
        }
    }
}
