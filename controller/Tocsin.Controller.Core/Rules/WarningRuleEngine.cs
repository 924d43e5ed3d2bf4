using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Tocsin.Controller.Alerts;
using Tocsin.Controller.Ingest;
using Tocsin.Controller.Regions;

namespace Tocsin.Controller.Rules;

/// <summary>
/// Turns sensor evidence into proposed warnings. Per rule and area it keeps the level in force; a
/// higher confirmed level is proposed at once (water can peak within twenty minutes), a lower one only
/// after the evidence has stayed lower for the rule's hold time (hysteresis: a level hovering at a
/// threshold must not make speakers flap). Time is an input: call <see cref="Tick"/> periodically so
/// holds expire without new evidence. Not thread-safe.
/// </summary>
public sealed class WarningRuleEngine
{
    private readonly WarningRuleSet _rules;
    private readonly RegionMap _map;
    private readonly AlertKind _kind;
    private readonly Dictionary<(string Rule, string Sensor), RuleSensorState> _sensors = [];
    private readonly HashSet<(string Rule, string Area)> _evaluated = [];
    private readonly Dictionary<(string Rule, string Area), RuleAreaState> _areas = [];

    // Sensors per (rule, area) in the order first seen, so evaluating an area reads its own sensors
    // instead of scanning every sensor of the district on every reading.
    private readonly Dictionary<(string Rule, string Area), AreaSensors> _sensorsByArea = [];

