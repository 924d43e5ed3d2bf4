using System.Globalization;
using System.Text.Json;
using Tocsin.Hardware.PowerBudget.Model;

namespace Tocsin.Hardware.PowerBudget.Input;

/// <summary>
/// Reads a node's power-profile.json. Unknown properties, missing ones and out-of-range values are
/// errors at their line and column; whether designators and rails match the BOM is checked by
/// <see cref="Budget.BudgetCalculator"/>, which sees both files.
/// </summary>
public static class ProfileReader
{
    /// <summary>Days per month for durations given per month.</summary>
    public const double DaysPerMonth = 30;

    private static readonly string[] DurationKeys =
    [
        "rest_of_day", "hours_per_day", "minutes_per_day", "seconds_per_day", "seconds_per_hour", "minutes_per_month",
    ];

    /// <summary>Parses the text of a power-profile.json; <paramref name="file"/> names it in errors.</summary>
    public static PowerProfile Parse(string text, string file)
    {
        JsonNodeAt root = JsonReaderAt.Parse(text, file).ExpectObject("title", "battery", "rails", "solar", "states");
        return new PowerProfile(
            root.Require("title").AsText(),
            ReadBattery(root.Require("battery")),
            ReadRails(root.Require("rails")),
            ReadSolar(root.Require("solar")),
            ReadStates(root.Require("states")));
    }

    private static BatterySpec ReadBattery(JsonNodeAt node)
    {
        node.ExpectObject("chemistry", "nominal_v", "standby_h", "depth_of_discharge", "temperature_factor", "aging_factor", "standard_ah", "standard_note");
        return new BatterySpec(
            node.Require("chemistry").AsText(),
            node.Require("nominal_v").AsNumber(0.5, 100),
            node.Require("standby_h").AsNumber(1, 1000),
            node.Require("depth_of_discharge").AsNumber(0.05, 1),
            node.Require("temperature_factor").AsNumber(0.05, 1),
            node.Require("aging_factor").AsNumber(0.05, 1),
            Ascending(node.Require("standard_ah"), 0.01, 10000),
            node.Find("standard_note")?.AsText() ?? "");
    }

    private static List<RailSpec> ReadRails(JsonNodeAt node)
    {
        if (node.Kind != JsonValueKind.Array || node.Items.Count == 0)
        {
            throw node.Position.Error($"{node.Path}: expected a non-empty array of rails");
        }

        var rails = new List<RailSpec>();
        foreach (JsonNodeAt item in node.Items)
        {
            item.ExpectObject("supply_v", "kind", "efficiency", "from_v", "note");
            JsonNodeAt supply = item.Require("supply_v");
            double supplyV = supply.AsNumber(0.1, 1000);
            if (rails.Any(r => r.SupplyV == supplyV))
            {
                throw supply.Position.Error($"{supply.Path}: a rail at {Fmt(supplyV)} V is already listed");
            }

            JsonNodeAt kindNode = item.Require("kind");
            RailKind kind = kindNode.AsText() switch
            {
                "direct" => RailKind.Direct,
                "linear" => RailKind.Linear,
                "switching" => RailKind.Switching,
                _ => throw kindNode.Position.Error($"{kindNode.Path}: expected \"direct\", \"linear\" or \"switching\""),
            };

            JsonNodeAt? efficiencyNode = item.Find("efficiency");
            if ((kind == RailKind.Switching) != (efficiencyNode is not null))
            {
                throw (efficiencyNode ?? item).Position.Error(
                    $"{item.Path}: \"efficiency\" is required for a switching rail and meaningless otherwise");
            }

            JsonNodeAt? fromNode = item.Find("from_v");
            if (kind == RailKind.Direct && fromNode is not null)
            {
                throw fromNode.Position.Error($"{fromNode.Path}: a direct rail is the battery bus and is fed by nothing");
            }

            rails.Add(new RailSpec(
                supplyV,
                kind,
                efficiencyNode?.AsNumber(0.05, 1) ?? 1,
                fromNode?.AsNumber(0.1, 1000),
                item.Find("note")?.AsText() ?? "",
                item.Position));
        }

        return rails;
    }

    private static SolarSpec ReadSolar(JsonNodeAt node)
    {
        node.ExpectObject("peak_sun_h", "panel_derate", "controller_efficiency", "charge_efficiency", "recovery_days", "standard_w", "note");
        return new SolarSpec(
            node.Require("peak_sun_h").AsNumber(0.1, 12),
            node.Require("panel_derate").AsNumber(0.05, 1),
            node.Require("controller_efficiency").AsNumber(0.05, 1),
            node.Require("charge_efficiency").AsNumber(0.05, 1),
            node.Require("recovery_days").AsNumber(0.1, 365),
            Ascending(node.Require("standard_w"), 0.01, 100000),
            node.Find("note")?.AsText() ?? "");
    }

