using Tocsin.Hardware.PowerBudget.Input;

namespace Tocsin.Hardware.PowerBudget.Model;

/// <summary>
/// A supply rail the BOM's supply_v values refer to. <see cref="FromV"/> is the rail feeding it
/// (null: the battery). A converter's own no-load current belongs in the BOM as its own line.
/// </summary>
public sealed record RailSpec(
    double SupplyV,
    RailKind Kind,
    double Efficiency,
    double? FromV,
    string Note,
    SourcePosition Position);