    /// <summary>Creates an engine; <paramref name="kind"/> Drill runs it for an exercise (nothing auto-dispatches).</summary>
    public WarningRuleEngine(WarningRuleSet rules, RegionMap map, AlertKind kind = AlertKind.Live)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(map);
        _rules = rules;
        _map = map;
        _kind = kind;
    }

    /// <summary>Restores state saved with <see cref="Export"/> (entries for rules no longer present are dropped).</summary>
    public void Import(RuleEngineSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var known = _rules.Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (RuleSensorState s in snapshot.Sensors.Where(s => known.Contains(s.RuleId)))
        {
            if (_rules.Rules.FirstOrDefault(r => r.Id == s.RuleId) is WarningRule rule)
            {
                Put(rule, s, _sensors.GetValueOrDefault((s.RuleId, s.SensorId)));
            }
        }

        foreach (RuleAreaState a in snapshot.Areas.Where(a => known.Contains(a.RuleId)))
        {
            _areas[(a.RuleId, a.AreaId)] = a;
        }
    }

    /// <summary>The whole state.</summary>
    public RuleEngineSnapshot Export() => new(_sensors.Values.ToList(), _areas.Values.ToList());

    /// <summary>The level a rule has in force for an area, or null for none.</summary>
    public WarningLevel? LevelInForce(string ruleId, string areaId) => _areas.GetValueOrDefault((ruleId, areaId))?.Level;

    /// <summary>Takes one reading; returns the proposals it causes (usually none).</summary>
    public IReadOnlyList<ProposedWarning> Observe(SensorEvidence evidence, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(evidence);

        // Called for every reading the district sends: most change nothing, so the list of proposals
        // is made only when one is, and the rules are walked without a query object per call.
        List<ProposedWarning>? proposals = null;
        if (!_map.ContainsCommunity(evidence.CommunityId))
        {
            return [];
        }

        IReadOnlyList<WarningRule> rules = _rules.Rules;
        for (int i = 0; i < rules.Count; i++)
        {
            WarningRule rule = rules[i];
            if (rule.Evidence != evidence.Kind || (rule.Sensors != null && !rule.Sensors.Contains(evidence.SensorId)))
            {
                continue;
            }

            ref RuleSensorState slot = ref CollectionsMarshal.GetValueRefOrNullRef(_sensors, (rule.Id, evidence.SensorId));
            RuleSensorState? old = Unsafe.IsNullRef(ref slot) ? null : slot;
            if (old != null && evidence.ObservedAt < old.ObservedAt)
            {
                // A reading flushed late from an outbox must not overwrite a newer one.
                continue;
            }

            if (old != null && old.Current == evidence.Level && old.Previous == evidence.Level && old.CommunityId == evidence.CommunityId
                && _evaluated.Contains((rule.Id, AreaOf(rule, old.CommunityId)!)))
            {
                // The same level a third time running (most readings): only its time changes, so the
                // area's counts and membership stay, and its evidence is what the engine last judged (a
                // hold running out is Tick's to act on, every second). An area not judged since a restart
                // (rules or map may have changed) is judged.
                slot = old with { ObservedAt = evidence.ObservedAt };
                continue;
            }

            var state = new RuleSensorState(rule.Id, evidence.SensorId, evidence.CommunityId, evidence.Level, old?.Current ?? SensorLevel.None, evidence.ObservedAt);
            Put(rule, state, old);
            proposals ??= [];
            if (old != null && old.CommunityId != evidence.CommunityId && AreaOf(rule, old.CommunityId) is string oldArea)
            {
                Evaluate(rule, oldArea, now, proposals);
            }

            Evaluate(rule, AreaOf(rule, evidence.CommunityId)!, now, proposals);
        }

        return proposals ?? (IReadOnlyList<ProposedWarning>)[];
    }

    /// <summary>Lets time pass: lowers or ends warnings whose hold has run out.</summary>
    public IReadOnlyList<ProposedWarning> Tick(DateTimeOffset now)
    {
        var proposals = new List<ProposedWarning>();
        foreach (RuleAreaState a in _areas.Values.Where(a => a.LowerSince != null).ToList())
        {
            if (_rules.Rules.FirstOrDefault(r => r.Id == a.RuleId) is WarningRule rule)
            {
                Evaluate(rule, a.AreaId, now, proposals);
            }
        }

        return proposals;
    }

    private string? AreaOf(WarningRule rule, string communityId) =>
        rule.Scope == RuleScope.Community ? communityId : _map.StreetOf(communityId)?.Id;

    private void Put(WarningRule rule, RuleSensorState state, RuleSensorState? old)
    {
        _sensors[(rule.Id, state.SensorId)] = state;
        string? area = AreaOf(rule, state.CommunityId);
        string? oldArea = old == null ? null : AreaOf(rule, old.CommunityId);
        AreaSensors? previous = oldArea == null ? null : _sensorsByArea.GetValueOrDefault((rule.Id, oldArea));
        previous?.Uncount(old!);
        if (old != null && oldArea == area)
        {
            previous?.Count(state);
            return;
        }

        previous?.Ids.Remove(state.SensorId);
        if (area != null)
        {
            if (!_sensorsByArea.TryGetValue((rule.Id, area), out AreaSensors? sensors))
            {
                _sensorsByArea[(rule.Id, area)] = sensors = new AreaSensors();
            }

            sensors.Ids.Add(state.SensorId);
            sensors.Count(state);
        }
    }

    private void Evaluate(WarningRule rule, string areaId, DateTimeOffset now, List<ProposedWarning> proposals)
    {
        _evaluated.Add((rule.Id, areaId));
        // Runs whenever a sensor changes level: the area's counts give the level without visiting its
        // sensors, and the list of their states is only built for a proposal.
        AreaSensors? sensors = _sensorsByArea.GetValueOrDefault((rule.Id, areaId));
        List<string> ids = sensors?.Ids ?? [];
        WarningLevel? computed = rule.Map(sensors?.Confirmed(rule.Confirm) ?? SensorLevel.None);
        RuleAreaState state = _areas.GetValueOrDefault((rule.Id, areaId)) ?? new RuleAreaState(rule.Id, areaId, null, null, null);
        if (Rank(computed) > Rank(state.Level))
        {
            _areas[(rule.Id, areaId)] = state with { Level = computed, LowerSince = null, HeldMax = null };
            proposals.Add(Propose(rule, areaId, ProposalAction.Raise, computed, state.Level, StatesOf(rule.Id, ids), now));
            return;
        }

        if (Rank(computed) == Rank(state.Level))
        {
            if (state.LowerSince != null)
            {
                _areas[(rule.Id, areaId)] = state with { LowerSince = null, HeldMax = null };
            }

            return;
        }

        RuleAreaState lowering = state.LowerSince == null
            ? state with { LowerSince = now, HeldMax = computed }
            : state with { HeldMax = Rank(computed) > Rank(state.HeldMax) ? computed : state.HeldMax };
        if (now - lowering.LowerSince!.Value < rule.Hold)
        {
            _areas[(rule.Id, areaId)] = lowering;
            return;
        }

        // The hold ran out: drop to the highest level seen during it; if the evidence is lower still, a new hold starts.
        WarningLevel? next = lowering.HeldMax;
        bool lowerStill = Rank(computed) < Rank(next);
        _areas[(rule.Id, areaId)] = new RuleAreaState(rule.Id, areaId, next, lowerStill ? now : null, lowerStill ? computed : null);
        proposals.Add(Propose(rule, areaId, next == null ? ProposalAction.End : ProposalAction.Lower, next, state.Level, StatesOf(rule.Id, ids), now));
    }

    private List<RuleSensorState> StatesOf(string ruleId, List<string> ids) => ids.Select(id => _sensors[(ruleId, id)]).ToList();

    private ProposedWarning Propose(WarningRule rule, string areaId, ProposalAction action, WarningLevel? level, WarningLevel? previous, List<RuleSensorState> sensors, DateTimeOffset now)
    {
        List<string> communities = rule.Scope == RuleScope.Community ? [areaId] : _map.CommunitiesOf(areaId).Select(c => c.Id).ToList();
        bool districtWide = communities.Count == _map.Communities.Count;
        WarningLevel? judged = action == ProposalAction.End ? previous : level;
        bool auto = _kind == AlertKind.Live && judged is WarningLevel j && _rules.MayAutoDispatch(rule.Hazard, j, districtWide);
        string title = rule.Title ?? Hazards.ToText(rule.Hazard) + " warning level " + WarningLevels.ToText(judged ?? WarningLevel.Info)
            + (action == ProposalAction.End ? " ended" : string.Empty);
        var evidence = sensors.OrderBy(s => s.SensorId, StringComparer.Ordinal)
            .Select(s => new EvidenceItem(s.SensorId, s.CommunityId, s.Current, s.Previous, s.ObservedAt)).ToList();
        return new ProposedWarning(rule.Id + ":" + areaId, rule.Id, action, rule.Hazard, level, previous, rule.Scope, areaId, communities, evidence,
            _kind, auto, rule.Clips, rule.Siren, title, now);
    }

    private static int Rank(WarningLevel? level) => level is WarningLevel l ? (int)l : -1;
}
