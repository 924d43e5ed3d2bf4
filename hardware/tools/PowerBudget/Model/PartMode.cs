using Tocsin.Hardware.PowerBudget.Input;

namespace Tocsin.Hardware.PowerBudget.Model;

/// <summary>A part's mode in a state; <see cref="Fraction"/> is used by <see cref="ModeKind.Blend"/> only.</summary>
public sealed record PartMode(ModeKind Kind, double Fraction, SourcePosition Position)
{
    /// <summary>How the report prints it.</summary>
    public string Label => Kind switch
    {
        ModeKind.Off => "off",
        ModeKind.Idle => "idle",
        ModeKind.Active => "active",
        ModeKind.Sleep => "sleep",
        _ => Fraction.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + " of active",
    };
}
