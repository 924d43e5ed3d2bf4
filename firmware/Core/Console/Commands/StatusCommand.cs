using Tocsin.Firmware.Config;
using Tocsin.Firmware.Runtime;

namespace Tocsin.Firmware.Console.Commands;

/// <summary><c>status</c>: identity, firmware, uptime, memory, time, link, outbox, refusals.</summary>
public sealed class StatusCommand : IConsoleCommand
{
    private readonly NodeRuntime _runtime;

    /// <summary>Creates the command.</summary>
    public StatusCommand(NodeRuntime runtime)
    {
        _runtime = runtime;
    }

    /// <inheritdoc />
    public string Name => "status";

    /// <inheritdoc />
    public string Usage => "status";

    /// <inheritdoc />
    public string Summary => "node identity, health, link and queue state";

    /// <inheritdoc />
    public string Run(ConsoleArgs args, ConsoleOutput output)
    {
        if (args.Count != 1)
        {
            return "usage: " + Usage;
        }

        NodeRuntime r = _runtime;
        output.Field("node", (r.NodeId ?? "(not provisioned)") + " kind=" + r.Kind + " community=" + (r.Settings.GetText(r.Core.Community) ?? "-"));
        output.Field("firmware", NodeRuntime.FirmwareVersion + " boot=" + r.Hardware.System.BootReason + " uptime_s=" + (r.UptimeMs / 1000).ToString());
        output.Field("config", SettingsLoadResult.ToText(r.Settings.LoadResult) + (r.StorageFault ? " storage_fault" : string.Empty));
        output.Field("memory", "free_bytes=" + r.Hardware.System.FreeMemoryBytes().ToString() + " rssi_dbm=" + r.Hardware.System.RssiDbm().ToString());
        output.Field("time", r.Hardware.Clock.TryGetUtcMs(out long utc) ? "synchronized utc_ms=" + utc.ToString() : "NOT synchronized (live commands refused)");
        output.Field("mqtt", MqttCommand.StateText(r.Session.State) + " connects=" + r.Session.ConnectCount.ToString() + " failures=" + r.Session.FailureCount.ToString());
        output.Field("outbox", "queued=" + r.Outbox.Count.ToString() + "/" + r.Outbox.Capacity.ToString() + " next_seq=" + r.Outbox.NextSeq.ToString()
            + " dropped=" + r.Outbox.DroppedCount.ToString() + " resends=" + r.Outbox.ResendCount.ToString());
        output.Field("commands", "accepted=" + r.CommandsAccepted.ToString() + " refused=" + r.Security.TotalRejected.ToString()
            + " bad_mac=" + r.Security.BadMacTotal.ToString() + " replayed=" + r.Security.ReplayTotal.ToString() + " retained=" + r.Security.RetainedTotal.ToString());
        r.Module.WriteStatus(output);
        return null;
    }
}
