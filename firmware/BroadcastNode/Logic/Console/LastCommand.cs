using Tocsin.Firmware.BroadcastNode.Persistence;
using Tocsin.Firmware.BroadcastNode.Scheduling;
using Tocsin.Firmware.Console;
using Tocsin.Firmware.Security;

namespace Tocsin.Firmware.BroadcastNode.Console;

/// <summary><c>last</c>: broadcasts held now, then the most recent finished ones with their results.</summary>
public sealed class LastCommand : IConsoleCommand
{
    private readonly BroadcastModule _module;

    /// <summary>Creates the command.</summary>
    public LastCommand(BroadcastModule module)
    {
        _module = module;
    }

    /// <inheritdoc />
    public string Name => "last";

    /// <inheritdoc />
    public string Usage => "last";

    /// <inheritdoc />
    public string Summary => "broadcasts held now and the recent ones with their results";

    /// <inheritdoc />
    public string Run(ConsoleArgs args, ConsoleOutput output)
    {
        if (args.Count != 1)
        {
            return "usage: " + Usage;
        }

        Broadcast[] slots = _module.Scheduler.Slots;
        for (int i = 0; i < slots.Length; i++)
        {
            Broadcast b = slots[i];
            if (!b.IsFree)
            {
                output.WriteLine("now  " + b.Id + " " + BroadcastKind.ToText(b.Kind) + " " + CommandMode.ToText(b.Mode) + " level " + AlertLevel.ToText(b.Level)
                    + " " + SlotStatus.ToText(b.Status) + (b.Hazard == null ? string.Empty : " hazard=" + b.Hazard));
            }
        }

        HandledLog log = _module.Scheduler.Handled;
        for (int k = 0; k < log.Count; k++)
        {
            int i = log.IndexNewest(k);
            string reason = BroadcastReason.FromCode(log.ReasonAt(i));
            output.WriteLine("done " + log.IdAt(i) + " " + BroadcastKind.ToText(log.KindAt(i)) + " " + CommandMode.ToText(log.ModeAt(i)) + " "
                + BroadcastState.ToText(log.StateAt(i)) + (reason == null ? string.Empty : " (" + reason + ")")
                + (log.AtUtcMsAt(i) > 0 ? " utc_ms=" + log.AtUtcMsAt(i).ToString() : string.Empty));
        }

        if (log.Count == 0 && _module.Scheduler.HeldCount == 0)
        {
            output.WriteLine("no broadcasts yet");
        }

        return null;
    }
}
