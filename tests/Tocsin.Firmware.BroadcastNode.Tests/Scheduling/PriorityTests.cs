using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.BroadcastNode.Scheduling;
using Tocsin.Firmware.Security;

namespace Tocsin.Firmware.BroadcastNode.Tests.Scheduling;

/// <summary>The preemption order as a table.</summary>
[TestClass]
public sealed class PriorityTests
{
    private static int Of(int mode, int level, bool local = false, int kind = BroadcastKind.Warning)
    {
        var b = new Broadcast();
        b.Clear();
        b.Mode = mode;
        b.Level = level;
        b.Local = local;
        b.Kind = kind;
        return Priority.Of(b);
    }

    [TestMethod]
    public void Live_at_any_level_outranks_a_drill_at_any_level_which_outranks_tests()
    {
        Assert.IsTrue(Of(CommandMode.Live, AlertLevel.Info) > Of(CommandMode.Drill, AlertLevel.Red));
        Assert.IsTrue(Of(CommandMode.Drill, AlertLevel.Info) > Of(CommandMode.Test, AlertLevel.Info, kind: BroadcastKind.GrowlTest));
        Assert.IsTrue(Of(CommandMode.Live, AlertLevel.Info, local: true) > Of(CommandMode.Drill, AlertLevel.Red));
    }

    [TestMethod]
    [DataRow(AlertLevel.Red, AlertLevel.Orange)]
    [DataRow(AlertLevel.Orange, AlertLevel.Yellow)]
    [DataRow(AlertLevel.Yellow, AlertLevel.Blue)]
    [DataRow(AlertLevel.Blue, AlertLevel.Info)]
    public void Within_a_mode_a_higher_level_outranks_a_lower_one(int higher, int lower)
    {
        Assert.IsTrue(Of(CommandMode.Live, higher) > Of(CommandMode.Live, lower));
        Assert.IsTrue(Of(CommandMode.Drill, higher) > Of(CommandMode.Drill, lower));
    }

    [TestMethod]
    public void A_controller_broadcast_outranks_a_local_rule_of_the_same_level_but_not_a_higher_one()
    {
        Assert.IsTrue(Of(CommandMode.Live, AlertLevel.Orange) > Of(CommandMode.Live, AlertLevel.Orange, local: true));
        Assert.IsTrue(Of(CommandMode.Live, AlertLevel.Red, local: true) > Of(CommandMode.Live, AlertLevel.Orange));
    }

    [TestMethod]
    [DataRow(CommandMode.Live, CommandMode.Live, true)]
    [DataRow(CommandMode.Live, CommandMode.Drill, true)]
    [DataRow(CommandMode.Live, CommandMode.Test, true)]
    [DataRow(CommandMode.Drill, CommandMode.Live, false)]
    [DataRow(CommandMode.Drill, CommandMode.Drill, true)]
    [DataRow(CommandMode.Drill, CommandMode.Test, true)]
    [DataRow(CommandMode.Test, CommandMode.Drill, false)]
    [DataRow(CommandMode.Test, CommandMode.Test, true)]
    public void A_command_may_stop_broadcasts_of_its_own_mode_and_below(int commandMode, int targetMode, bool mayStop)
    {
        Assert.AreEqual(mayStop, Priority.MayStop(commandMode, targetMode));
    }
}
