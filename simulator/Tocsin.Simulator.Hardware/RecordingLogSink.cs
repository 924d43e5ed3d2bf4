using Tocsin.Firmware.Hardware;

namespace Tocsin.Simulator.Hardware;

/// <summary>Keeps every log line a node wrote (bounded), for tests and simulator reports.</summary>
public sealed class RecordingLogSink : ILogSink
{
    private readonly Queue<string> _lines = new();
    private readonly int _capacity;

    /// <summary>Creates a sink keeping the last <paramref name="capacity"/> lines.</summary>
    public RecordingLogSink(int capacity = 10_000)
    {
        _capacity = capacity;
    }

    /// <summary>Lines kept, oldest first.</summary>
    public IReadOnlyCollection<string> Lines => _lines;

    /// <inheritdoc />
    public void WriteLine(string line)
    {
        if (_lines.Count == _capacity)
        {
            _lines.Dequeue();
        }

        _lines.Enqueue(line);
    }
}
