using System.Linq;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.BroadcastNode.Tests.Support;

namespace Tocsin.Firmware.BroadcastNode.Tests.Scheduling;

/// <summary>Results per broadcast, each stamped, and the validity window.</summary>
[TestClass]
public sealed class ResultTests
{
    private static string States(BroadcastHarness h, string id) => string.Join(",", h.States(id));

    [TestMethod]
    public void A_broadcast_is_reported_received_playing_and_succeeded_each_with_a_timestamp()
    {
        var h = new BroadcastHarness();
        h.Send("broadcast", "live", Bodies.Warning(sirenS: 2, clips: new[] { 10 }), id: "alert-1");
        h.Run(15_000);

        Assert.AreEqual("received,playing,succeeded", States(h, "alert-1"));
        var results = h.Results().Where(r => r.GetProperty("cmd").GetString() == "alert-1").ToList();
        Assert.IsTrue(results.All(r => r.TryGetProperty("t", out JsonElement _) && r.TryGetProperty("up", out JsonElement _)));
        long[] times = results.Select(r => r.GetProperty("t").GetInt64()).ToArray();
        Assert.IsTrue(times[1] - times[0] >= 1700, "playing comes after warm-up and settling");
        Assert.AreEqual("broadcast", results[0].GetProperty("kind").GetString());
    }

    [TestMethod]
    public void A_broadcast_with_a_later_start_waits_and_then_plays()
    {
        var h = new BroadcastHarness();
        long start = h.Clock.TrueUtcMs + 20_000;
        h.Send("broadcast", "live", Bodies.Warning(sirenS: 2, start: start), id: "later");
        h.Run(10_000);
        Assert.AreEqual("received,waiting", States(h, "later"));
        Assert.IsFalse(h.Amp.IsOn);

        h.Run(20_000);
        Assert.AreEqual("received,waiting,playing,succeeded", States(h, "later"));
        Assert.IsTrue(h.Timeline.First("amp on") >= 20_000);
    }

    [TestMethod]
    public void A_broadcast_whose_validity_ends_mid_play_is_silenced_and_reported_expired()
    {
        var h = new BroadcastHarness();
        long expires = h.Clock.TrueUtcMs + 6_000;
        h.Send("broadcast", "live", Bodies.Warning(sirenS: 60, expires: expires), id: "short");
        h.Run(20_000);

        Assert.AreEqual("received,playing,expired", States(h, "short"));
        long toneOff = h.Timeline.First("tone off", h.Timeline.First("tone on"));
        Assert.IsTrue(toneOff <= 6_100, h.Timeline.ToString());
    }

    [TestMethod]
    public void A_replayed_broadcast_command_never_sounds_twice()
    {
        var h = new BroadcastHarness();
        byte[] envelope = h.Send("broadcast", "live", Bodies.Warning(sirenS: 2, clips: new[] { 10 }), id: "once");
        h.Run(15_000);
        h.Deliver(envelope);
        h.Run(15_000);

        Assert.AreEqual(1, h.Tone.StartCount);
        Assert.AreEqual(1, h.Player.Played.Count);
        Assert.AreEqual(1, h.Runtime.Security.ReplayTotal);
    }

    [TestMethod]
    public void A_new_command_reusing_a_finished_broadcast_id_is_refused_as_already_handled()
    {
        var h = new BroadcastHarness();
        h.Send("broadcast", "live", Bodies.Warning(sirenS: 2), id: "old-1");
        h.Run(12_000);
        h.Send("broadcast", "live", Bodies.Warning(sirenS: 2), id: "old-1");
        h.Run(12_000);

        Assert.AreEqual("received,playing,succeeded,rejected:already_handled", States(h, "old-1"));
        Assert.AreEqual(1, h.Tone.StartCount);
    }

    [TestMethod]
    public void Without_trusted_time_a_live_broadcast_is_refused_and_says_why()
    {
        var h = new BroadcastHarness(timeSynchronized: false);
        h.Send("broadcast", "live", Bodies.Warning(), id: "no-time");
        h.Run(5_000);

        Assert.AreEqual("rejected:no_trusted_time", States(h, "no-time"));
        Assert.IsFalse(h.Amp.IsOn);
    }

    [TestMethod]
    public void Without_trusted_time_a_drill_still_runs_timed_from_its_arrival()
    {
        var h = new BroadcastHarness(timeSynchronized: false);
        h.Send("broadcast", "drill", Bodies.Warning(sirenS: 2, clips: new[] { 10 }), id: "drill-no-time");
        h.Run(20_000);

        Assert.AreEqual("received,playing,succeeded", States(h, "drill-no-time"));
    }

    [TestMethod]
    public void Without_trusted_time_a_cancel_still_stops_what_sounds()
    {
        var h = new BroadcastHarness(timeSynchronized: false);
        h.Send("broadcast", "drill", Bodies.Warning(sirenS: 60), id: "drill-long");
        h.Run(6_000);
        h.Send("cancel", "live", Bodies.Cancel("drill-long"), id: "stop-it");
        h.Run(2_000);

        Assert.AreEqual("received,playing,cancelled:cancel", States(h, "drill-long"));
        Assert.AreEqual("done", States(h, "stop-it"));
    }

    [TestMethod]
    [DataRow("{\"level\":\"V\",\"clips\":[10]}")]
    [DataRow("{\"level\":\"I\"}")]
    [DataRow("{\"level\":\"I\",\"clips\":[0]}")]
    [DataRow("{\"level\":\"I\",\"clips\":[1,2,3,4,5,6,7,8,9]}")]
    [DataRow("{\"level\":\"I\",\"siren\":\"whoop\"}")]
    [DataRow("{\"level\":\"I\",\"clips\":[10],\"repeat\":9}")]
    [DataRow("{\"level\":\"I\",\"clips\":[10],\"zones\":[5]}")]
    [DataRow("{\"level\":\"I\",\"clips\":\"10\"}")]
    public void A_malformed_body_is_refused_with_the_reason_and_nothing_sounds(string body)
    {
        var h = new BroadcastHarness();
        h.Send("broadcast", "live", w => { using var doc = JsonDocument.Parse(body); foreach (JsonProperty p in doc.RootElement.EnumerateObject()) { p.WriteTo(w); } }, id: "bad");
        h.Run(3_000);

        Assert.AreEqual("rejected:malformed", States(h, "bad"));
        Assert.IsFalse(h.Amp.IsOn);
    }

    [TestMethod]
    public void Unknown_body_fields_are_ignored()
    {
        var h = new BroadcastHarness();
        h.Send("broadcast", "live", w =>
        {
            Bodies.Warning(sirenS: 2)(w);
            w.WriteStartObject("future");
            w.WriteNumber("x", 1);
            w.WriteEndObject();
        }, id: "extra");
        h.Run(12_000);

        Assert.AreEqual("received,playing,succeeded", States(h, "extra"));
    }
}
