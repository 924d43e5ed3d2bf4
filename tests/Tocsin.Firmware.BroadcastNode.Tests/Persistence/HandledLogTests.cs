using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.BroadcastNode.Persistence;
using Tocsin.Firmware.BroadcastNode.Scheduling;
using Tocsin.Simulator.Hardware;

namespace Tocsin.Firmware.BroadcastNode.Tests.Persistence;

[TestClass]
public sealed class HandledLogTests
{
    [TestMethod]
    public void The_log_survives_a_restart_and_keeps_the_newest_entries()
    {
        var flash = new SimFlashStore();
        var log = new HandledLog(flash);
        Assert.IsTrue(log.Load());
        for (int i = 0; i < HandledLog.Capacity + 4; i++)
        {
            Assert.IsTrue(log.Add("alert-" + i, 100 + i, BroadcastKind.Warning, 0, BroadcastState.Succeeded, 0, 1_764_000_000_000 + i));
        }

        var again = new HandledLog(flash);
        Assert.IsTrue(again.Load());
        Assert.AreEqual(HandledLog.Capacity, again.Count);
        Assert.AreEqual(-1, again.Find("alert-3"));
        int newest = again.Find("alert-19");
        Assert.AreEqual(again.IndexNewest(0), newest);
        Assert.AreEqual(119, again.SeqAt(newest));
        Assert.AreEqual(BroadcastState.Succeeded, again.StateAt(newest));
    }

    [TestMethod]
    public void A_corrupt_log_is_reported_and_starts_empty()
    {
        var flash = new SimFlashStore();
        var log = new HandledLog(flash);
        log.Add("alert-1", 1, BroadcastKind.Warning, 0, BroadcastState.Failed, BroadcastReason.ToCode(BroadcastReason.NoLoadCurrent), 0);
        flash.Corrupt("bnlog", 3);

        var again = new HandledLog(flash);
        Assert.IsFalse(again.Load());
        Assert.AreEqual(0, again.Count);
    }

    [TestMethod]
    public void Reasons_round_trip_through_their_storage_codes()
    {
        foreach (string reason in new[] { BroadcastReason.NoLoadCurrent, BroadcastReason.Rebooted, BroadcastReason.WrongMode, BroadcastReason.NotFound })
        {
            Assert.AreEqual(reason, BroadcastReason.FromCode(BroadcastReason.ToCode(reason)));
        }

        Assert.AreEqual(0, BroadcastReason.ToCode(null));
        Assert.IsNull(BroadcastReason.FromCode(200));
    }
}
