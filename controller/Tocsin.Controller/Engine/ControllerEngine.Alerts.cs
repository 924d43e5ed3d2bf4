using Tocsin.Controller.Alerts;
using Tocsin.Controller.Coverage;
using Tocsin.Controller.FanOut;
using Tocsin.Controller.Health;
using Tocsin.Controller.Rules;

namespace Tocsin.Controller.Engine;

/// <summary>Alert lifecycle, fan-out and coverage (run on the engine loop).</summary>
public sealed partial class ControllerEngine
{
    /// <summary>Every alert, newest first.</summary>
    public IReadOnlyList<Alert> Alerts() => _alerts.Values.OrderByDescending(a => a.CreatedAt).ToList();

    /// <summary>One alert, or null.</summary>
    public Alert? FindAlert(string id) => _alerts.GetValueOrDefault(id);

    /// <summary>Creates an alert from a draft whose id is assigned here.</summary>
    public AlertTransition CreateAlert(Func<string, AlertDraft> draft, Actor by)
    {
        ArgumentNullException.ThrowIfNull(draft);
        DateTimeOffset now = _time.GetUtcNow();
        if (_map == null)
        {
            throw new InvalidOperationException("no region map loaded: start the controller with --regions");
        }

        string id = NextAlertId(now);
        AlertTransition t = Alert.Create(draft(id), by, _map, now);
        Remember(t);
        return t;
    }

    /// <summary>Applies an operator action; dispatch-like effects are sent to the speakers at once.</summary>
    public async Task<AlertTransition> ActAsync(string id, AlertAction action, Actor by, CancellationToken cancellation)
    {
        if (!_alerts.TryGetValue(id, out Alert? alert))
        {
            throw new KeyNotFoundException("no alert '" + id + "'");
        }

        DateTimeOffset now = _time.GetUtcNow();
        AlertTransition t = action switch
        {
            AlertAction.Submit => alert.Submit(by, now),
            AlertAction.Approve => alert.Approve(by, now),
            AlertAction.Dispatch => alert.Dispatch(by, now),
            AlertAction.Cancel => alert.Cancel(by, now),
            _ => alert.AllClear(by, now),
        };
        Remember(t);
        if (t.Succeeded)
        {
            await SendEffectAsync(t.Alert, t.Effect, now, cancellation).ConfigureAwait(false);
        }

        return t;
    }

    /// <summary>Applies an update (level, message, expiry) and re-sends when it takes effect at once.</summary>
    public async Task<AlertTransition> UpdateAsync(string id, AlertUpdate update, Actor by, CancellationToken cancellation)
    {
        if (!_alerts.TryGetValue(id, out Alert? alert))
        {
            throw new KeyNotFoundException("no alert '" + id + "'");
        }

        DateTimeOffset now = _time.GetUtcNow();
        AlertTransition t = alert.Update(by, update, now);
        Remember(t);
        if (t.Succeeded)
        {
            await SendEffectAsync(t.Alert, t.Effect, now, cancellation).ConfigureAwait(false);
        }

        return t;
    }

    /// <summary>Coverage of an alert at <paramref name="deadline"/> (now when null).</summary>
    public AlertCoverage? Coverage(string id, DateTimeOffset? deadline)
    {
        if (!_alerts.TryGetValue(id, out Alert? alert) || _map == null)
        {
            return null;
        }

        if (deadline != null)
        {
            return CoverageCalculator.ForAlert(alert, _map, _records, _ledgerStore.DeliveriesOfAlert(_ledger, id), deadline.Value);
        }

        // Coverage as of now changes only with the alert, its deliveries, the node records or the map
        // (every result it counts arrived before now), so it is kept until one of them changes: the
        // console asks every few seconds, and at 10,000 speakers one answer costs tens of milliseconds.
        // A clock stepped back would count results after "now": only a later now reuses the figures.
        DateTimeOffset now = _time.GetUtcNow();
        if (_coverageNow.TryGetValue(id, out CoverageNow? kept) && ReferenceEquals(kept.Alert, alert) && kept.Ledger == _ledger && kept.LedgerVersion == _ledger.VersionOf(id)
            && kept.RecordsVersion == _recordsVersion && ReferenceEquals(kept.Map, _map) && now >= kept.Coverage.Deadline)
        {
            return kept.Coverage with { Deadline = now };
        }

        AlertCoverage coverage = CoverageCalculator.ForAlert(alert, _map, _records, _ledgerStore.DeliveriesOfAlert(_ledger, id), now);
        if (_coverageNow.Count >= CoverageKept && !_coverageNow.ContainsKey(id))
        {
            // Ended alerts' figures go first (they are asked for less); only if none has ended, all of them.
            var ended = _coverageNow.Keys.Where(k => !_alerts.TryGetValue(k, out Alert? a) || a.State is AlertState.Cancelled or AlertState.AllClear or AlertState.Expired).ToList();
            if (ended.Count == 0)
            {
                _coverageNow.Clear();
            }

            ended.ForEach(k => _coverageNow.Remove(k));
        }

        _coverageNow[id] = new CoverageNow(alert, _ledger, _ledger.VersionOf(id), _recordsVersion, _map, coverage);
        return coverage;
    }

