namespace Tocsin.Hardware.PowerBudget.Tests;

/// <summary>A small BOM and profile whose budget is easy to work out by hand (see BudgetCalculatorTests).</summary>
internal static class TinyNode
{
    public const string Header = "part_class,designator,description,qty,example_part,alternatives,idle_ma,active_ma,sleep_ma,supply_v,notes";

    // A: two parts straight on a 10 V battery. B: one part on a 5 V switching rail (80 %).
    // C: passive. D: an unfitted option, which must not count.
    public const string Bom =
        Header + "\n" +
        "load,A,\"direct load, two of them\",2,,,10,50,1,10,\n" +
        "load,B,converted load,1,,,40,80,2,5,\n" +
        "passive,C,a resistor,3,,,,,,,\n" +
        "option,D,not fitted,0,,,500,500,500,10,\n";

    public const string Profile = """
        {
          "title": "tiny",
          "battery": {
            "chemistry": "test cell", "nominal_v": 10, "standby_h": 10,
            "depth_of_discharge": 0.5, "temperature_factor": 1, "aging_factor": 1,
            "standard_ah": [1, 2, 5]
          },
          "rails": [
            { "supply_v": 10, "kind": "direct" },
            { "supply_v": 5, "kind": "switching", "efficiency": 0.8 }
          ],
          "solar": {
            "peak_sun_h": 4, "panel_derate": 0.5, "controller_efficiency": 1, "charge_efficiency": 1,
            "recovery_days": 1, "standard_w": [10, 20]
          },
          "states": [
            { "name": "quiet", "rest_of_day": true },
            { "name": "busy", "hours_per_day": 6, "parts": { "A": "active", "B": 0.5 } },
            { "name": "asleep", "minutes_per_day": 0, "default": "sleep" }
          ]
        }
        """;
}
