namespace Tocsin.Hardware.PowerBudget.Input;

/// <summary>One CSV field, unquoted, with the position where it starts.</summary>
public sealed record CsvField(string Value, SourcePosition Position);
