using System;
using System.Linq;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Controller.Security;
using Tocsin.Firmware.Security;
using Tocsin.Firmware.Tests.Support;

namespace Tocsin.Firmware.Tests.Security;

/// <summary>End to end through the node: controller-signed commands, and every way to get one wrong.</summary>
[TestClass]
public sealed class CommandAuthenticationTests
{
    private static NodeHarness Connected(bool timeSynchronized = true)
    {
        var h = new NodeHarness(timeSynchronized: timeSynchronized);
        h.Tick(10);
        return h;
    }

    private static string LastResultState(NodeHarness h) => h.Results().Last().GetProperty("state").GetString();

    private static string LastResultReason(NodeHarness h) => h.Results().Last().GetProperty("reason").GetString();

    [TestMethod]
    public void A_signed_command_is_carried_out_once_and_reported()
    {
        var h = Connected();
        h.DeliverCommand(h.Sign(h.Spec("sound", "live", id: "alert-1")));

        CollectionAssert.AreEqual(new[] { "alert-1/live" }, h.Module.Handled.ToArray());
        var result = h.Results().Single();
        Assert.AreEqual("alert-1", result.GetProperty("cmd").GetString());
        Assert.AreEqual("received", result.GetProperty("state").GetString());
    }

    [TestMethod]
    public void A_forged_mac_is_refused_without_acting()
    {
        var h = Connected();
        var forger = new NodeKey(NodeHarness.NodeId, new byte[32]);
        h.DeliverCommand(CommandSigner.SignForNode(h.Spec("sound"), forger));

        Assert.AreEqual(0, h.Module.Handled.Count);
        Assert.AreEqual(1, h.Runtime.Security.BadMacTotal);
        Assert.AreEqual(0, h.Results().Count);
    }

    [TestMethod]
    public void Another_nodes_key_cannot_command_this_node()
    {
        var h = Connected();
        var neighbour = new NodeKey("bn-0002", Enumerable.Range(0, 32).Select(i => (byte)(255 - i)).ToArray());
        // The neighbour signs honestly for itself, then relabels its own MAC as ours.
        string envelope = Encoding.UTF8.GetString(CommandSigner.SignForNode(h.Spec("sound"), neighbour));
        h.DeliverCommand(Encoding.UTF8.GetBytes(envelope.Replace("\"bn-0002\"", "\"" + NodeHarness.NodeId + "\"", StringComparison.Ordinal)));

        Assert.AreEqual(0, h.Module.Handled.Count);
        Assert.AreEqual(1, h.Runtime.Security.BadMacTotal);
    }

    [TestMethod]
    public void A_command_addressed_only_to_other_nodes_is_ignored_quietly()
    {
        var h = Connected();
        var other = new NodeKey("bn-0002", new byte[32]);
        h.DeliverCommand(CommandSigner.SignForNode(h.Spec("sound"), other), topic: h.AreaTopic);

        Assert.AreEqual(0, h.Module.Handled.Count);
        Assert.AreEqual(0, h.Runtime.Security.TotalRejected);
    }

    [TestMethod]
    public void A_community_envelope_carries_each_nodes_own_mac()
    {
        var h = Connected();
        var nodes = Enumerable.Range(1, 40).Select(i => new NodeKey("bn-" + i.ToString("D4"), Enumerable.Repeat((byte)i, 32).ToArray())).ToList();
        nodes[0] = new NodeKey(NodeHarness.NodeId, h.Key);
        var envelopes = CommandSigner.Sign(h.Spec("sound", id: "area-1"), nodes, maxNodesPerEnvelope: 16);
        Assert.AreEqual(3, envelopes.Count);
        foreach (byte[] e in envelopes)
        {
            h.DeliverCommand(e, topic: h.AreaTopic);
        }

        CollectionAssert.AreEqual(new[] { "area-1/live" }, h.Module.Handled.ToArray());
    }

    [TestMethod]
    public void Replaying_an_accepted_command_never_acts_twice_even_after_a_reboot()
    {
        var h = Connected();
        byte[] envelope = h.Sign(h.Spec("sound"));
        h.DeliverCommand(envelope);
        h.DeliverCommand(envelope);
        Assert.AreEqual(1, h.Module.Handled.Count);

        h.Reboot();
        h.Tick(10);
        h.DeliverCommand(envelope);
        Assert.AreEqual(0, h.Module.Handled.Count, "the new runtime's module must not have acted");
        Assert.AreEqual(1, h.Runtime.Security.ReplayTotal);
    }

    [TestMethod]
    public void A_redelivered_command_gets_its_result_again()
    {
        var h = Connected();
        byte[] envelope = h.Sign(h.Spec("sound", id: "alert-7"));
        h.DeliverCommand(envelope);
        h.Tick(6000);
        h.DeliverCommand(envelope);

        var results = h.Results().Where(r => r.GetProperty("cmd").GetString() == "alert-7").ToList();
        Assert.AreEqual(2, results.Count);
        Assert.AreEqual(results[0].GetProperty("state").GetString(), results[1].GetProperty("state").GetString());
        Assert.AreEqual(1, h.Module.Handled.Count);
    }

