using Tocsin.Firmware.Diagnostics;
using Tocsin.Firmware.Hardware;
using Tocsin.Firmware.Util;

namespace Tocsin.Firmware.Console;

/// <summary>
/// The field technician's console on the serial line. Assembles lines (CR, LF or CR LF; backspace
/// edits), answers every line: the command's output then "ok", or "error: reason". Input is read
/// a bounded amount per tick so a flood on the wire cannot starve the node's real work.
/// </summary>
public sealed class SerialConsole
{
    /// <summary>Longest accepted line in bytes.</summary>
    public const int MaxLineBytes = 1024;

    private const int ReadPerTick = 64;
    private readonly ISerialLine _line;
    private readonly ConsoleCommandTable _commands;
    private readonly LogRing _log;
    private readonly ConsoleOutput _output;
    private readonly ConsoleArgs _args = new ConsoleArgs();
    private readonly byte[] _read = new byte[ReadPerTick];
    private readonly byte[] _lineBytes = new byte[MaxLineBytes];
    private int _lineLength;
    private bool _overlong;
    private bool _lastWasCr;

    /// <summary>Creates a console over <paramref name="line"/>.</summary>
    public SerialConsole(ISerialLine line, ConsoleCommandTable commands, LogRing log)
    {
        _line = line;
        _commands = commands;
        _log = log;
        _output = new ConsoleOutput(line);
        Prompt = "tocsin> ";
    }

    /// <summary>Printed after each answer.</summary>
    public string Prompt { get; set; }

    /// <summary>The output, for commands that print outside a Run call.</summary>
    public ConsoleOutput Output => _output;

    /// <summary>Lines handled since boot.</summary>
    public int LinesHandled { get; private set; }

    /// <summary>Reads what has arrived and runs any complete lines.</summary>
    public void Tick()
    {
        int n = _line.Read(_read, 0, ReadPerTick);
        for (int i = 0; i < n; i++)
        {
            Accept(_read[i]);
        }
    }

    /// <summary>Runs one line as if typed (used by tests and the simulator's console bridge).</summary>
    public void Execute(string text)
    {
        LinesHandled++;
        if (!_args.Parse(text))
        {
            Answer("error: " + _args.Error);
            return;
        }

        if (_args.Count == 0)
        {
            _output.Write(Prompt);
            return;
        }

        string name = _args.Get(0);
        IConsoleCommand command = _commands.Find(name);
        if (command == null)
        {
            Answer("error: unknown command '" + name + "'; type 'help'");
            return;
        }

        string error;
        try
        {
            error = command.Run(_args, _output);
        }
        catch (System.Exception ex)
        {
            // A console bug must never take the node down; it is reported and logged instead.
            _log.Error("console", name + " failed: " + ex.Message);
            error = "internal error in '" + name + "': " + ex.Message;
        }

        Answer(error == null ? "ok" : "error: " + error);
    }

    private void Accept(byte b)
    {
        if (b == '\r' || b == '\n')
        {
            bool crlf = b == '\n' && _lastWasCr;
            _lastWasCr = b == '\r';
            if (!crlf)
            {
                EndLine();
            }

            return;
        }

        _lastWasCr = false;
        if (b == 0x08 || b == 0x7F)
        {
            if (_lineLength > 0)
            {
                _lineLength--;
                while (_lineLength > 0 && (_lineBytes[_lineLength] & 0xC0) == 0x80)
                {
                    _lineLength--;
                }
            }

            return;
        }

        if (_lineLength >= MaxLineBytes)
        {
            _overlong = true;
            return;
        }

        _lineBytes[_lineLength++] = b;
    }

    private void EndLine()
    {
        if (_overlong)
        {
            _overlong = false;
            _lineLength = 0;
            LinesHandled++;
            Answer("error: line longer than " + MaxLineBytes.ToString() + " bytes; discarded");
            return;
        }

        string text = Utf8.Decode(_lineBytes, 0, _lineLength);
        _lineLength = 0;
        if (text == null)
        {
            LinesHandled++;
            Answer("error: line is not valid UTF-8");
            return;
        }

        Execute(text);
    }

    private void Answer(string last)
    {
        _output.WriteLine(last);
        _output.Write(Prompt);
    }
}
