using Tocsin.Firmware.BroadcastNode.Scheduling;
using Tocsin.Firmware.Delivery;
using Tocsin.Firmware.Diagnostics;
using Tocsin.Firmware.Json;
using Tocsin.Firmware.Runtime;
using Tocsin.Firmware.Security;

namespace Tocsin.Firmware.BroadcastNode.Reporting;

/// <summary>
/// Tells the controller what happened to each broadcast, through the outbox (stored before it is
/// sent, QoS 1, stamped with "t" and "up"). Controller broadcasts get command results under their
/// own id and sequence; local activations, which no command started, get "local_result" events.
/// Every state is also logged, so a technician at the console sees the same story.
/// </summary>
public sealed class BroadcastReporter
{
    private readonly VerifiedCommand _key = new VerifiedCommand();
    private NodeRuntime _runtime;

    /// <summary>Connects to the runtime (at Start).</summary>
    public void Attach(NodeRuntime runtime) => _runtime = runtime;

    /// <summary>States reported since boot.</summary>
    public int Reported { get; private set; }

    /// <summary>Reports a state of <paramref name="b"/>; <paramref name="reason"/> may be null.</summary>
    public void State(Broadcast b, int state, string reason)
    {
        Reported++;
        string text = BroadcastState.ToText(state);
        _runtime.Log.Write(
            state == BroadcastState.Failed ? LogLevel.Warn : LogLevel.Info,
            "bcast",
            b.Id + " (" + BroadcastKind.ToText(b.Kind) + ", " + CommandMode.ToText(b.Mode) + ", level " + AlertLevel.ToText(b.Level) + "): "
                + text + (reason == null ? string.Empty : " (" + reason + ")"));
        if (!b.Local)
        {
            _key.Id = b.Id;
            _key.Seq = b.Seq;
            _key.Kind = BroadcastKind.CommandKind(b.Kind);
            _runtime.PublishResult(_key, text, reason);
            return;
        }

        JsonWriter w = Begin("local_result");
        w.Property("bid", b.Id);
        w.Property("kind", BroadcastKind.ToText(b.Kind));
        if (b.Rule >= 0)
        {
            w.Property("rule", b.Rule + 1);
        }

        w.Property("state", text);
        if (reason != null)
        {
            w.Property("reason", reason);
        }

        _runtime.Outbox.Commit();
    }

    /// <summary>Refuses a command with a reason (result "rejected"), and logs why.</summary>
    public void Rejected(VerifiedCommand command, string reason, string detail)
    {
        _runtime.Log.Warn("bcast", command.Kind + " " + command.Id + " refused: " + reason + (detail == null ? string.Empty : " (" + detail + ")"));
        _runtime.PublishResult(command, ResultState.Rejected, reason);
    }

    /// <summary>Answers a command that needed no activation of its own (cancel): result "done".</summary>
    public void Done(VerifiedCommand command, string reason, string detail)
    {
        _runtime.Log.Info("bcast", command.Kind + " " + command.Id + " done" + (detail == null ? string.Empty : ": " + detail));
        _runtime.PublishResult(command, ResultState.Done, reason);
    }

    /// <summary>Starts an event of <paramref name="type"/> with "t" and "up"; add fields, then Outbox.Commit().</summary>
    public JsonWriter Begin(string type)
    {
        JsonWriter w = _runtime.Outbox.Begin(OutboxStream.Event);
        _runtime.WriteTime(w);
        w.Property("up", _runtime.UptimeMs);
        w.Property("type", type);
        return w;
    }

    /// <summary>Closes an event started with <see cref="Begin"/>.</summary>
    public void Commit() => _runtime.Outbox.Commit();
}
