namespace Tocsin.Hardware.PowerBudget.Input;

/// <summary>Where a value came from: file as shown to the user, 1-based line and column.</summary>
public readonly record struct SourcePosition(string File, int Line, int Column)
{
    /// <summary>An input error at this position.</summary>
    public InputException Error(string message) => new(File, Line, Column, message);

    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}:{Column}";
}
