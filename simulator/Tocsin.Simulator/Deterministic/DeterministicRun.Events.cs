using Tocsin.Controller.Alerts;
using Tocsin.Controller.Api;
using Tocsin.Controller.Engine;
using Tocsin.Simulator.Scenarios;

namespace Tocsin.Simulator.Deterministic;

/// <summary>Operator actions, the duty room and console lines, at their scenario minutes.</summary>
public sealed partial class DeterministicRun
{
    private readonly Dictionary<string, string> _alertRefs = new(StringComparer.Ordinal);
    private readonly HashSet<(string Alert, int Version, AlertState State)> _dutyDone = [];
    private int _nextAction;
    private int _nextFault;

    // True when an operator action or a fault is due, or a fault's healing or observation (as
    // HealDue does them): all of these may read or drive the controller.
    private bool ScenarioEventsDue(long t) =>
        (_nextAction < _scenario.Actions.Count && RunMsOf(_scenario.Actions[_nextAction].AtMinute) <= t)
        || (_nextFault < _scenario.Faults.Count && RunMsOf(_scenario.Faults[_nextFault].AtMinute) <= t)
        || _faults.Exists(a => (!a.Healed && a.HealAtMs != null && a.HealAtMs <= t)
            || (a.Healed && a.Observed == null && t >= (a.HealAtMs ?? a.StartMs) + ObservationTailMs));

    private async Task RunScenarioEventsAsync(long t)
    {
        while (_nextAction < _scenario.Actions.Count && RunMsOf(_scenario.Actions[_nextAction].AtMinute) <= t)
        {
            Act(_scenario.Actions[_nextAction++]);
        }

        while (_nextFault < _scenario.Faults.Count && RunMsOf(_scenario.Faults[_nextFault].AtMinute) <= t)
        {
            await InjectAsync(_scenario.Faults[_nextFault++]).ConfigureAwait(false);
        }

        HealDue(t);
    }

    private void Act(ScenarioAction action)
    {
        if (action.Kind == ScenarioActionKind.Console)
        {
            TypeOnConsole(action.Node!, action.Line!);
            return;
        }

        string what = action.Kind.ToString().ToUpperInvariant();
        if (!_controller.IsUp)
        {
            Record(action, what, "controller down: not done");
            return;
        }

        ControllerEngine engine = _controller.Engine;
        Actor by = ActorOf(action.By!);
        if (action.Kind == ScenarioActionKind.Create)
        {
            string? error = AlertRequests.TryBuild(action.Request!, _time.GetUtcNow(), out Func<string, AlertDraft>? draft);
            if (error != null)
            {
                Record(action, what, "refused: " + error);
                return;
            }

            AlertTransition created = engine.CreateAlert(draft!, by);
            if (created.Succeeded)
            {
                _alertRefs[action.Ref!] = created.Alert.Id;
            }

            Record(action, what + " " + action.Ref, Outcome(created));
            return;
        }

        string? id = action.AlertRef == "latest" ? (engine.Alerts() is { Count: > 0 } all ? all[0].Id : null) : _alertRefs.GetValueOrDefault(action.AlertRef!);
        if (id == null)
        {
            Record(action, what + " " + action.AlertRef, "no such alert (its create action failed or none exists yet)");
            return;
        }

        AlertAction verb = action.Kind switch
        {
            ScenarioActionKind.Submit => AlertAction.Submit,
            ScenarioActionKind.Approve => AlertAction.Approve,
            ScenarioActionKind.Dispatch => AlertAction.Dispatch,
            ScenarioActionKind.Cancel => AlertAction.Cancel,
            _ => AlertAction.AllClear,
        };
        AlertTransition t = engine.ActAsync(id, verb, by, CancellationToken.None).GetAwaiter().GetResult();
        Record(action, what + " " + id, Outcome(t));
    }

    private void Record(ScenarioAction action, string what, string outcome)
    {
        _actions.Add(new Reports.TimelineEntry(Math.Round(MinuteOf(_now), 3), "action", action.By ?? string.Empty, what + ": " + outcome));
        Note("action", action.By ?? string.Empty, what + ": " + outcome);
    }

