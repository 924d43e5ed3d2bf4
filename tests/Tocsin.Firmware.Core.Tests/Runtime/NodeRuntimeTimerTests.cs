using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.Delivery;
using Tocsin.Firmware.Json;
using Tocsin.Firmware.Mqtt;
using Tocsin.Firmware.Tests.Support;

namespace Tocsin.Firmware.Tests.Runtime;

/// <summary>The runtime's next timer: when a tick would act with no new input.</summary>
[TestClass]
public sealed class NodeRuntimeTimerTests
{
    private static NodeHarness Connected()
    {
        var h = new NodeHarness();
        h.Tick(10);
        Assert.AreEqual(SessionState.Connected, h.Runtime.Session.State);
        return h;
    }

    private static void Enqueue(NodeHarness h)
    {
        JsonWriter w = h.Runtime.Outbox.Begin(OutboxStream.Report);
        w.Property("value", 1);
        h.Runtime.Outbox.Commit();
    }

    [TestMethod]
    public void A_connected_idle_node_waits_for_its_heartbeat_and_sends_it_exactly_then()
    {
        var h = Connected();
        long period = h.Runtime.Settings.GetNumber(h.Runtime.Core.HeartbeatS) * 1000;
        Assert.AreEqual(1, h.PublishedTo("hb").Count, "the first heartbeat goes out with the connect");

        // A period later, less up to a tenth of jitter (so a district's nodes do not beat in step).
        long due = h.Runtime.NextTimerMs();
        Assert.IsTrue(due >= h.Runtime.NowMs + (period * 9 / 10) && due <= h.Runtime.NowMs + period, "next heartbeat " + (due - h.Runtime.NowMs) + " ms away");

        int before = h.PublishedTo("hb").Count;
        h.Tick(due - h.Runtime.NowMs - 1);
        Assert.AreEqual(before, h.PublishedTo("hb").Count, "not before it is due");
        h.Tick(1);
        Assert.AreEqual(before + 1, h.PublishedTo("hb").Count);
        Assert.IsTrue(h.Runtime.NextTimerMs() > h.Runtime.NowMs + (period / 2));
    }

    [TestMethod]
    public void An_unacknowledged_message_brings_its_resend_due_and_an_acknowledgement_takes_it_away()
    {
        var h = Connected();
        Enqueue(h);
        h.Tick(10);
        long resend = h.Runtime.NowMs + h.Runtime.Outbox.ResendAfterMs;
        Assert.AreEqual(resend, h.Runtime.Outbox.ResendDueMs);
        Assert.AreEqual(resend, h.Runtime.NextTimerMs(), "sooner than the heartbeat a minute away");

        h.Ack(1);
        Assert.AreEqual(long.MaxValue, h.Runtime.Outbox.ResendDueMs);
        Assert.IsTrue(h.Runtime.NextTimerMs() > resend, "only the heartbeat is left");
    }

    [TestMethod]
    public void An_acknowledgement_that_arrived_while_the_loop_slept_is_taken_before_the_resend_it_would_prevent()
    {
        var h = Connected();
        Enqueue(h);
        h.Tick(10);
        int published = h.Runtime.Outbox.PublishCount;
        long due = h.Runtime.NextTimerMs();
        Assert.AreEqual(h.Runtime.Outbox.ResendDueMs, due);

        // The acknowledgement arrives while the loop sleeps until its timer.
        h.Link.Deliver(h.Topic("ack"), System.Text.Encoding.UTF8.GetBytes("{\"ep\":" + h.Runtime.Outbox.Epoch + ",\"upto\":1}"));
        h.Tick(due - h.Runtime.NowMs);

        Assert.AreEqual(0, h.Runtime.Outbox.ResendCount);
        Assert.AreEqual(published, h.Runtime.Outbox.PublishCount);
        Assert.AreEqual(0, h.Runtime.Outbox.Count);
    }

    [TestMethod]
    public void A_dropped_connection_brings_the_next_attempt_due_and_nothing_while_disconnected_is_a_resend()
    {
        var h = Connected();
        Enqueue(h);
        h.Tick(10);
        h.Link.DropConnection();
        h.Tick(10);

        Assert.AreEqual(SessionState.Waiting, h.Runtime.Session.State);
        Assert.AreEqual(long.MaxValue, h.Runtime.Outbox.ResendDueMs, "nothing is in flight without a connection");
        Assert.AreEqual(h.Runtime.Session.NextAttemptMs, h.Runtime.NextTimerMs());
        Assert.IsTrue(h.Runtime.NextTimerMs() >= h.Runtime.NowMs);
    }

    [TestMethod]
    public void The_modules_timer_and_a_requested_reboot_count_when_they_come_first()
    {
        var h = Connected();
        h.Module.NextTimer = h.Runtime.NowMs + 1234;
        Assert.AreEqual(h.Runtime.NowMs + 1234, h.Runtime.NextTimerMs());

        h.Runtime.ScheduleReboot(500);
        Assert.AreEqual(h.Runtime.NowMs + 500, h.Runtime.NextTimerMs());
    }
}
