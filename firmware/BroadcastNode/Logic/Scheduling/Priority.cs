using Tocsin.Firmware.Security;

namespace Tocsin.Firmware.BroadcastNode.Scheduling;

/// <summary>
/// The preemption order. Live above drill above tests, whatever the level; within a mode, a higher
/// level above a lower one; at the same live level, the controller's command above a local rule's
/// own activation (the controller knows more). Equal priorities never preempt each other: the
/// later one waits its turn, so a warning is not cut off by another of the same weight.
/// </summary>
public static class Priority
{
    private const int TestBase = 10;
    private const int DrillBase = 100;
    private const int LiveBase = 200;

    /// <summary>The priority of <paramref name="b"/>.</summary>
    public static int Of(Broadcast b)
    {
        if (BroadcastKind.IsTest(b.Kind) || b.Mode == CommandMode.Test)
        {
            return TestBase;
        }

        int levelRank = b.Level * 2;
        if (b.Mode == CommandMode.Drill)
        {
            return DrillBase + levelRank + 1;
        }

        return LiveBase + levelRank + (b.Local ? 0 : 1);
    }

    /// <summary>
    /// True when a command in <paramref name="commandMode"/> may stop a broadcast in
    /// <paramref name="targetMode"/>: live stops anything, a drill stops drills and tests, a test
    /// only tests — a drill tool can never silence a real warning.
    /// </summary>
    public static bool MayStop(int commandMode, int targetMode)
    {
        if (commandMode == CommandMode.Live)
        {
            return true;
        }

        if (commandMode == CommandMode.Drill)
        {
            return targetMode == CommandMode.Drill || targetMode == CommandMode.Test;
        }

        return commandMode == CommandMode.Test && targetMode == CommandMode.Test;
    }
}
