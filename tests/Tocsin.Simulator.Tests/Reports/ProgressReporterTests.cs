using Tocsin.Simulator.Reports;
using Xunit;

namespace Tocsin.Simulator.Tests.Reports;

public sealed class ProgressReporterTests
{
    private static readonly TimeSpan SixHours = TimeSpan.FromHours(6);

    [Fact]
    public void Prints_at_most_once_per_interval_of_wall_time()
    {
        var clock = new FakeWallClock();
        var output = new StringWriter();
        var progress = new ProgressReporter(output, SixHours, TimeSpan.FromSeconds(2), clock, overwriteLine: false);
        var printed = new List<bool>();

        foreach (double wallSeconds in new[] { 0, 1, 1, 0.5, 0.4, 1.5, 1 })
        {
            clock.Advance(TimeSpan.FromSeconds(wallSeconds));
            printed.Add(progress.Report(TimeSpan.FromMinutes(10), 5));
        }

        // Wall times 0, 1, 2, 2.5, 2.9, 4.4, 5.4: lines at 2 and 4.4 only.
        Assert.Equal([false, false, true, false, false, true, false], printed);
        Assert.Equal(2, output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void The_line_tells_simulated_time_percent_speed_events_and_eta()
    {
        var progress = new ProgressReporter(new StringWriter(), SixHours, TimeSpan.FromSeconds(1), new FakeWallClock(), overwriteLine: false);

        string line = progress.Line(TimeSpan.FromMinutes(90), 12345, TimeSpan.FromSeconds(10));

        // 5400 simulated seconds in 10 wall seconds; 16200 left at that pace take 30 s.
        Assert.Equal("simulated 1:30:00 / 6:00:00 (25.0 %), 540 sim-s/s, 12,345 events, ETA 0:00:30", line);
    }

    [Fact]
    public void Before_any_progress_speed_and_eta_are_unknown_rather_than_infinite()
    {
        var progress = new ProgressReporter(new StringWriter(), SixHours, TimeSpan.FromSeconds(1), new FakeWallClock(), overwriteLine: false);

        Assert.Equal("simulated 0:00:00 / 6:00:00 (0.0 %), - sim-s/s, 0 events, ETA --:--:--", progress.Line(TimeSpan.Zero, 0, TimeSpan.FromSeconds(3)));
        Assert.Equal("simulated 0:00:01 / 6:00:00 (0.0 %), - sim-s/s, 0 events, ETA --:--:--", progress.Line(TimeSpan.FromSeconds(1), 0, TimeSpan.Zero));
    }

    [Fact]
    public void Slow_runs_show_fractional_speeds_and_long_etas()
    {
        var progress = new ProgressReporter(new StringWriter(), TimeSpan.FromDays(2), TimeSpan.FromSeconds(1), new FakeWallClock(), overwriteLine: false);

        string line = progress.Line(TimeSpan.FromHours(1), 7, TimeSpan.FromHours(2));

        Assert.Equal("simulated 1:00:00 / 48:00:00 (2.1 %), 0.50 sim-s/s, 7 events, ETA 94:00:00", line);
    }

    [Fact]
    public void On_a_terminal_the_line_is_rewritten_in_place_and_ended_by_finish()
    {
        var clock = new FakeWallClock();
        var output = new StringWriter();
        var progress = new ProgressReporter(output, SixHours, TimeSpan.FromSeconds(1), clock, overwriteLine: true);

        clock.Advance(TimeSpan.FromSeconds(1));
        progress.Report(TimeSpan.FromMinutes(60), 1_000_000);
        clock.Advance(TimeSpan.FromSeconds(1));
        progress.Report(TimeSpan.FromMinutes(120), 2);
        string beforeFinish = output.ToString();
        progress.Finish(SixHours, 3);

        Assert.DoesNotContain("\n", beforeFinish, StringComparison.Ordinal);
        string[] frames = beforeFinish.Split('\r', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, frames.Length);
        // "1,000,000 events" became "2 events": the shorter line is padded over the longer one's tail.
        Assert.Equal(frames[0].Length, frames[1].Length);
        Assert.EndsWith(Environment.NewLine, output.ToString(), StringComparison.Ordinal);
        Assert.Contains("(100.0 %)", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Finish_prints_whatever_the_interval_and_silences_later_reports()
    {
        var clock = new FakeWallClock();
        var output = new StringWriter();
        var progress = new ProgressReporter(output, SixHours, TimeSpan.FromMinutes(5), clock, overwriteLine: false);

        progress.Finish(SixHours, 42);
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.False(progress.Report(SixHours, 43));
        progress.Finish(SixHours, 44);

        Assert.Equal(["simulated 6:00:00 / 6:00:00 (100.0 %), - sim-s/s, 42 events, ETA --:--:--"], output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_writer_that_is_not_the_console_gets_plain_lines()
    {
        var progress = new ProgressReporter(new StringWriter(), SixHours, TimeSpan.FromSeconds(1));

        Assert.False(progress.OverwritesLine);
        Assert.False(ProgressReporter.IsTerminal(new StringWriter()));
    }

    [Fact]
    public void Nonsense_arguments_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => new ProgressReporter(null!, SixHours, TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProgressReporter(new StringWriter(), TimeSpan.Zero, TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProgressReporter(new StringWriter(), SixHours, TimeSpan.FromSeconds(-1)));
    }
}
