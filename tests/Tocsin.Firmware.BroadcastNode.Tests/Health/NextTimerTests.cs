using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.BroadcastNode.Tests.Support;

namespace Tocsin.Firmware.BroadcastNode.Tests.Health;

/// <summary>
/// A loudspeaker stepped only when its runtime's next timer falls due (as the simulator steps an idle
/// one, or a board that sleeps) still does what a board looping all the time would, in time.
/// </summary>
[TestClass]
public sealed class NextTimerTests
{
    // Steps the node at its next timer (at most maxStepMs ahead) until untilMs has passed.
    private static int RunOnTimers(BroadcastHarness h, long durationMs, long maxStepMs = 300_000)
    {
        int steps = 0;
        long end = h.Runtime.NowMs + durationMs;
        while (h.Runtime.NowMs < end)
        {
            long next = h.Runtime.NextTimerMs();
            Assert.IsTrue(next == long.MaxValue || next > h.Runtime.NowMs - 1, "a timer left in the past would make the loop spin");
            long step = next == long.MaxValue ? maxStepMs : System.Math.Max(1, System.Math.Min(maxStepMs, next - h.Runtime.NowMs));
            h.Tick(System.Math.Min(step, end - h.Runtime.NowMs));
            steps++;
        }

        return steps;
    }

    [TestMethod]
    public void An_idle_speaker_needs_few_steps_and_never_a_timer_in_the_past()
    {
        var h = new BroadcastHarness();
        h.Run(2_000);
        int steps = RunOnTimers(h, 3_600_000);

        Assert.IsTrue(steps < 400, "an idle hour took " + steps + " steps");
        int beats = h.Link.Published.Count(p => p.Topic.EndsWith("/hb", System.StringComparison.Ordinal));
        Assert.IsTrue(beats >= 55, "a heartbeat a minute, not " + beats);
    }

    [TestMethod]
    public void A_door_opened_between_steps_is_sampled_within_a_second_and_reported()
    {
        var h = new BroadcastHarness();
        h.Run(2_000);
        RunOnTimers(h, 30_000);
        long idleTimer = h.Runtime.NextTimerMs();

        // The door input changes (a board's loop or interrupt would see it at once): the next timer
        // is the health monitor's next sample, not the idle heartbeat.
        h.Tamper.Active = true;
        long next = h.Runtime.NextTimerMs();
        Assert.IsTrue(next <= h.Runtime.NowMs + 1_000 && next < idleTimer, "door sampled at " + (next - h.Runtime.NowMs) + " ms");
        RunOnTimers(h, 2_000);

        Assert.AreEqual("tamper", h.Events("fault").Single().GetProperty("fault").GetString());
    }
}
