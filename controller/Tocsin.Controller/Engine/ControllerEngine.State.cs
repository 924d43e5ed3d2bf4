using System.Text.Json;
using Tocsin.Controller.Alerts;
using Tocsin.Controller.FanOut;
using Tocsin.Controller.Health;
using Tocsin.Controller.Ingest;
using Tocsin.Controller.Regions;
using Tocsin.Controller.Rules;
using Tocsin.Controller.Storage;

namespace Tocsin.Controller.Engine;

/// <summary>Loading state at start, and saving alerts (snapshots: ControllerEngine.Snapshots.cs).</summary>
public sealed partial class ControllerEngine
{
    private const string RegionsDoc = "regions";
    private const string RulesFileDoc = "rules-file";

    private void Load()
    {
        foreach (StoredNode node in _nodeStore.All())
        {
            PutNode(node);
        }

        string? regionJson = _options.RegionFile != null ? File.ReadAllText(_options.RegionFile) : _state.Read<string>(RegionsDoc, JsonDefaults.Options);
        if (regionJson != null)
        {
            RegionLoadResult regions = RegionFileParser.Parse(regionJson);
            if (!regions.Succeeded)
            {
                throw new InvalidOperationException("region file refused:" + Environment.NewLine + string.Join(Environment.NewLine, regions.Errors));
            }

            _map = regions.Map;
            _state.Write([(RegionsDoc, JsonSerializer.SerializeToUtf8Bytes(regionJson, JsonDefaults.Options))]);
        }

        string? rulesJson = _options.RulesFile != null ? File.ReadAllText(_options.RulesFile) : _state.Read<string>(RulesFileDoc, JsonDefaults.Options);
        if (rulesJson != null && _map != null)
        {
            RuleSetLoadResult rules = WarningRuleSetParser.Parse(rulesJson);
            if (!rules.Succeeded)
            {
                throw new InvalidOperationException("rule file refused:" + Environment.NewLine + string.Join(Environment.NewLine, rules.Errors));
            }

            _rules = new WarningRuleEngine(rules.Rules!, _map);
            _state.Write([(RulesFileDoc, JsonSerializer.SerializeToUtf8Bytes(rulesJson, JsonDefaults.Options))]);
        }

        var sequences = _state.Read<Dictionary<string, SequenceSnapshot>>("sequences", JsonDefaults.Options);
        if (sequences != null)
        {
            _sequences = SequenceBook.FromSnapshots(sequences);
        }

        _ledger = _ledgerStore.Load();

        _health = _healthStore.Load();

        var alarms = _state.Read<AlarmSnapshot>("alarms", JsonDefaults.Options);
        if (alarms != null)
        {
            _alarms = AlarmBoard.FromSnapshot(alarms);
        }

        var ruleState = _state.Read<RuleEngineSnapshot>("rule-engine", JsonDefaults.Options);
        if (ruleState != null)
        {
            _rules?.Import(ruleState);
        }

        foreach (var (key, id) in _state.Read<Dictionary<string, string>>("rule-alerts", JsonDefaults.Options) ?? [])
        {
            _ruleAlerts[key] = id;
        }

        foreach (string json in _alertStore.All())
        {
            Alert? alert = JsonSerializer.Deserialize<Alert>(json, JsonDefaults.Options);
            if (alert != null)
            {
                _alerts[alert.Id] = alert;
            }
        }

        _alertNumber = _alerts.Count;
    }

    private void SaveAlert(Alert alert, Tocsin.Controller.Alerts.AuditEntry? audit)
    {
        _alertStore.Save(alert.Id, alert.Kind.ToString(), alert.State.ToString(), alert.Version, alert.CreatedAt.ToUnixTimeMilliseconds(),
            _time.GetUtcNow().ToUnixTimeMilliseconds(), JsonSerializer.Serialize(alert, JsonDefaults.Options));
        if (audit != null)
        {
            _audit.Append(audit.ActorId, (audit.Refused ? "refused:" : string.Empty) + audit.Action.ToString(), "alert:" + audit.AlertId + ".v" + audit.Version, audit.Detail);
        }
    }
}
