using Tocsin.Hardware.PowerBudget.Input;

namespace Tocsin.Hardware.PowerBudget.Model;

/// <summary>
/// One line of a node's bill of materials. Currents are per unit at <see cref="SupplyV"/>, in mA;
/// null where the BOM leaves the cell empty (not applicable or not known), which is an error only
/// if a state uses that mode. A quantity of 0 is an option not fitted in the reference build.
/// <see cref="Cells"/> holds where each column's cell starts, for errors found later.
/// </summary>
public sealed record BomLine(
    string PartClass,
    string Designator,
    string Description,
    int Qty,
    string ExamplePart,
    string Alternatives,
    double? IdleMa,
    double? ActiveMa,
    double? SleepMa,
    double? SupplyV,
    string Notes,
    SourcePosition Position,
    IReadOnlyDictionary<string, SourcePosition> Cells)
{
    /// <summary>True when the part never draws current (passives, mechanics).</summary>
    public bool IsPassive => (IdleMa ?? 0) == 0 && (ActiveMa ?? 0) == 0 && (SleepMa ?? 0) == 0;
}
