using Tocsin.Firmware.Hardware;

namespace Tocsin.Firmware.Diagnostics;

/// <summary>
/// The node's log: the last <c>capacity</c> lines kept in RAM for the console's <c>log</c>
/// command (a technician arriving after the fact still sees what happened), each also passed to
/// the sink. Lines are built only when logged, never on an idle tick.
/// </summary>
public sealed class LogRing
{
    private readonly string[] _lines;
    private readonly ILogSink _sink;
    private int _next;
    private int _count;
    private long _nowMs;

    /// <summary>Creates a ring of <paramref name="capacity"/> lines.</summary>
    public LogRing(int capacity, ILogSink sink)
    {
        _lines = new string[capacity];
        _sink = sink;
        MinLevel = LogLevel.Info;
    }

    /// <summary>Lines below this level are dropped.</summary>
    public int MinLevel { get; set; }

    /// <summary>Lines currently held.</summary>
    public int Count => _count;

    /// <summary>Lines written since boot, including those that rolled out of the ring.</summary>
    public int TotalWritten { get; private set; }

    /// <summary>Sets the time stamped on following lines (the node loop calls it each tick).</summary>
    public void SetTime(long nowMs) => _nowMs = nowMs;

    /// <summary>Logs at debug level.</summary>
    public void Debug(string source, string message) => Write(LogLevel.Debug, source, message);

    /// <summary>Logs at info level.</summary>
    public void Info(string source, string message) => Write(LogLevel.Info, source, message);

    /// <summary>Logs at warning level.</summary>
    public void Warn(string source, string message) => Write(LogLevel.Warn, source, message);

    /// <summary>Logs at error level.</summary>
    public void Error(string source, string message) => Write(LogLevel.Error, source, message);

    /// <summary>Logs one line.</summary>
    public void Write(int level, string source, string message)
    {
        if (level < MinLevel)
        {
            return;
        }

        string line = (_nowMs / 1000).ToString() + "." + ((_nowMs % 1000) / 100).ToString() + " "
            + LogLevel.ToText(level) + " " + source + ": " + message;
        _lines[_next] = line;
        _next = (_next + 1) % _lines.Length;
        if (_count < _lines.Length)
        {
            _count++;
        }

        TotalWritten++;
        if (_sink != null)
        {
            _sink.WriteLine(line);
        }
    }

    /// <summary>The i-th held line, oldest first.</summary>
    public string Get(int index)
    {
        int start = (_next - _count + _lines.Length) % _lines.Length;
        return _lines[(start + index) % _lines.Length];
    }
}
