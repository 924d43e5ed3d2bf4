using System.Globalization;
using Tocsin.Hardware.PowerBudget.Input;
using Tocsin.Hardware.PowerBudget.Model;

namespace Tocsin.Hardware.PowerBudget.Budget;

/// <summary>
/// Turns a BOM and a profile into a budget. Every part current is referred to the battery through
/// its rail (linear: same current; switching: same power over the efficiency), summed per state,
/// weighted by time per day; the battery covers the standby time at the average current with its
/// margins, and the panel covers a day's energy plus refilling that battery over the recovery days.
/// </summary>
public static class BudgetCalculator
{
    private const double VoltTolerance = 1e-6;

    /// <summary>Computes the budget; mismatches between the two files are <see cref="InputException"/>s.</summary>
    public static BudgetResult Compute(IReadOnlyList<BomLine> bom, PowerProfile profile)
    {
        Dictionary<double, double> factors = RailFactors(profile);
        CheckBomAgainstProfile(bom, profile);

        BomLine[] fitted = bom.Where(b => b.Qty > 0).ToArray();
        double[] hours = Durations(profile);
        var states = new List<StateResult>();
        double dailyMah = 0;
        for (int s = 0; s < profile.States.Count; s++)
        {
            StateSpec state = profile.States[s];
            var partMa = new Dictionary<string, double>(StringComparer.Ordinal);
            double total = 0;
            foreach (BomLine line in fitted)
            {
                double ma = line.IsPassive ? 0 : line.Qty * SupplyMa(line, ModeOf(state, line), state) * factors[RailOf(profile, line)!.SupplyV];
                partMa[line.Designator] = ma;
                total += ma;
            }

            dailyMah += total * hours[s];
            states.Add(new StateResult(state, hours[s], total, total * profile.Battery.NominalV / 1000, total * hours[s], 0, partMa));
        }

        for (int s = 0; s < states.Count; s++)
        {
            states[s] = states[s] with { ShareOfDay = dailyMah > 0 ? states[s].MahPerDay / dailyMah : 0 };
        }

        BatterySpec battery = profile.Battery;
        double averageMa = dailyMah / 24;
        double dailyAh = dailyMah / 1000;
        double dailyWh = dailyAh * battery.NominalV;
        double standbyAh = averageMa * battery.StandbyH / 1000;
        double requiredAh = standbyAh / (battery.DepthOfDischarge * battery.TemperatureFactor * battery.AgingFactor);
        double? chosenAh = SmallestAtLeast(battery.StandardAh, requiredAh);
        StateResult peak = states.MaxBy(s => s.BatteryMa)!;
        double peakCRate = peak.BatteryMa / 1000 / (chosenAh ?? requiredAh);

        SolarSpec solar = profile.Solar;
        double recovery = standbyAh * battery.NominalV / solar.RecoveryDays;
        double panelWh = dailyWh + recovery;
        double solarFactor = solar.PeakSunH * solar.PanelDerate * solar.ControllerEfficiency * solar.ChargeEfficiency;
        double panelW = panelWh / solarFactor;

        return new BudgetResult(
            profile, fitted, factors, states, averageMa, dailyAh, dailyWh, standbyAh, requiredAh, chosenAh,
            peak, peakCRate, recovery, panelWh, solarFactor, panelW, SmallestAtLeast(solar.StandardW, panelW));
    }

    /// <summary>Battery-side mA per mA drawn on each rail, keyed by the rail's voltage.</summary>
    public static Dictionary<double, double> RailFactors(PowerProfile profile)
    {
        var factors = new Dictionary<double, double>();
        foreach (RailSpec rail in profile.Rails)
        {
            factors[rail.SupplyV] = Factor(profile, rail, 0);
        }

        return factors;
    }

