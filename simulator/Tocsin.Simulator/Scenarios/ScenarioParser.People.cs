using System.Text.Json;
using Tocsin.Controller.Alerts;
using Tocsin.Controller.Validation;

namespace Tocsin.Simulator.Scenarios;

/// <summary>Operators, the duty room and tick sizes.</summary>
public static partial class ScenarioParser
{
    private static List<ScenarioOperator> ReadOperators(JsonObjectReader root)
    {
        var operators = new List<ScenarioOperator>();
        if (root.Array("operators", nonEmpty: false, required: false) is not { } list)
        {
            return operators;
        }

        int i = 0;
        foreach (JsonElement e in list.EnumerateArray())
        {
            JsonObjectReader? o = root.Nested(e, JsonPath.Element(root.PathOf("operators"), i++));
            if (o == null)
            {
                continue;
            }

            string? id = o.String("id", 48);
            string? role = o.String("role", 16);
            o.ReportUnknownMembers();
            OperatorRole parsed = OperatorRole.Operator;
            if (role != null && !TryParseRole(role, out parsed))
            {
                o.Error("role", "must be operator, approver or admin");
                continue;
            }

            if (id != null && operators.Exists(x => x.Id == id))
            {
                o.Error("id", "'" + id + "' is listed twice");
                continue;
            }

            if (id != null && role != null)
            {
                operators.Add(new ScenarioOperator(id, parsed));
            }
        }

        return operators;
    }

    private static DutyPolicy? ReadDuty(JsonObjectReader root, IReadOnlyList<ScenarioOperator> operators)
    {
        JsonObjectReader? d = root.Object("duty", required: false);
        if (d == null)
        {
            return null;
        }

        string? op = OperatorRef(d, "operator", operators, needApprover: false);
        string? approver = OperatorRef(d, "approver", operators, needApprover: true);
        double? after = Time(d, "respondAfter", required: true, min: 0, max: 24 * 60);
        d.ReportUnknownMembers();
        return op != null && approver != null && after != null ? new DutyPolicy(op, approver, after.Value) : null;
    }

    private static string? OperatorRef(JsonObjectReader reader, string name, IReadOnlyList<ScenarioOperator> operators, bool needApprover)
    {
        string? id = reader.String(name, 48);
        if (id == null)
        {
            return null;
        }

        ScenarioOperator? found = operators.FirstOrDefault(o => o.Id == id);
        if (found == null)
        {
            reader.Error(name, "no operator '" + id + "' in 'operators'");
            return null;
        }

        if (needApprover && found.Role == OperatorRole.Operator)
        {
            reader.Error(name, "'" + id + "' is an operator; approving needs the approver or admin role");
            return null;
        }

        return id;
    }

    private static TickSpec ReadTick(JsonObjectReader root)
    {
        JsonObjectReader? t = root.Object("tick", required: false);
        if (t == null)
        {
            return new TickSpec();
        }

        var spec = new TickSpec(
            (int)(t.Integer("sensorMs", 100, 60_000, "must be from 100 to 60000", required: false) ?? 1000),
            (int)(t.Integer("speakerMs", 100, 300_000, "must be from 100 to 300000", required: false) ?? 2000),
            (int)(t.Integer("activeMs", 10, 1000, "must be from 10 to 1000", required: false) ?? 100),
            (int)(t.Integer("soundingMs", 10, 5000, "must be from 10 to 5000", required: false) ?? 100),
            (int)(t.Integer("steadyMs", 10, 60_000, "must be from 10 to 60000", required: false) ?? 5000),
            (int)(t.Integer("controllerMs", 0, 2000, "must be from 0 to 2000", required: false) ?? 0));
        if (spec.ControllerMs % spec.ActiveMs != 0)
        {
            t.Error("controllerMs", "must be a multiple of activeMs (" + spec.ActiveMs.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")");
        }

        t.ReportUnknownMembers();
        return spec;
    }

    private static bool TryParseRole(string text, out OperatorRole role)
    {
        (bool ok, role) = text switch
        {
            "operator" => (true, OperatorRole.Operator),
            "approver" => (true, OperatorRole.Approver),
            "admin" => (true, OperatorRole.Admin),
            _ => (false, OperatorRole.Operator),
        };
        return ok;
    }
}