    /// <summary>Every node's latest delivery state for an alert.</summary>
    public IReadOnlyList<NodeDelivery> Deliveries(string id) => _ledgerStore.DeliveriesOfAlert(_ledger, id);

    /// <summary>The district's figures against the plan's targets (latest alert's reach when given).</summary>
    public DistrictScorecard? Scorecard(string? alertId, TimelinessFigures? reports)
    {
        if (_map == null)
        {
            return null;
        }

        AlertCoverage? coverage = alertId == null ? null : Coverage(alertId, null);
        return Tocsin.Controller.Coverage.Scorecard.Compute(_map, _records.Values, _health.HealthyNodeIds(), coverage, reports);
    }

    /// <summary>Node health as tracked.</summary>
    public IReadOnlyList<NodeHealth> Health() => _health.All;

    /// <summary>Open operator alarms.</summary>
    public IReadOnlyList<OperatorAlarm> Alarms() => _alarms.Open;

    /// <summary>Acknowledges an alarm.</summary>
    public AlarmAcknowledgement Acknowledge(long alarmId, Actor by)
    {
        ArgumentNullException.ThrowIfNull(by);
        _dirty = true;
        AlarmAcknowledgement ack = _alarms.Acknowledge(alarmId, by, _time.GetUtcNow());
        if (ack.Succeeded)
        {
            // Acknowledged alarms leave memory a day after they end (PruneClosedAlarms); who acknowledged stays here.
            _audit.Append(by.Id, "alarm-ack", "alarm:" + ack.Alarm.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ack.Alarm.Key + ": " + ack.Alarm.Message);
        }

        return ack;
    }

    private void Remember(AlertTransition t)
    {
        if (t.Alert != null && t.Succeeded)
        {
            _alerts[t.Alert.Id] = t.Alert;
            SaveAlert(t.Alert, t.Audit);
            ResolveProposalAlarm(t.Alert, t.Audit.At);
        }
        else if (t.Audit != null)
        {
            SaveAlert(t.Alert ?? _alerts[t.Audit.AlertId], t.Audit);
        }
    }

    private async Task SendEffectAsync(Alert alert, AlertEffect effect, DateTimeOffset now, CancellationToken cancellation)
    {
        if (effect == AlertEffect.None)
        {
            return;
        }

        foreach (FanOutPlan plan in _planner.PlanEffect(alert, effect, KeyedSpeakers(), now))
        {
            foreach (CommunityEnvelopes community in plan.Communities)
            {
                for (int i = 0; i < community.Envelopes.Count; i++)
                {
                    await _transport.PublishToMembersAsync(community.Topic, community.Envelopes[i], community.MembersOf(i), cancellation).ConfigureAwait(false);
                }
            }

            _ledger.Track(plan, now);
            _dirty = true;
            if (plan.CommunitiesWithoutSpeakers.Count > 0)
            {
                LogNoSpeakers(alert.Id, string.Join(", ", plan.CommunitiesWithoutSpeakers));
            }
        }
    }

    private async Task SendOwedAsync(string nodeId, CancellationToken cancellation)
    {
        DateTimeOffset now = _time.GetUtcNow();
        foreach (NodeDelivery owed in _ledger.OwedTo(nodeId, now))
        {
            await ResendAsync(owed, now, cancellation).ConfigureAwait(false);
        }
    }

