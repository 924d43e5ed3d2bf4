using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.Diagnostics;
using Tocsin.Firmware.Hardware;
using Tocsin.Firmware.Mqtt;
using Tocsin.Firmware.Tests.Support;
using Tocsin.Firmware.Util;
using Tocsin.Simulator.Hardware;

namespace Tocsin.Firmware.Tests.Mqtt;

[TestClass]
public sealed class MqttSessionTests
{
    private static (MqttSession Session, ScriptedMqttLink Link) NewSession(long baseMs = 1000, long capMs = 60_000)
    {
        var link = new ScriptedMqttLink();
        var session = new MqttSession(link, new BackoffPolicy(new XorShiftRandom(7), baseMs, capMs), new LogRing(16, null));
        var request = new MqttConnectRequest { Host = "broker", Port = 1883, ClientId = "n1", WillTopic = "s", WillPayload = new byte[] { 1 } };
        session.Configure(request, "tocsin/v1/node/n1/status", new byte[] { (byte)'{', (byte)'}' }, new[] { "a", "b" }, 0);
        return (session, link);
    }

    [TestMethod]
    public void Backoff_ceiling_doubles_up_to_the_cap_and_delays_stay_under_it()
    {
        var policy = new BackoffPolicy(new XorShiftRandom(1), 1000, 30_000);
        CollectionAssert.AreEqual(new long[] { 1000, 2000, 4000, 8000, 16000, 30000, 30000 }, Enumerable.Range(0, 7).Select(policy.CeilingMs).ToArray());
        for (int attempt = 0; attempt < 50; attempt++)
        {
            long d = policy.NextDelayMs(attempt);
            Assert.IsTrue(d >= 0 && d <= policy.CeilingMs(attempt));
        }
    }

    [TestMethod]
    public void Full_jitter_spreads_delays_across_the_whole_range()
    {
        var policy = new BackoffPolicy(new XorShiftRandom(99), 1000, 60_000);
        var delays = Enumerable.Range(0, 2000).Select(_ => policy.NextDelayMs(5)).ToArray();
        Assert.IsTrue(delays.Min() < 3000, "min " + delays.Min());
        Assert.IsTrue(delays.Max() > 29_000, "max " + delays.Max());
        double mean = delays.Average();
        Assert.IsTrue(mean > 14_000 && mean < 18_000, "mean " + mean);
    }

    [TestMethod]
    public void A_refused_connection_is_retried_with_growing_delays_then_succeeds()
    {
        var (session, link) = NewSession();
        link.NextConnect = ConnectBehaviour.Refuse;
        long now = 0;
        for (; now < 200_000 && link.Connects.Count < 6; now += 10)
        {
            session.Tick(now);
        }

        Assert.AreEqual(6, link.Connects.Count);
        Assert.AreEqual(SessionState.Waiting, session.State);
        Assert.AreEqual(6, session.FailureCount);
        link.NextConnect = ConnectBehaviour.Accept;
        for (int i = 0; i < 20_000 && !session.IsConnected; i++, now += 10)
        {
            session.Tick(now);
        }

        Assert.IsTrue(session.IsConnected);
        Assert.AreEqual(0, session.Attempt);
        Assert.IsTrue(link.Published.Single().Retain);
        CollectionAssert.AreEqual(new[] { "a", "b" }, link.Subscriptions.ToArray());
    }

    [TestMethod]
    public void A_hanging_attempt_times_out_and_is_retried()
    {
        var (session, link) = NewSession();
        link.NextConnect = ConnectBehaviour.Hang;
        session.Tick(0);
        Assert.AreEqual(SessionState.Connecting, session.State);
        session.Tick(session.ConnectTimeoutMs - 1);
        Assert.AreEqual(SessionState.Connecting, session.State);
        session.Tick(session.ConnectTimeoutMs);
        Assert.AreEqual(SessionState.Waiting, session.State);
        Assert.AreEqual(1, session.FailureCount);
    }

    [TestMethod]
    public void After_a_lost_connection_it_reconnects_republishes_status_and_resubscribes()
    {
        var (session, link) = NewSession();
        session.Tick(0);
        Assert.IsTrue(session.IsConnected);
        link.DropConnection("broker restarted");
        session.Tick(10);
        Assert.AreEqual(SessionState.Waiting, session.State);
        for (long now = 20; now < 5000 && !session.IsConnected; now += 10)
        {
            session.Tick(now);
        }

        Assert.IsTrue(session.IsConnected);
        Assert.AreEqual(2, session.ConnectCount);
        Assert.AreEqual(2, link.Published.Count(p => p.Retain && p.Topic == "tocsin/v1/node/n1/status"));
        CollectionAssert.AreEqual(new[] { "a", "b" }, link.Subscriptions.ToArray());
    }

    [TestMethod]
    public void Publishing_while_disconnected_is_refused_not_queued_silently()
    {
        var (session, link) = NewSession();
        link.NextConnect = ConnectBehaviour.Refuse;
        session.Tick(0);
        Assert.IsFalse(session.Publish("x", new byte[] { 1 }, 1, 1, false));
        Assert.AreEqual(0, link.Published.Count);
    }

    [TestMethod]
    public void Node_heartbeat_carries_uptime_signal_memory_queue_and_power()
    {
        var h = new NodeHarness();
        h.Tick(10);
        var hb = h.PublishedTo("hb");
        Assert.AreEqual(1, hb.Count);
        Assert.AreEqual(0, hb[0].Qos);
        var json = System.Text.Json.JsonDocument.Parse(hb[0].Payload).RootElement;
        Assert.AreEqual(-61, json.GetProperty("rssi").GetInt32());
        Assert.AreEqual(60 * 1024, json.GetProperty("mem").GetInt32());
        Assert.AreEqual("mains", json.GetProperty("power").GetString());
        Assert.AreEqual(0, json.GetProperty("ob").GetProperty("q").GetInt32());
        Assert.IsTrue(json.TryGetProperty("t", out _));
        h.Run(60_000, 1000);
        Assert.AreEqual(2, h.PublishedTo("hb").Count);
    }

    [TestMethod]
    public void Heartbeats_come_at_most_one_period_apart_and_not_in_lockstep()
    {
        var h = new NodeHarness();
        h.Tick(10);
        h.Run(30 * 60_000, 1000);
        var uptimes = h.PublishedTo("hb").Select(p => System.Text.Json.JsonDocument.Parse(p.Payload).RootElement.GetProperty("up_s").GetInt64()).ToList();
        var intervals = uptimes.Zip(uptimes.Skip(1), (a, b) => b - a).ToList();
        Assert.IsTrue(intervals.Count >= 29, "heartbeats: " + string.Join(", ", uptimes));
        Assert.IsTrue(intervals.All(s => s >= 53 && s <= 60), "intervals (s): " + string.Join(", ", intervals));
        Assert.IsTrue(intervals.Distinct().Count() > 2, "every interval the same: boards booted together would beat in step");
    }
}