    private static List<StateSpec> ReadStates(JsonNodeAt node)
    {
        if (node.Kind != JsonValueKind.Array || node.Items.Count == 0)
        {
            throw node.Position.Error($"{node.Path}: expected a non-empty array of states");
        }

        var states = new List<StateSpec>();
        foreach (JsonNodeAt item in node.Items)
        {
            item.ExpectObject([.. DurationKeys, "name", "default", "parts", "note"]);
            JsonNodeAt nameNode = item.Require("name");
            string name = nameNode.AsText();
            if (states.Any(s => s.Name == name))
            {
                throw nameNode.Position.Error($"{nameNode.Path}: a state named \"{name}\" is already listed");
            }

            (double hours, bool rest, string text) = ReadDuration(item);
            JsonNodeAt? defaultNode = item.Find("default");
            PartMode defaultMode = defaultNode is null ? new PartMode(ModeKind.Idle, 0, item.Position) : ReadMode(defaultNode);

            var parts = new Dictionary<string, PartMode>(StringComparer.Ordinal);
            JsonNodeAt? partsNode = item.Find("parts");
            if (partsNode is not null)
            {
                if (partsNode.Kind != JsonValueKind.Object)
                {
                    throw partsNode.Position.Error($"{partsNode.Path}: expected an object of designator: mode");
                }

                foreach (var part in partsNode.Properties)
                {
                    parts[part.Key] = ReadMode(part.Value);
                }
            }

            states.Add(new StateSpec(name, hours, rest, text, defaultMode, parts, item.Find("note")?.AsText() ?? "", item.Position));
        }

        StateSpec[] rests = states.Where(s => s.RestOfDay).ToArray();
        if (rests.Length != 1)
        {
            SourcePosition at = rests.Length > 1 ? rests[1].Position : node.Position;
            throw at.Error($"{node.Path}: exactly one state must have \"rest_of_day\": true (found {rests.Length})");
        }

        return states;
    }

    private static (double Hours, bool RestOfDay, string Text) ReadDuration(JsonNodeAt state)
    {
        var given = DurationKeys.Select(k => (Key: k, Node: state.Find(k))).Where(d => d.Node is not null).ToArray();
        if (given.Length != 1)
        {
            SourcePosition at = given.Length > 1 ? given[1].Node!.Position : state.Position;
            throw at.Error($"{state.Path}: give exactly one of {string.Join(", ", DurationKeys)}");
        }

        (string key, JsonNodeAt node) = (given[0].Key, given[0].Node!);
        if (key == "rest_of_day")
        {
            return node.AsBool() ? (0, true, "rest of the day") : throw node.Position.Error($"{node.Path}: only true makes sense here");
        }

        double v = node.AsNumber(0);
        return key switch
        {
            "hours_per_day" => (v, false, $"{Fmt(v)} h/day"),
            "minutes_per_day" => (v / 60, false, $"{Fmt(v)} min/day"),
            "seconds_per_day" => (v / 3600, false, $"{Fmt(v)} s/day"),
            "seconds_per_hour" => (v * 24 / 3600, false, $"{Fmt(v)} s/hour"),
            _ => (v / 60 / DaysPerMonth, false, $"{Fmt(v)} min/month"),
        };
    }

    private static PartMode ReadMode(JsonNodeAt node)
    {
        if (node.Kind == JsonValueKind.Number)
        {
            return new PartMode(ModeKind.Blend, node.AsNumber(0, 1), node.Position);
        }

        ModeKind kind = node.Kind == JsonValueKind.String
            ? node.Text switch
            {
                "off" => ModeKind.Off,
                "idle" => ModeKind.Idle,
                "active" => ModeKind.Active,
                "sleep" => ModeKind.Sleep,
                _ => ModeKind.Blend,
            }
            : ModeKind.Blend;
        return kind != ModeKind.Blend
            ? new PartMode(kind, 0, node.Position)
            : throw node.Position.Error($"{node.Path}: expected \"off\", \"idle\", \"active\", \"sleep\" or a number 0..1 (share of the way from idle to active)");
    }

    private static double[] Ascending(JsonNodeAt node, double min, double max)
    {
        IReadOnlyList<double> values = node.AsNumbers(min, max);
        if (values.Count == 0)
        {
            throw node.Position.Error($"{node.Path}: list at least one size");
        }

        for (int i = 1; i < values.Count; i++)
        {
            if (values[i] <= values[i - 1])
            {
                throw node.Items[i].Position.Error($"{node.Path}: sizes must be in ascending order");
            }
        }

        return [.. values];
    }

    private static string Fmt(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
