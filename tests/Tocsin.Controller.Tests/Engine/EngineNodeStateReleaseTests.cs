using Tocsin.Controller.Storage;
using Tocsin.Controller.Tests.Support;
using Xunit;

namespace Tocsin.Controller.Tests.Engine;

/// <summary>
/// A node's routine state (last seen, latest report) reaches its row once held for one snapshot
/// interval, by the engine's own rounds and not only with a snapshot; a clean save writes what is held.
/// </summary>
public sealed class EngineNodeStateReleaseTests
{
    private const int IntervalS = 30;

    [Fact]
    public async Task A_held_state_is_written_after_one_interval_and_a_save_writes_the_rest()
    {
        await using SteppedController controller = SteppedController.Start("sn-release-1", o => o.SnapshotIntervalS = IntervalS);
        IMessageStore messages = controller.Service<IMessageStore>();

        long firstSeen = controller.Time.GetUtcNow().ToUnixTimeMilliseconds();
        await controller.ReportAsync(1);
        Assert.Equal(1, messages.Count());
        Assert.Empty(messages.States());

        // Rounds with nothing to ingest still release it: just before the interval, nothing; at it, the row.
        await controller.StepForAsync(TimeSpan.FromSeconds(IntervalS - 1));
        Assert.Empty(messages.States());
        await controller.StepForAsync(TimeSpan.FromSeconds(2));
        NodeStateRow row = Assert.Single(messages.States());
        Assert.Equal(firstSeen, row.LastSeenUtcMs);
        Assert.Contains("\"seq\":1", row.LastReportJson, StringComparison.Ordinal);

        // The next report is held from its own arrival, and released by an ingest round one
        // interval on, with what that round brought for the node merged in.
        await controller.ReportAsync(2);
        await controller.StepForAsync(TimeSpan.FromSeconds(IntervalS - 2));
        Assert.Equal(firstSeen, Assert.Single(messages.States()).LastSeenUtcMs);
        controller.Time.Advance(TimeSpan.FromSeconds(3));
        long thirdSeen = controller.Time.GetUtcNow().ToUnixTimeMilliseconds();
        await controller.ReportAsync(3);
        row = Assert.Single(messages.States());
        Assert.Equal(thirdSeen, row.LastSeenUtcMs);
        Assert.Contains("\"seq\":3", row.LastReportJson, StringComparison.Ordinal);

        // The fourth is held; a save (as a clean stop makes) writes it at once.
        await controller.StepForAsync(TimeSpan.FromSeconds(1));
        long fourthSeen = controller.Time.GetUtcNow().ToUnixTimeMilliseconds();
        await controller.ReportAsync(4);
        Assert.Equal(thirdSeen, Assert.Single(messages.States()).LastSeenUtcMs);

        // Stepped, the test is the engine's loop, as the simulator is.
        controller.Engine.SaveNow();
        Assert.Equal(fourthSeen, Assert.Single(messages.States()).LastSeenUtcMs);
    }

    [Fact]
    public async Task The_engines_timer_goes_on_when_the_wall_clock_is_set_back()
    {
        await using SteppedController controller = SteppedController.Start("sn-release-2", o => o.SnapshotIntervalS = IntervalS);
        IMessageStore messages = controller.Service<IMessageStore>();

        // A clock correction sets the wall clock an hour back after a report. Only the engine's
        // once-a-second timer releases a held state in rounds with nothing to ingest: it must keep
        // its second on the monotonic clock, not wait for the wall clock to come back.
        await controller.ReportAsync(1);
        Assert.Empty(messages.States());
        controller.Time.ShiftWall(TimeSpan.FromHours(-1));
        await controller.StepForAsync(TimeSpan.FromSeconds(IntervalS - 1));
        Assert.Empty(messages.States());
        await controller.StepForAsync(TimeSpan.FromSeconds(2));
        Assert.Contains("\"seq\":1", Assert.Single(messages.States()).LastReportJson, StringComparison.Ordinal);
    }
}
