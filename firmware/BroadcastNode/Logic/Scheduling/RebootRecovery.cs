using Tocsin.Firmware.BroadcastNode.Persistence;
using Tocsin.Firmware.Security;

namespace Tocsin.Firmware.BroadcastNode.Scheduling;

/// <summary>
/// What happens to broadcasts the node held when it restarted. A live broadcast or all-clear from
/// the controller may resume — once, from its beginning — when trusted time shows it is still
/// valid within <see cref="GraceMs"/> of boot: people must still be warned after a power glitch,
/// but a broadcast that keeps crashing or browning out the node must not loop. Drills and tests
/// never resume, nor do local activations; they, and anything that cannot, get a final "failed"
/// (rebooted) result, so the
/// controller never waits for a broadcast that will not come.
/// </summary>
public static class RebootRecovery
{
    /// <summary>How long after boot a held live broadcast may wait for trusted time.</summary>
    public const long GraceMs = 60000;

    /// <summary>Sorts the broadcasts restored from flash at boot (in their slots, status as saved).</summary>
    public static void Restore(BroadcastScheduler scheduler, HandledLog log, long nowMs)
    {
        Broadcast[] slots = scheduler.Slots;
        for (int i = 0; i < slots.Length; i++)
        {
            Broadcast b = slots[i];
            if (b.IsFree)
            {
                continue;
            }

            if (log.Find(b.Id) >= 0)
            {
                // Finished and logged just before the power went: nothing more to say.
                b.Clear();
                continue;
            }

            // Local activations do not resume either: their rule re-arms from fresh evidence.
            bool mayResume = b.Mode == CommandMode.Live && !BroadcastKind.IsTest(b.Kind) && !b.Local && b.ResumeCount == 0;
            if (!mayResume)
            {
                scheduler.Finish(b, BroadcastState.Failed, BroadcastReason.Rebooted, nowMs);
                continue;
            }

            b.Status = SlotStatus.Recovering;
            b.Priority = Priority.Of(b);
            b.Order = scheduler.NextOrder();
        }

        scheduler.Persist();
    }

    /// <summary>Decides a recovering broadcast once trusted time is there, or gives it up after the grace time.</summary>
    public static void Tick(BroadcastScheduler scheduler, Broadcast b, long nowMs, bool hasUtc, long utcMs)
    {
        if (!hasUtc)
        {
            if (nowMs >= GraceMs)
            {
                scheduler.Finish(b, BroadcastState.Failed, BroadcastReason.Rebooted, nowMs);
            }

            return;
        }

        if (b.EndUtcMs <= 0 || utcMs >= b.EndUtcMs)
        {
            scheduler.Finish(b, BroadcastState.Expired, null, nowMs);
            return;
        }

        b.StartMonoMs = b.StartUtcMs > utcMs ? nowMs + (b.StartUtcMs - utcMs) : nowMs;
        b.EndMonoMs = nowMs + (b.EndUtcMs - utcMs);
        b.ResumeCount++;
        b.Status = SlotStatus.Waiting;
        b.WaitingOwed = false;
        scheduler.Persist();
    }
}
