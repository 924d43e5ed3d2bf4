using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.BroadcastNode.Tests.Support;

namespace Tocsin.Firmware.BroadcastNode.Tests.Playback;

/// <summary>
/// While a siren or clip sounds with its line proven, the runner says until when nothing but the
/// sweep changes, and a host that sleeps that long between ticks gets the same broadcast.
/// </summary>
[TestClass]
public sealed class SteadySoundingTests
{
    private static string States(BroadcastHarness h, string id) => string.Join(",", h.States(id));

    [TestMethod]
    public void A_proven_siren_is_steady_until_its_end_and_a_host_may_sleep_through_it()
    {
        var h = new BroadcastHarness();
        Assert.AreEqual(long.MinValue, h.Module.Runner.SteadyUntilMs, "nothing sounds yet");
        h.Send("broadcast", "live", Bodies.Warning(sirenS: 6, clips: new[] { 10 }), id: "calm");
        Assert.IsTrue(h.RunUntil(() => h.Module.Runner.SteadyUntilMs != long.MinValue, 10_000), "the siren's load is proven within the load check");

        long now = h.Clock.MonotonicMs();
        long until = h.Module.Runner.SteadyUntilMs;
        Assert.IsTrue(until > now && until - now <= 6_000, "steady until the siren's end, not beyond: " + (until - now).ToString(System.Globalization.CultureInfo.InvariantCulture));

        // A tickless host: one tick at the siren's end, then one every 2 s through the clip (5 s).
        h.Tick(until - now);
        Assert.IsTrue(h.RunUntil(() => States(h, "calm").EndsWith("succeeded", System.StringComparison.Ordinal), 30_000, stepMs: 2_000));
        Assert.AreEqual("received,playing,succeeded", States(h, "calm"));
        Assert.AreEqual(10, h.Player.Played.Single().Track);
    }

    [TestMethod]
    public void A_line_without_load_is_not_steady_until_its_check_has_failed_on_time()
    {
        var h = new BroadcastHarness();
        h.Amplifier.LineOpen[0] = true;
        h.Amplifier.LineOpen[1] = true;
        h.Send("broadcast", "live", Bodies.Warning(sirenS: 6, clips: System.Array.Empty<int>()), id: "cut");
        long sent = h.Clock.MonotonicMs();
        while (h.Module.Runner.FailReason == null)
        {
            Assert.AreEqual(long.MinValue, h.Module.Runner.SteadyUntilMs, "an unproven line must keep the host ticking");
            Assert.IsTrue(h.Clock.MonotonicMs() - sent < 10_000, "the line check never failed");
            h.Tick(50);
        }

        // Judged: the rest of the siren only sweeps, and sleeping through it changes nothing.
        Assert.IsTrue(h.Clock.MonotonicMs() - sent <= 6_000, "the check fails within the load check time");
        Assert.AreNotEqual(long.MinValue, h.Module.Runner.SteadyUntilMs);
        h.Run(10_000, stepMs: 5_000);
        Assert.AreEqual("received,playing,failed:no_load_current", States(h, "cut"));
    }

    [TestMethod]
    public void A_validity_ending_mid_siren_bounds_the_steady_time_so_the_broadcast_still_ends_on_time()
    {
        var h = new BroadcastHarness();
        h.Send("broadcast", "live", Bodies.Warning(sirenS: 60, clips: System.Array.Empty<int>(), expires: h.Clock.TrueUtcMs + 12_000), id: "brief");
        Assert.IsTrue(h.RunUntil(() => h.Module.Runner.SteadyUntilMs != long.MinValue, 10_000));
        long now = h.Clock.MonotonicMs();
        long until = h.Module.SteadyUntilMs(now);
        Assert.IsTrue(until - now <= 12_000, "the expiry bounds it, not the 60 s siren: " + (until - now).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.IsTrue(until - now <= BroadcastNode.Audio.DfPlayer.PlayingPollMs, "and so does the player's next status query");

        // A host sleeping each time until the module's bound still ends the broadcast at its expiry.
        while (!States(h, "brief").Contains("expired", System.StringComparison.Ordinal) && h.Clock.MonotonicMs() < now + 20_000)
        {
            long bound = h.Module.SteadyUntilMs(h.Clock.MonotonicMs());
            h.Tick(bound == long.MinValue ? 50 : System.Math.Max(50, bound - h.Clock.MonotonicMs()));
        }

        Assert.IsTrue(States(h, "brief").EndsWith("expired", System.StringComparison.Ordinal), States(h, "brief"));
        Assert.IsTrue(h.Clock.MonotonicMs() - now <= 12_100, "ended within a tick of its expiry");
    }
}
