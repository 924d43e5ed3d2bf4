using Tocsin.Firmware.Hardware;
using Tocsin.Firmware.Util;

namespace Tocsin.Firmware.Console;

/// <summary>Writes console lines to the serial line as UTF-8 with CR LF, as terminals expect.</summary>
public sealed class ConsoleOutput
{
    private readonly ISerialLine _line;
    private readonly byte[] _buffer = new byte[256];

    /// <summary>Creates an output on <paramref name="line"/>.</summary>
    public ConsoleOutput(ISerialLine line)
    {
        _line = line;
    }

    /// <summary>Writes text and a line end.</summary>
    public void WriteLine(string text)
    {
        Write(text);
        _buffer[0] = (byte)'\r';
        _buffer[1] = (byte)'\n';
        _line.Write(_buffer, 0, 2);
    }

    /// <summary>Writes text without a line end.</summary>
    public void Write(string text)
    {
        if (text == null || text.Length == 0)
        {
            return;
        }

        // Encode in slices so an arbitrarily long line never needs a buffer of its size.
        int start = 0;
        while (start < text.Length)
        {
            int take = IntMath.Min(60, text.Length - start);
            if (take < text.Length - start && Utf8.IsHighSurrogate(text[start + take - 1]))
            {
                take--;
            }

            int n = Utf8.Encode(text.Substring(start, take), _buffer, 0);
            _line.Write(_buffer, 0, n);
            start += take;
        }
    }

    /// <summary>Writes "name: value".</summary>
    public void Field(string name, string value) => WriteLine(name + ": " + value);
}
