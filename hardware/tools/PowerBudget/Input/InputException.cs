namespace Tocsin.Hardware.PowerBudget.Input;

/// <summary>
/// Bad input, reported compiler-style as <c>file:line:column: message</c> so editors and CI logs
/// link straight to the cell or value at fault.
/// </summary>
public sealed class InputException : Exception
{
    /// <summary>An error at a position in an input file.</summary>
    public InputException(string file, int line, int column, string detail)
        : base($"{file}:{line}:{column}: {detail}")
    {
        File = file;
        Line = line;
        Column = column;
        Detail = detail;
    }

    /// <summary>An error without a position.</summary>
    public InputException()
        : this("(input)", 0, 0, "invalid input")
    {
    }

    /// <summary>An error without a position.</summary>
    public InputException(string message)
        : this("(input)", 0, 0, message)
    {
    }

    /// <summary>An error without a position, wrapping another.</summary>
    public InputException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = "(input)";
        Detail = message;
    }

    /// <summary>The file as shown to the user (repository-relative where possible).</summary>
    public string File { get; }

    /// <summary>1-based line.</summary>
    public int Line { get; }

    /// <summary>1-based column, in characters.</summary>
    public int Column { get; }

    /// <summary>The message without the position.</summary>
    public string Detail { get; }
}
