namespace Tocsin.Controller.Coverage;

/// <summary>A measured share against its target.</summary>
/// <param name="Value">The share measured, or null when there is nothing to measure yet (no alert).</param>
/// <param name="Target">The plan's target.</param>
public sealed record TargetMeasure(double? Value, double Target)
{
    /// <summary>True when measured and at or above target.</summary>
    public bool Met => Value is double v && v >= Target - 1e-12;
}
