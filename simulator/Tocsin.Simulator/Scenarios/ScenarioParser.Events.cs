using System.Globalization;
using System.Text.Json;
using Tocsin.Controller.Api;
using Tocsin.Controller.Alerts;
using Tocsin.Controller.Validation;
using Tocsin.Simulator.World;

namespace Tocsin.Simulator.Scenarios;

/// <summary>Rain, operator actions and faults.</summary>
public static partial class ScenarioParser
{
    private static readonly JsonSerializerOptions StrictWeb = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow };

    private static readonly Dictionary<string, ScenarioActionKind> ActionNames = new(StringComparer.Ordinal)
    {
        ["create"] = ScenarioActionKind.Create,
        ["submit"] = ScenarioActionKind.Submit,
        ["approve"] = ScenarioActionKind.Approve,
        ["dispatch"] = ScenarioActionKind.Dispatch,
        ["cancel"] = ScenarioActionKind.Cancel,
        ["allclear"] = ScenarioActionKind.AllClear,
        ["console"] = ScenarioActionKind.Console,
    };

    private static readonly Dictionary<string, FaultType> FaultNames = new(StringComparer.Ordinal)
    {
        ["powerLoss"] = FaultType.PowerLoss,
        ["reboot"] = FaultType.Reboot,
        ["networkCut"] = FaultType.NetworkCut,
        ["packetLoss"] = FaultType.PacketLoss,
        ["delay"] = FaultType.Delay,
        ["brokerRestart"] = FaultType.BrokerRestart,
        ["controllerRestart"] = FaultType.ControllerRestart,
        ["clockSkew"] = FaultType.ClockSkew,
        ["sensorFail"] = FaultType.SensorFail,
        ["stuckRelay"] = FaultType.StuckRelay,
        ["deadAmplifier"] = FaultType.DeadAmplifier,
        ["tamper"] = FaultType.Tamper,
        ["replay"] = FaultType.Replay,
        ["forge"] = FaultType.Forge,
        ["blockedDrain"] = FaultType.BlockedDrain,
    };

    private static RainField ReadRain(JsonObjectReader root)
    {
        JsonObjectReader? r = root.Object("rain", required: false);
        if (r == null)
        {
            return RainField.Dry;
        }

        var background = new List<(double Minute, double MmPerHour)>();
        if (r.Array("background", nonEmpty: false, required: false) is { } points)
        {
            int i = 0;
            foreach (JsonElement e in points.EnumerateArray())
            {
                JsonObjectReader? p = r.Nested(e, JsonPath.Element(r.PathOf("background"), i++));
                if (p == null)
                {
                    continue;
                }

                double? at = Time(p, "at", required: true, min: 0, max: 7 * 24 * 60);
                double? rate = p.Number("mmPerHour", 0, 500, "must be from 0 to 500 mm/h");
                p.ReportUnknownMembers();
                if (at != null && rate != null)
                {
                    background.Add((at.Value, rate.Value));
                }
            }
        }

        var cells = new List<StormCell>();
        if (r.Array("cells", nonEmpty: false, required: false) is { } list)
        {
            int i = 0;
            foreach (JsonElement e in list.EnumerateArray())
            {
                JsonObjectReader? c = r.Nested(e, JsonPath.Element(r.PathOf("cells"), i++));
                if (c == null)
                {
                    continue;
                }

                double? at = Time(c, "at", required: true, min: 0, max: 7 * 24 * 60);
                double? duration = Time(c, "duration", required: true, min: 1, max: 7 * 24 * 60);
                double? x = c.Number("xKm", -200, 200, "must be from -200 to 200 km");
                double? y = c.Number("yKm", -200, 200, "must be from -200 to 200 km");
                double? east = c.Number("eastKmh", -200, 200, "must be from -200 to 200 km/h", required: false);
                double? north = c.Number("northKmh", -200, 200, "must be from -200 to 200 km/h", required: false);
                double? radius = c.Number("radiusKm", 0.1, 200, "must be from 0.1 to 200 km");
                double? peak = c.Number("peakMmPerHour", 0, 500, "must be from 0 to 500 mm/h");
                c.ReportUnknownMembers();
                if (at != null && duration != null && x != null && y != null && radius != null && peak != null)
                {
                    cells.Add(new StormCell(at.Value, duration.Value, x.Value, y.Value, east ?? 0, north ?? 0, radius.Value, peak.Value));
                }
            }
        }

        r.ReportUnknownMembers();
        return new RainField(background, cells);
    }

    private static List<ScenarioAction> ReadActions(JsonObjectReader root, IReadOnlyList<ScenarioOperator> operators, DistrictPlan? district, double duration)
    {
        var actions = new List<ScenarioAction>();
        if (root.Array("actions", nonEmpty: false, required: false) is not { } list)
        {
            return actions;
        }

        var refs = new HashSet<string>(StringComparer.Ordinal);
        int i = 0;
        foreach (JsonElement e in list.EnumerateArray())
        {
            int index = i++;
            JsonObjectReader? a = root.Nested(e, JsonPath.Element(root.PathOf("actions"), index));
            if (a == null)
            {
                continue;
            }

            double? at = Time(a, "at", required: true, min: 0, max: duration);
            string? verb = a.String("do", 16);
            if (verb != null && !ActionNames.ContainsKey(verb))
            {
                a.Error("do", "must be one of " + string.Join(", ", ActionNames.Keys));
                verb = null;
            }

            ScenarioAction? action = verb == null ? null : ReadAction(a, ActionNames[verb], at ?? 0, index, operators, district, refs);
            a.ReportUnknownMembers();
            if (action != null && at != null)
            {
                actions.Add(action);
            }
        }

        // Stable: actions at the same minute keep their file order.
        return [.. actions.OrderBy(x => x.AtMinute)];
    }

    private static ScenarioAction? ReadAction(JsonObjectReader a, ScenarioActionKind kind, double at, int index, IReadOnlyList<ScenarioOperator> operators, DistrictPlan? district, HashSet<string> refs)
    {
        if (kind == ScenarioActionKind.Console)
        {
            string? node = a.String("node", Identifier.MaxLength);
            string? line = a.String("line", 1000);
            if (node != null && district != null && district.Find(node) == null)
            {
                a.Error("node", "no node '" + node + "' in this scenario");
                return null;
            }

            return node != null && line != null ? new ScenarioAction(at, kind, null, null, null, null, node, line, index) : null;
        }

        string? by = OperatorRef(a, "by", operators, needApprover: kind == ScenarioActionKind.Approve);
        if (kind == ScenarioActionKind.Create)
        {
            string? name = a.String("ref", 48);
            if (name != null && !refs.Add(name))
            {
                a.Error("ref", "'" + name + "' is already used by an earlier action");
            }

            AlertRequest? request = ReadAlertRequest(a);
            return by != null && name != null && request != null ? new ScenarioAction(at, kind, by, null, name, request, null, null, index) : null;
        }

        string? alert = a.String("alert", 48);
        if (alert != null && alert != "latest" && !refs.Contains(alert))
        {
            a.Error("alert", "'" + alert + "' is not the ref of an earlier create action (or \"latest\")");
            return null;
        }

        return by != null && alert != null ? new ScenarioAction(at, kind, by, alert, null, null, null, null, index) : null;
    }

    private static AlertRequest? ReadAlertRequest(JsonObjectReader a)
    {
        JsonElement? raw = a.Raw("alert");
        if (raw == null)
        {
            return null;
        }

        AlertRequest? request;
        try
        {
            request = raw.Value.Deserialize<AlertRequest>(StrictWeb);
        }
        catch (JsonException ex)
        {
            a.Error("alert", "is not an alert request: " + ex.Message);
            return null;
        }

        string? error = request == null ? "must be an object" : AlertRequests.TryBuild(request, DateTimeOffset.UnixEpoch, out _);
        if (error != null)
        {
            a.Error("alert", error);
            return null;
        }

        return request;
    }

    private static List<ScenarioFault> ReadFaults(JsonObjectReader root, DistrictPlan? district, double duration)
    {
        var faults = new List<ScenarioFault>();
        if (root.Array("faults", nonEmpty: false, required: false) is not { } list)
        {
            return faults;
        }

        int i = 0;
        foreach (JsonElement e in list.EnumerateArray())
        {
            int index = i++;
            JsonObjectReader? f = root.Nested(e, JsonPath.Element(root.PathOf("faults"), index));
            if (f == null)
            {
                continue;
            }

            int before = f.ErrorCount;
            double? at = Time(f, "at", required: true, min: 0, max: duration);
            string? typeName = f.String("type", 32);
            if (typeName != null && !FaultNames.ContainsKey(typeName))
            {
                f.Error("type", "must be one of " + string.Join(", ", FaultNames.Keys));
                typeName = null;
            }

            ScenarioFault? fault = typeName == null ? null : ReadFault(f, FaultNames[typeName], at ?? 0, index, district, duration);
            f.ReportUnknownMembers();
            if (fault != null && at != null && f.ErrorCount == before)
            {
                faults.Add(fault);
            }
        }

        return [.. faults.OrderBy(x => x.AtMinute)];
    }

    private static ScenarioFault? ReadFault(JsonObjectReader f, FaultType type, double at, int index, DistrictPlan? district, double scenarioMinutes)
    {
        bool hasTargets = type is not (FaultType.PacketLoss or FaultType.Delay or FaultType.BrokerRestart or FaultType.ControllerRestart);
        bool needsDuration = type is FaultType.PowerLoss or FaultType.NetworkCut or FaultType.PacketLoss or FaultType.Delay;
        bool takesDuration = needsDuration || type is FaultType.ClockSkew or FaultType.SensorFail or FaultType.StuckRelay or FaultType.DeadAmplifier or FaultType.Tamper or FaultType.BlockedDrain;
        double length = takesDuration ? Time(f, "duration", required: needsDuration, min: needsDuration ? 1.0 / 60 : 0, max: scenarioMinutes) ?? 0 : 0;
        IReadOnlyList<string> targets = hasTargets ? ReadTargets(f, type, district) : [];
        string? mode = null;
        double amount = 0;
        switch (type)
        {
            case FaultType.PacketLoss:
                amount = f.Number("percent", 0, 100, "must be from 0 to 100") ?? 0;
                break;
            case FaultType.Delay:
                amount = f.Number("ms", 0, 600_000, "must be from 0 to 600000") ?? 0;
                break;
            case FaultType.BrokerRestart:
            case FaultType.ControllerRestart:
                amount = f.Number("downSeconds", 0, 24 * 3600, "must be from 0 to 86400") ?? 0;
                break;
            case FaultType.ClockSkew:
                amount = f.Number("seconds", -7 * 24 * 3600, 7 * 24 * 3600, "must be from -604800 to 604800") ?? 0;
                break;
            case FaultType.SensorFail:
                mode = f.String("mode", 16);
                if (mode is not (null or "silent" or "stuck" or "drift"))
                {
                    f.Error("mode", "must be silent, stuck or drift");
                }

                amount = mode == "drift" ? f.Number("driftMm", -5000, 5000, "must be from -5000 to 5000") ?? 0 : 0;
                break;
            case FaultType.StuckRelay:
                mode = f.String("relay", 16);
                if (mode != null && mode != "amp" && !(mode.StartsWith("zone", StringComparison.Ordinal) && int.TryParse(mode.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out int z) && z is >= 1 and <= 8))
                {
                    f.Error("relay", "must be amp or zone1 to zone8");
                }

                break;
            case FaultType.BlockedDrain:
                amount = f.Number("remaining", 0, 1, "must be from 0 to 1 (share of drain capacity left)") ?? 0;
                break;
        }

        return new ScenarioFault(at, type, length, targets, amount, mode, index);
    }

    private static List<string> ReadTargets(JsonObjectReader f, FaultType type, DistrictPlan? district)
    {
        var targets = new List<string>();
        if (f.Array("targets", nonEmpty: true) is not { } list)
        {
            return targets;
        }

        int i = 0;
        foreach (JsonElement t in list.EnumerateArray())
        {
            string path = JsonPath.Element(f.PathOf("targets"), i++);
            if (t.ValueKind != JsonValueKind.String)
            {
                f.ErrorAt(path, "must be a target such as \"community:kaiyuan-01\"");
                continue;
            }

            string selector = t.GetString()!;
            if (district == null)
            {
                continue;
            }

            IReadOnlyList<PlannedNode>? nodes = district.Resolve(selector, out string? error);
            if (nodes == null)
            {
                f.ErrorAt(path, error!);
                continue;
            }

            string? wrong = type switch
            {
                FaultType.SensorFail or FaultType.BlockedDrain when nodes.All(n => !n.IsSensor) => "names no sensor node (" + type + " needs one)",
                FaultType.StuckRelay or FaultType.DeadAmplifier or FaultType.Replay or FaultType.Forge when nodes.All(n => n.IsSensor) => "names no loudspeaker node (" + type + " needs one)",
                _ => null,
            };
            if (wrong != null)
            {
                f.ErrorAt(path, "'" + selector + "' " + wrong);
                continue;
            }

            targets.Add(selector);
        }

        return targets;
    }
}
