using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.BroadcastNode.Tests.Support;

namespace Tocsin.Firmware.BroadcastNode.Tests.Supervision;

/// <summary>The local stop switch and the console's stop: silence now, and say so.</summary>
[TestClass]
public sealed class LocalStopTests
{
    private static string States(BroadcastHarness h, string id) => string.Join(",", h.States(id));

    [TestMethod]
    public void The_stop_switch_silences_everything_reports_it_and_holds_the_node_silent()
    {
        var h = new BroadcastHarness();
        h.Send("broadcast", "live", Bodies.Warning(level: "I", sirenS: 60), id: "loud");
        h.Send("broadcast", "live", Bodies.Warning(level: "IV", sirenS: 60), id: "queued");
        h.Run(5_000);
        long thrown = h.WorldMs;
        h.StopSwitch.Active = true;
        h.Run(2_000);

        Assert.AreEqual("received,playing,failed:stopped_locally", States(h, "loud"));
        Assert.AreEqual("received,waiting,failed:stopped_locally", States(h, "queued"));
        Assert.IsTrue(h.Timeline.First("tone off", thrown) - thrown <= 60, h.Timeline.ToString());
        var stop = h.Events("local_stop").Single();
        Assert.AreEqual("switch", stop.GetProperty("by").GetString());
        Assert.AreEqual(2, stop.GetProperty("stopped").GetInt32());

        h.Send("broadcast", "live", Bodies.Warning(level: "I", sirenS: 5), id: "while-stopped");
        h.Run(5_000);
        Assert.AreEqual("received,failed:stopped_locally", States(h, "while-stopped"));
        Assert.IsFalse(h.Amp.IsOn);
        Assert.AreEqual("stopped", Tocsin.Firmware.BroadcastNode.Console.BroadcastStatus.NodeState(h.Module));

        h.StopSwitch.Active = false;
        h.Run(1_000);
        Assert.IsFalse(h.Events("local_stop").Last().GetProperty("active").GetBoolean());
        h.Send("broadcast", "live", Bodies.Warning(level: "I", sirenS: 2), id: "after");
        h.Run(12_000);
        Assert.AreEqual("received,playing,succeeded", States(h, "after"));
    }

    [TestMethod]
    public void The_console_stop_ends_what_sounds_and_is_logged()
    {
        var h = new BroadcastHarness();
        h.Send("broadcast", "drill", Bodies.Warning(sirenS: 60), id: "ex");
        h.Run(6_000);
        string reply = h.Console("stop");
        h.Run(2_000);

        StringAssert.Contains(reply, "1 broadcast(s) stopped");
        Assert.AreEqual("received,playing,failed:stopped_locally", States(h, "ex"));
        Assert.IsTrue(h.Sink.Lines.Any(l => l.Contains("stopped locally by console", System.StringComparison.Ordinal)));
        Assert.IsTrue(h.Module.Chain.IsOff);
    }
}