    private static string Outcome(AlertTransition t) =>
        t.Succeeded ? "done (" + t.Alert.Id + " now " + t.Alert.State + ")" : "refused (" + t.Refusal + "): " + t.Reason + (t.Errors.Count > 0 ? ": " + string.Join("; ", t.Errors) : string.Empty);

    private Actor ActorOf(string id)
    {
        ScenarioOperator op = _scenario.Operators.First(o => o.Id == id);
        return new Actor(op.Id, op.Id, op.Role);
    }

    private void TypeOnConsole(string nodeId, string line)
    {
        SimulatedNode node = _byId[nodeId];
        string output;
        if (!node.Node.IsPowered)
        {
            output = "(no answer: the node has no power)";
        }
        else
        {
            node.Node.Console.TakeOutput();
            node.Node.Type(line);

            // The console answers within the firmware step that reads the line.
            for (int i = 0; i < 3; i++)
            {
                node.TickTo(_now);
            }

            node.Flush(_network);
            output = node.Node.Console.TakeOutput().TrimEnd();

            // What the line started (a reboot, a setting, a test) runs on the node's own timers from here.
            Wake(node);
        }

        var entry = new Reports.TimelineEntry(Math.Round(MinuteOf(_now), 3), "console", nodeId, "> " + line + Environment.NewLine + output);
        _console.Add(entry);
        Note("console", nodeId, "> " + line);
    }

    private void Duty(long t)
    {
        DutyPolicy? duty = _scenario.Duty;
        if (duty == null || !_controller.IsUp)
        {
            return;
        }

        ControllerEngine engine = _controller.Engine;
        DateTimeOffset now = _time.GetUtcNow();
        TimeSpan respond = TimeSpan.FromMinutes(duty.RespondAfterMinutes);
        foreach (var alarm in engine.Alarms().Where(a => a.IsUnacknowledged && now - a.RaisedAt >= respond).ToList())
        {
            // The duty room takes every alarm it has seen; what it does about it follows below or in the actions.
            engine.Acknowledge(alarm.Id, ActorOf(duty.Operator));
            Note("action", duty.Operator, "duty: acknowledged alarm " + alarm.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": " + alarm.Message);
        }

        foreach (Alert alert in engine.Alerts().Where(a => a.Source == AlertSource.Rule).Reverse().ToList())
        {
            bool waiting = alert.State is AlertState.Draft or AlertState.PendingApproval or AlertState.Approved || alert.PendingUpdate != null;
            if (!waiting || now - alert.CreatedAt < respond || !_dutyDone.Add((alert.Id, alert.Version, alert.State)))
            {
                continue;
            }

            Actor op = ActorOf(duty.Operator);
            Actor approver = ActorOf(duty.Approver);
            var steps = new List<(AlertAction Action, Actor By)>();
            if (alert.PendingUpdate != null)
            {
                steps.Add((AlertAction.Approve, approver));
            }
            else if (alert.State == AlertState.Draft)
            {
                steps.Add((AlertAction.Dispatch, op));
            }
            else if (alert.State == AlertState.PendingApproval)
            {
                steps.Add((AlertAction.Approve, approver));
                steps.Add((AlertAction.Dispatch, op));
            }
            else
            {
                steps.Add((AlertAction.Dispatch, op));
            }

            foreach (var (action, by) in steps)
            {
                AlertTransition result = engine.ActAsync(alert.Id, action, by, CancellationToken.None).GetAwaiter().GetResult();
                if (!result.Succeeded && result.Refusal == RefusalCode.ApprovalRequired && action == AlertAction.Dispatch)
                {
                    // A second person is needed: submit, approve, then dispatch.
                    engine.ActAsync(alert.Id, AlertAction.Submit, op, CancellationToken.None).GetAwaiter().GetResult();
                    engine.ActAsync(alert.Id, AlertAction.Approve, approver, CancellationToken.None).GetAwaiter().GetResult();
                    result = engine.ActAsync(alert.Id, AlertAction.Dispatch, op, CancellationToken.None).GetAwaiter().GetResult();
                }

                string text = "duty: " + action.ToString().ToUpperInvariant() + " " + alert.Id + ": " + Outcome(result);
                _actions.Add(new Reports.TimelineEntry(Math.Round(MinuteOf(t), 3), "action", by.Id, text));
                Note("action", by.Id, text);
            }
        }
    }
}
