namespace Tocsin.Hardware.PowerBudget.Model;

/// <summary>How a supply rail turns its load into a draw on what feeds it.</summary>
public enum RailKind
{
    /// <summary>The battery bus itself: the load current is battery current.</summary>
    Direct,

    /// <summary>A linear regulator: the same current flows in as out (plus the regulator's own, a BOM line).</summary>
    Linear,

    /// <summary>A switching converter: input power = output power / efficiency.</summary>
    Switching,
}
