namespace Tocsin.Simulator.Consoles;

/// <summary>One line a console client typed, without its line end.</summary>
/// <param name="Bytes">The line's bytes as sent (not yet decoded: the firmware judges its own input).</param>
/// <param name="IsOverlong">True when the line exceeded the reader's limit; <paramref name="Bytes"/> is then empty.</param>
public readonly record struct ConsoleLine(byte[] Bytes, bool IsOverlong);