    [TestMethod]
    public void Commands_that_overtake_each_other_are_each_accepted_once()
    {
        var h = Connected();
        byte[] first = h.Sign(h.Spec("sound", seq: 500, id: "a"));
        byte[] second = h.Sign(h.Spec("sound", seq: 501, id: "b"));
        byte[] third = h.Sign(h.Spec("sound", seq: 503, id: "c"));
        h.DeliverCommand(third);
        h.DeliverCommand(first);
        h.DeliverCommand(second);
        h.DeliverCommand(first);

        CollectionAssert.AreEqual(new[] { "c/live", "a/live", "b/live" }, h.Module.Handled.ToArray());
    }

    [TestMethod]
    public void A_command_older_than_the_replay_window_is_refused_and_reported()
    {
        var h = Connected();
        h.DeliverCommand(h.Sign(h.Spec("ping", seq: 1000)));
        byte[] old = h.Sign(h.Spec("sound", seq: 1000 - ReplayWindow.WindowSize - 1));
        h.DeliverCommand(old);

        Assert.AreEqual(0, h.Module.Handled.Count);
        Assert.AreEqual(1, h.Runtime.Security.ReplayTotal);

        // The node never had it, so no result of its own exists: the controller is told it was refused,
        // or it would resend it until it expires. Copies are answered at most once per interval.
        Assert.AreEqual("rejected", LastResultState(h));
        Assert.AreEqual(CommandRejection.TooOld, LastResultReason(h));
        int results = h.Results().Count;
        h.DeliverCommand(old);
        Assert.AreEqual(results, h.Results().Count);
        h.Clock.Advance(10_000);
        h.DeliverCommand(old);
        Assert.AreEqual(results + 1, h.Results().Count);
        Assert.AreEqual(0, h.Module.Handled.Count);
    }

    [TestMethod]
    public void An_expired_command_is_refused_with_the_reason()
    {
        var h = Connected();
        byte[] envelope = h.Sign(h.Spec("sound", lifetimeMs: 60_000));
        h.Clock.Advance(61_000);
        h.DeliverCommand(envelope);

        Assert.AreEqual(0, h.Module.Handled.Count);
        Assert.AreEqual("rejected", LastResultState(h));
        Assert.AreEqual(CommandRejection.Expired, LastResultReason(h));
    }

    [TestMethod]
    public void A_command_issued_in_the_future_beyond_clock_skew_is_refused()
    {
        var h = Connected();
        h.DeliverCommand(h.Sign(h.Spec("sound", issuedOffsetMs: 10 * 60_000)));

        Assert.AreEqual(0, h.Module.Handled.Count);
        Assert.AreEqual(CommandRejection.NotYetValid, LastResultReason(h));
    }

    [TestMethod]
    public void A_command_claiming_more_than_the_longest_lifetime_is_refused()
    {
        var h = Connected();
        h.DeliverCommand(h.Sign(h.Spec("sound", lifetimeMs: 8L * 24 * 3600 * 1000)));

        Assert.AreEqual(CommandRejection.LifetimeTooLong, LastResultReason(h));
    }

    [TestMethod]
    public void Without_trusted_time_a_live_activation_is_refused_but_a_drill_or_ping_is_not()
    {
        var h = Connected(timeSynchronized: false);
        h.DeliverCommand(h.Sign(h.Spec("sound", "live", id: "live-1")));
        Assert.AreEqual(CommandRejection.NoTrustedTime, LastResultReason(h));

        h.DeliverCommand(h.Sign(h.Spec("sound", "drill", id: "drill-1")));
        h.DeliverCommand(h.Sign(h.Spec("ping", id: "ping-1")));
        CollectionAssert.AreEqual(new[] { "drill-1/drill" }, h.Module.Handled.ToArray());
        Assert.AreEqual("done", LastResultState(h));
    }

    [TestMethod]
    public void A_drill_altered_into_live_on_the_way_fails_its_mac()
    {
        var h = Connected();
        string drill = Encoding.UTF8.GetString(h.Sign(h.Spec("sound", "drill")));
        string live = drill.Replace("\"mode\":\"drill\"", "\"mode\":\"live\"", StringComparison.Ordinal);
        Assert.AreNotEqual(drill, live);
        h.DeliverCommand(Encoding.UTF8.GetBytes(live));

        Assert.AreEqual(0, h.Module.Handled.Count);
        Assert.AreEqual(1, h.Runtime.Security.BadMacTotal);
    }

    [TestMethod]
    public void A_drill_is_handed_to_the_module_as_a_drill()
    {
        var h = Connected();
        h.DeliverCommand(h.Sign(h.Spec("sound", "drill", id: "d")));
        CollectionAssert.AreEqual(new[] { "d/drill" }, h.Module.Handled.ToArray());
    }

