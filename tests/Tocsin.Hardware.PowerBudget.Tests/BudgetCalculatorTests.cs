using Tocsin.Hardware.PowerBudget.Budget;
using Tocsin.Hardware.PowerBudget.Input;
using Xunit;

namespace Tocsin.Hardware.PowerBudget.Tests;

public sealed class BudgetCalculatorTests
{
    private const int Digits = 9;

    private static BudgetResult Compute(string bom = TinyNode.Bom, string profile = TinyNode.Profile) =>
        BudgetCalculator.Compute(BomReader.Parse(bom, "bom.csv"), ProfileReader.Parse(profile, "p.json"));

    [Fact]
    public void Currents_are_referred_to_the_battery_through_their_rails()
    {
        var r = Compute();

        // 5 V at 80 % from a 10 V battery: 5 / (0.8 × 10) = 0.625 battery mA per rail mA.
        Assert.Equal(0.625, r.RailFactors[5], Digits);

        // quiet: A 2 × 10 + B 40 × 0.625 = 45 mA; busy: A 2 × 50 + B (40 + 0.5 × 40) × 0.625 = 137.5 mA;
        // asleep: A 2 × 1 + B 2 × 0.625 = 3.25 mA. The unfitted D never counts.
        Assert.Equal([45, 137.5, 3.25], r.States.Select(s => Math.Round(s.BatteryMa, Digits)));
        Assert.Equal(25, r.States[0].PartBatteryMa["B"], Digits);
        Assert.False(r.States[0].PartBatteryMa.ContainsKey("D"));
        Assert.Equal(18, r.States[0].HoursPerDay, Digits);
        Assert.Equal(1.375, r.States[1].PowerW, Digits);
    }

    [Fact]
    public void Daily_charge_and_average_current_weight_states_by_time()
    {
        var r = Compute();

        // 45 mA × 18 h + 137.5 mA × 6 h = 1635 mAh per day.
        Assert.Equal(1.635, r.DailyAh, Digits);
        Assert.Equal(1635 / 24.0, r.AverageMa, Digits);
        Assert.Equal(16.35, r.DailyWh, Digits);
        Assert.Equal(825 / 1635.0, r.States[1].ShareOfDay, Digits);
    }

    [Fact]
    public void Battery_covers_the_standby_time_with_its_margins()
    {
        var r = Compute();

        // 10 h at 68.125 mA = 0.68125 Ah; / (0.5 × 1 × 1) = 1.3625 Ah rated; smallest listed ≥ that: 2 Ah.
        Assert.Equal(0.68125, r.StandbyAh, Digits);
        Assert.Equal(1.3625, r.RequiredAh, Digits);
        Assert.Equal(2, r.ChosenAh);
        Assert.Equal("busy", r.PeakState.State.Name);
        Assert.Equal(0.06875, r.PeakCRate, Digits);
    }

    [Fact]
    public void Panel_covers_a_day_plus_refilling_the_battery()
    {
        var r = Compute();

        // 16.35 Wh + 6.8125 Wh / 1 day = 23.1625 Wh; per watt 4 h × 0.5 = 2 Wh; 11.58 W → 20 W.
        Assert.Equal(6.8125, r.RecoveryWhPerDay, Digits);
        Assert.Equal(2, r.SolarFactor, Digits);
        Assert.Equal(11.58125, r.RequiredPanelW, Digits);
        Assert.Equal(20, r.ChosenPanelW);
    }

    [Fact]
    public void A_need_beyond_every_listed_size_chooses_none()
    {
        var r = Compute(profile: TinyNode.Profile.Replace("[1, 2, 5]", "[1]", StringComparison.Ordinal));

        Assert.Null(r.ChosenAh);
    }

    [Fact]
    public void A_linear_rail_passes_its_current_through()
    {
        string bom = TinyNode.Bom + "load,E,on 3.3 V,1,,,10,10,10,3.3,\n";
        string profile = TinyNode.Profile.Replace(
            "{ \"supply_v\": 10, \"kind\": \"direct\" },",
            "{ \"supply_v\": 10, \"kind\": \"direct\" }, { \"supply_v\": 3.3, \"kind\": \"linear\", \"from_v\": 5 },",
            StringComparison.Ordinal);

        var r = Compute(bom, profile);

        Assert.Equal(0.625, r.RailFactors[3.3], Digits);
        Assert.Equal(6.25, r.States[0].PartBatteryMa["E"], Digits);
    }

    [Fact]
    public void A_supply_without_a_rail_is_reported_at_the_bom_cell()
    {
        string bom = TinyNode.Bom + "load,E,at 24 V,1,,,10,10,10,24,\n";

        var e = Assert.Throws<InputException>(() => Compute(bom));

        Assert.Equal(("bom.csv", 6, 29), (e.File, e.Line, e.Column));
        Assert.Contains("E is at 24 V, which has no rail in the profile (rails: 10 V, 5 V)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_designator_in_a_state_is_reported_in_the_profile()
    {
        var e = Assert.Throws<InputException>(() => Compute(profile: TinyNode.Profile.Replace("\"B\": 0.5", "\"Q\": 0.5", StringComparison.Ordinal)));

        Assert.Equal(("p.json", 18), (e.File, e.Line));
        Assert.Contains("\"busy\" names Q, which is not a designator in the BOM", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mode_the_bom_has_no_figure_for_names_both_files()
    {
        string bom = TinyNode.Bom.Replace("40,80,2,5", "40,80,,5", StringComparison.Ordinal);

        var e = Assert.Throws<InputException>(() => Compute(bom));

        Assert.Equal(("bom.csv", 3, 33), (e.File, e.Line, e.Column));
        Assert.Contains("B has no sleep_ma, but state \"asleep\" (p.json:19:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void States_longer_than_a_day_are_refused()
    {
        var e = Assert.Throws<InputException>(() => Compute(profile: TinyNode.Profile.Replace("\"hours_per_day\": 6", "\"hours_per_day\": 25", StringComparison.Ordinal)));

        Assert.Contains("the other states take 25 h per day, more than 24 h", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rails_feeding_each_other_in_a_circle_are_refused()
    {
        string profile = TinyNode.Profile.Replace(
            "{ \"supply_v\": 5, \"kind\": \"switching\", \"efficiency\": 0.8 }",
            "{ \"supply_v\": 5, \"kind\": \"switching\", \"efficiency\": 0.8, \"from_v\": 3 }, { \"supply_v\": 3, \"kind\": \"linear\", \"from_v\": 5 }",
            StringComparison.Ordinal);

        var e = Assert.Throws<InputException>(() => Compute(profile: profile));

        Assert.Contains("by itself", e.Message, StringComparison.Ordinal);
    }
}
