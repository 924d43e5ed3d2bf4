namespace Tocsin.Hardware.PowerBudget.Input;

/// <summary>One CSV record (a line, or several when a quoted field holds line breaks).</summary>
public sealed record CsvRecord(SourcePosition Position, IReadOnlyList<CsvField> Fields);
