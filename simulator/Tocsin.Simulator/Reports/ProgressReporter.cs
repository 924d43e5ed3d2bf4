using System.Globalization;

namespace Tocsin.Simulator.Reports;

/// <summary>
/// One progress line for a long simulated run: simulated time reached of the total, percent done,
/// simulated seconds per wall-clock second, events so far and the estimated wall time left. Prints at
/// most once per <see cref="PrintInterval"/> of wall time, so calling it every simulation step costs
/// nothing; on a terminal it rewrites one line with '\r', elsewhere (a log file, CI) it appends lines.
/// </summary>
public sealed class ProgressReporter
{
    private readonly TextWriter _output;
    private readonly TimeProvider _time;
    private readonly long _startTimestamp;
    private long _lastPrintTimestamp;
    private int _lastLineLength;
    private bool _finished;

    /// <summary>Creates a reporter; wall time starts now.</summary>
    /// <param name="output">Where the line goes.</param>
    /// <param name="simulatedTotal">Simulated time the run will cover.</param>
    /// <param name="printInterval">Least wall time between two lines.</param>
    /// <param name="timeProvider">Wall clock; the system's when null.</param>
    /// <param name="overwriteLine">Rewrite one line with '\r'; when null, true only if <paramref name="output"/> is the console and the console is a terminal.</param>
    public ProgressReporter(TextWriter output, TimeSpan simulatedTotal, TimeSpan printInterval, TimeProvider? timeProvider = null, bool? overwriteLine = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(simulatedTotal, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(printInterval, TimeSpan.Zero);
        _output = output;
        SimulatedTotal = simulatedTotal;
        PrintInterval = printInterval;
        _time = timeProvider ?? TimeProvider.System;
        OverwritesLine = overwriteLine ?? IsTerminal(output);
        _startTimestamp = _time.GetTimestamp();
        _lastPrintTimestamp = _startTimestamp;
    }

    /// <summary>Simulated time the run will cover.</summary>
    public TimeSpan SimulatedTotal { get; }

    /// <summary>Least wall time between two printed lines.</summary>
    public TimeSpan PrintInterval { get; }

    /// <summary>True when the line is rewritten in place rather than appended.</summary>
    public bool OverwritesLine { get; }

    /// <summary>True when <paramref name="writer"/> is the process's stdout or stderr and that is a terminal (not redirected to a file or pipe).</summary>
    public static bool IsTerminal(TextWriter writer) =>
        (ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected) || (ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected);

    /// <summary>Prints the progress line if <see cref="PrintInterval"/> has passed since the last one.</summary>
    /// <param name="simulatedReached">Simulated time reached so far.</param>
    /// <param name="events">Events handled so far.</param>
    /// <returns>True when a line was printed.</returns>
    public bool Report(TimeSpan simulatedReached, long events)
    {
        long now = _time.GetTimestamp();
        if (_finished || _time.GetElapsedTime(_lastPrintTimestamp, now) < PrintInterval)
        {
            return false;
        }

        _lastPrintTimestamp = now;
        Print(Line(simulatedReached, events, _time.GetElapsedTime(_startTimestamp, now)), final: false);
        return true;
    }

    /// <summary>Prints the final line whatever the interval, ending it with a newline; later reports print nothing.</summary>
    public void Finish(TimeSpan simulatedReached, long events)
    {
        if (_finished)
        {
            return;
        }

        _finished = true;
        Print(Line(simulatedReached, events, _time.GetElapsedTime(_startTimestamp)), final: true);
    }

    /// <summary>The line for <paramref name="simulatedReached"/> and <paramref name="events"/> after <paramref name="wallElapsed"/>.</summary>
    public string Line(TimeSpan simulatedReached, long events, TimeSpan wallElapsed)
    {
        double fraction = Math.Clamp(simulatedReached / SimulatedTotal, 0, 1);
        string speed = "-";
        string eta = "--:--:--";
        if (wallElapsed > TimeSpan.Zero && simulatedReached > TimeSpan.Zero)
        {
            // The average since the start: steadier than the last interval's, which jumps with storms of events.
            double simulatedPerWall = simulatedReached.TotalSeconds / wallElapsed.TotalSeconds;
            speed = simulatedPerWall.ToString(simulatedPerWall >= 100 ? "0" : simulatedPerWall >= 10 ? "0.0" : "0.00", CultureInfo.InvariantCulture);
            TimeSpan left = SimulatedTotal - simulatedReached;
            eta = Clock(left <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(left.TotalSeconds / simulatedPerWall, TimeSpan.MaxValue.TotalSeconds / 2)));
        }

        return string.Format(CultureInfo.InvariantCulture, "simulated {0} / {1} ({2:0.0} %), {3} sim-s/s, {4:N0} events, ETA {5}",
            Clock(simulatedReached), Clock(SimulatedTotal), fraction * 100, speed, events, eta);
    }

    private static string Clock(TimeSpan time)
    {
        TimeSpan t = time < TimeSpan.Zero ? TimeSpan.Zero : time;
        return string.Format(CultureInfo.InvariantCulture, "{0}:{1:00}:{2:00}", (long)t.TotalHours, t.Minutes, t.Seconds);
    }

    private void Print(string line, bool final)
    {
        if (OverwritesLine)
        {
            // Pad over the tail of a longer previous line; the cursor stays on the line until the end.
            string padding = new(' ', Math.Max(0, _lastLineLength - line.Length));
            _lastLineLength = line.Length;
            _output.Write("\r" + line + padding + (final ? Environment.NewLine : string.Empty));
        }
        else
        {
            _output.WriteLine(line);
        }

        _output.Flush();
    }
}