    private async Task ResendAsync(NodeDelivery delivery, DateTimeOffset now, CancellationToken cancellation)
    {
        FanOutCommand? command = _ledger.FindCommand(delivery.CommandId);
        if (command == null || !_nodes.TryGetValue(delivery.NodeId, out var node) || node.Revoked)
        {
            return;
        }

        NodeEnvelope envelope = FanOutPlanner.Resend(command, delivery.NodeId, node.CommandKey);
        await _transport.SendToNodeAsync(delivery.NodeId, envelope.Topic, envelope.Payload, cancellation).ConfigureAwait(false);
        _ledger.MarkSent(delivery.CommandId, delivery.NodeId, now);
        _dirty = true;
    }

    private async Task HandleProposalsAsync(CancellationToken cancellation)
    {
        if (_proposals.Count == 0)
        {
            return;
        }

        ProposedWarning[] proposals = [.. _proposals];
        _proposals.Clear();
        foreach (ProposedWarning p in proposals)
        {
            await HandleProposalAsync(p, cancellation).ConfigureAwait(false);
        }
    }

    private async Task HandleProposalAsync(ProposedWarning p, CancellationToken cancellation)
    {
        DateTimeOffset now = _time.GetUtcNow();
        _ruleAlerts.TryGetValue(p.Key, out string? existingId);
        Alert? existing = existingId == null ? null : _alerts.GetValueOrDefault(existingId);
        if (existing != null && existing.IsFinal)
        {
            existing = null;
        }

        if (p.Action == ProposalAction.Raise && existing == null)
        {
            AlertTransition created = CreateAlert(id => p.ToDraft(id, now + TimeSpan.FromHours(6)), Actor.System);
            if (!created.Succeeded)
            {
                LogRuleRefused(p.Key, created.Reason ?? "invalid");
                return;
            }

            _ruleAlerts[p.Key] = created.Alert.Id;
            _dirty = true;
            AlertAction next = p.AutoDispatch ? AlertAction.Dispatch : AlertAction.Submit;
            AlertTransition t = await ActAsync(created.Alert.Id, next, Actor.System, cancellation).ConfigureAwait(false);
            if (!t.Succeeded && next == AlertAction.Dispatch)
            {
                await ActAsync(created.Alert.Id, AlertAction.Submit, Actor.System, cancellation).ConfigureAwait(false);
            }

            bool waits = WaitsForAPerson(_alerts[created.Alert.Id], now);
            AlarmNotification? raised = _alarms.Raise(ProposalAlarmKey(created.Alert.Id), "rule " + p.RuleId + " proposed " + p.Title + " (" + created.Alert.Id + ")" + (waits ? ": waiting for an operator" : string.Empty), null, now);
            if (raised != null)
            {
                LogAlarm(raised.Reason.ToString(), raised.Audience.ToString(), raised.Alarm.Message);
            }

            // Dispatched automatically, it waits for nobody: listed until acknowledged, not repeated.
            ResolveProposalAlarm(_alerts[created.Alert.Id], now);

            return;
        }

        if (existing == null)
        {
            return;
        }

        if (p.Action == ProposalAction.End)
        {
            if (existing.State == AlertState.Dispatched)
            {
                await ActAsync(existing.Id, AlertAction.AllClear, Actor.System, cancellation).ConfigureAwait(false);
            }
            else
            {
                await ActAsync(existing.Id, AlertAction.Cancel, Actor.System, cancellation).ConfigureAwait(false);
            }

            return;
        }

        await UpdateAsync(existing.Id, p.ToUpdate(), Actor.System, cancellation).ConfigureAwait(false);
    }

    private string NextAlertId(DateTimeOffset now)
    {
        string id;
        do
        {
            id = AlertIds.Format(now, ++_alertNumber);
        }
        while (_alerts.ContainsKey(id));
        return id;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "alert {Alert}: no broadcast node in {Communities}")]
    private partial void LogNoSpeakers(string alert, string communities);

    [LoggerMessage(Level = LogLevel.Warning, Message = "rule proposal {Key} refused: {Reason}")]
    private partial void LogRuleRefused(string key, string reason);
}