    private static double Factor(PowerProfile profile, RailSpec rail, int depth)
    {
        if (depth > profile.Rails.Count)
        {
            throw rail.Position.Error($"rails: the rail at {Fmt(rail.SupplyV)} V is fed, through others, by itself");
        }

        RailSpec? from = null;
        if (rail.FromV is double fromV)
        {
            from = profile.Rails.FirstOrDefault(r => Math.Abs(r.SupplyV - fromV) < VoltTolerance)
                ?? throw rail.Position.Error($"rails: the rail at {Fmt(rail.SupplyV)} V is fed from {Fmt(fromV)} V, which is not a listed rail");
        }

        double upstream = from is null ? 1 : Factor(profile, from, depth + 1);
        return rail.Kind switch
        {
            RailKind.Direct => 1,
            RailKind.Linear => upstream,
            _ => rail.SupplyV / (rail.Efficiency * (from?.SupplyV ?? profile.Battery.NominalV)) * upstream,
        };
    }

    private static void CheckBomAgainstProfile(IReadOnlyList<BomLine> bom, PowerProfile profile)
    {
        foreach (BomLine line in bom.Where(b => !b.IsPassive))
        {
            if (RailOf(profile, line) is null)
            {
                string rails = string.Join(", ", profile.Rails.Select(r => Fmt(r.SupplyV) + " V"));
                throw line.Cells["supply_v"].Error($"supply_v: {line.Designator} is at {Fmt(line.SupplyV ?? 0)} V, which has no rail in the profile (rails: {rails})");
            }
        }

        foreach (StateSpec state in profile.States)
        {
            foreach (var part in state.Parts)
            {
                if (!bom.Any(b => b.Designator == part.Key))
                {
                    BomLine? group = bom.FirstOrDefault(b => b.Designator.Split(',').Any(d => d.Trim() == part.Key));
                    string hint = group is null ? "" : $" (it is part of the line \"{group.Designator}\": a state sets a whole BOM line)";
                    throw part.Value.Position.Error($"states: \"{state.Name}\" names {part.Key}, which is not a designator in the BOM{hint}");
                }
            }

            foreach (BomLine line in bom.Where(b => b.Qty > 0 && !b.IsPassive))
            {
                SupplyMa(line, ModeOf(state, line), state);
            }
        }
    }

    private static double[] Durations(PowerProfile profile)
    {
        double[] hours = profile.States.Select(s => s.HoursPerDay).ToArray();
        double others = hours.Sum();
        int rest = profile.States.ToList().FindIndex(s => s.RestOfDay);
        if (others > 24)
        {
            throw profile.States[rest].Position.Error($"states: the other states take {Fmt(others)} h per day, more than 24 h");
        }

        hours[rest] = 24 - others;
        return hours;
    }

    private static PartMode ModeOf(StateSpec state, BomLine line) =>
        state.Parts.TryGetValue(line.Designator, out PartMode? mode) ? mode : state.Default;

    private static RailSpec? RailOf(PowerProfile profile, BomLine line) =>
        line.SupplyV is double v ? profile.Rails.FirstOrDefault(r => Math.Abs(r.SupplyV - v) < VoltTolerance) : null;

    // Per-unit current at the part's own supply for the mode, or an error naming both files.
    private static double SupplyMa(BomLine line, PartMode mode, StateSpec state)
    {
        return mode.Kind switch
        {
            ModeKind.Off => 0,
            ModeKind.Idle => Need(line.IdleMa, "idle_ma"),
            ModeKind.Active => Need(line.ActiveMa, "active_ma"),
            ModeKind.Sleep => Need(line.SleepMa, "sleep_ma"),
            _ => Need(line.IdleMa, "idle_ma") + (mode.Fraction * (Need(line.ActiveMa, "active_ma") - Need(line.IdleMa, "idle_ma"))),
        };

        double Need(double? value, string column) =>
            value ?? throw line.Cells[column].Error(
                $"{column}: {line.Designator} has no {column}, but state \"{state.Name}\" ({mode.Position}) puts it in {mode.Label}");
    }

    private static double? SmallestAtLeast(IReadOnlyList<double> sizes, double needed)
    {
        foreach (double size in sizes)
        {
            if (size >= needed)
            {
                return size;
            }
        }

        return null;
    }

    private static string Fmt(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