    [TestMethod]
    public void A_retained_command_is_never_acted_upon()
    {
        var h = Connected();
        h.DeliverCommand(h.Sign(h.Spec("sound")), retain: true);

        Assert.AreEqual(0, h.Module.Handled.Count);
        Assert.AreEqual(1, h.Runtime.Security.RetainedTotal);
    }

    [TestMethod]
    [DataRow("not json")]
    [DataRow("{\"v\":1}")]
    [DataRow("{\"v\":2,\"cmd\":{},\"mac\":{}}")]
    [DataRow("{\"v\":1,\"cmd\":[],\"mac\":{}}")]
    [DataRow("{\"v\":1,\"cmd\":{\"id\":\"x\"},\"mac\":{\"bn-0001\":\"AAAA\"}}")]
    [DataRow("{\"v\":1,\"cmd\":{\"id\":\"x\"},\"mac\":{\"bn-0001\":\"!!!!!!!!!!!!!!!!!!!!!!!!\"}}")]
    [DataRow("{\"v\":1,\"cmd\":{\"id\":\"x\"},\"mac\":{\"bn-0001\":7}}")]
    [DataRow("{\"v\":1,\"cmd\":{\"id\":\"x\"}")]
    [DataRow("")]
    public void Malformed_envelopes_are_counted_and_never_crash_the_node(string payload)
    {
        var h = Connected();
        h.DeliverCommand(Encoding.UTF8.GetBytes(payload));
        h.DeliverCommand(h.Sign(h.Spec("sound", id: "after")));

        CollectionAssert.AreEqual(new[] { "after/live" }, h.Module.Handled.ToArray());
        Assert.AreEqual(1, h.Runtime.Security.MalformedTotal);
    }

    [TestMethod]
    public void Unknown_fields_are_ignored_and_a_missing_required_field_is_named()
    {
        var h = Connected();
        var key = new NodeKey(NodeHarness.NodeId, h.Key);
        long iss = h.Clock.TrueUtcMs;
        string cmdWithExtra = "{\"id\":\"x1\",\"seq\":900,\"kind\":\"ping\",\"mode\":\"live\",\"iss\":" + iss + ",\"exp\":" + (iss + 60000) + ",\"future\":{\"a\":[1,2]}}";
        h.DeliverCommand(Envelope(cmdWithExtra, key));
        Assert.AreEqual("done", LastResultState(h));

        string noExp = "{\"id\":\"x2\",\"seq\":901,\"kind\":\"ping\",\"mode\":\"live\",\"iss\":" + iss + "}";
        h.DeliverCommand(Envelope(noExp, key));
        Assert.AreEqual("rejected", LastResultState(h));
        Assert.AreEqual(CommandRejection.Malformed, LastResultReason(h));
        Assert.IsTrue(h.Sink.Lines.Any(l => l.Contains("needs id, seq, kind, mode, iss and exp", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void An_unknown_command_kind_is_reported_as_such()
    {
        var h = Connected();
        h.DeliverCommand(h.Sign(h.Spec("launch-rockets")));
        Assert.AreEqual(CommandRejection.UnknownKind, LastResultReason(h));
    }

    [TestMethod]
    public void When_the_replay_window_cannot_be_saved_the_command_does_not_act()
    {
        var h = Connected();
        h.Flash.FailWrites = true;
        h.DeliverCommand(h.Sign(h.Spec("sound")));
        Assert.AreEqual(0, h.Module.Handled.Count);
    }

    [TestMethod]
    public void A_flood_of_forgeries_is_logged_at_a_bounded_rate()
    {
        var h = Connected();
        var forger = new NodeKey(NodeHarness.NodeId, new byte[32]);
        int before = h.Sink.Lines.Count;
        for (int i = 0; i < 200; i++)
        {
            h.DeliverCommand(CommandSigner.SignForNode(h.Spec("sound"), forger));
        }

        Assert.AreEqual(200, h.Runtime.Security.BadMacTotal);
        Assert.IsTrue(h.Sink.Lines.Count - before < 5, "log lines: " + (h.Sink.Lines.Count - before));
        // One event at once, then one summary of the rest when the interval allows.
        h.Run(61_000, 1000);
        var events = h.PublishedTo("event").Where(e => e.Text.Contains("\"type\":\"security\"", StringComparison.Ordinal)).Select(e => e.Text).Distinct().ToList();
        Assert.AreEqual(2, events.Count, string.Join("\n", events));
    }

    private static byte[] Envelope(string cmd, NodeKey key)
    {
        byte[] cmdBytes = Encoding.UTF8.GetBytes(cmd);
        string mac = Convert.ToBase64String(CommandSigner.ComputeMac(key.Key, key.NodeId, cmdBytes));
        return Encoding.UTF8.GetBytes("{\"v\":1,\"cmd\":" + cmd + ",\"mac\":{\"" + key.NodeId + "\":\"" + mac + "\"}}");
    }
}
