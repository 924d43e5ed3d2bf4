using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.Mqtt;
using Tocsin.Firmware.Tests.Support;

namespace Tocsin.Firmware.Tests.Runtime;

[TestClass]
public sealed class ProvisioningLifecycleTests
{
    [TestMethod]
    public void Removing_the_key_takes_the_node_off_the_network_and_stops_it_accepting_commands()
    {
        var h = new NodeHarness();
        h.Tick(10);
        Assert.IsTrue(h.Runtime.Session.IsConnected);

        StringAssert.Contains(h.Console("config reset auth.key"), "ok");
        Assert.AreEqual(SessionState.Idle, h.Runtime.Session.State);
        h.Link.Deliver(h.Topic("cmd"), h.Sign(h.Spec("sound")));
        h.Run(1000);
        Assert.AreEqual(0, h.Module.Handled.Count);
    }

    [TestMethod]
    public void After_provisioning_the_status_says_the_configuration_is_in_force()
    {
        var h = new NodeHarness();
        StringAssert.Contains(h.Console("status"), "config: ok");
    }

    [TestMethod]
    public void Changing_only_the_heartbeat_period_does_not_drop_the_connection()
    {
        var h = new NodeHarness();
        h.Tick(10);
        int connects = h.Link.Connects.Count;
        h.Console("config set hb.period_s 120");
        h.Run(1000);
        Assert.AreEqual(connects, h.Link.Connects.Count);
        Assert.IsTrue(h.Runtime.Session.IsConnected);
    }

    [TestMethod]
    public void Changing_the_broker_reconnects_to_the_new_one()
    {
        var h = new NodeHarness();
        h.Tick(10);
        h.Console("config set mqtt.host broker.licheng.example");
        h.Run(1000);
        Assert.AreEqual("broker.licheng.example", h.Link.Connects.Last().Host);
        Assert.IsTrue(h.Runtime.Session.IsConnected);
    }
}
