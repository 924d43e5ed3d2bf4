using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.Mqtt;
using Tocsin.Firmware.Tests.Support;

namespace Tocsin.Firmware.Tests.Runtime;

[TestClass]
public sealed class NodeRuntimeBootTests
{
    [TestMethod]
    public void A_provisioned_node_connects_publishes_retained_online_status_and_subscribes()
    {
        var h = new NodeHarness();
        h.Tick(10);

        Assert.AreEqual(SessionState.Connected, h.Runtime.Session.State);
        var status = h.PublishedTo("status").Single();
        Assert.IsTrue(status.Retain);
        StringAssert.Contains(status.Text, "\"state\":\"online\"");
        StringAssert.Contains(status.Text, "\"fw\":\"0.1.0\"");
        StringAssert.Contains(status.Text, "\"boot\":\"power_on\"");
        CollectionAssert.AreEquivalent(
            new[] { h.Topic("cmd"), h.AreaTopic, h.Topic("ack"), "tocsin/v1/node/sensor-9/event" },
            h.Link.Subscriptions.ToArray());
        var request = h.Link.Connects.Last();
        Assert.AreEqual(NodeHarness.NodeId, request.ClientId);
        Assert.AreEqual(h.Topic("status"), request.WillTopic);
        StringAssert.Contains(System.Text.Encoding.UTF8.GetString(request.WillPayload), "\"state\":\"offline\"");
    }

    [TestMethod]
    public void An_unprovisioned_node_stays_off_the_network_and_says_why()
    {
        var h = new NodeHarness(provisioned: false);
        h.Run(5000);

        Assert.AreEqual(SessionState.Idle, h.Runtime.Session.State);
        Assert.AreEqual(0, h.Link.Connects.Count);
        Assert.IsTrue(h.Sink.Lines.Any(l => l.Contains("not provisioned", StringComparison.Ordinal)));
    }
}
