using Tocsin.Firmware.BroadcastNode.Chain;
using Tocsin.Firmware.BroadcastNode.Health;
using Tocsin.Firmware.BroadcastNode.Playback;
using Tocsin.Firmware.BroadcastNode.Scheduling;
using Tocsin.Firmware.Json;

namespace Tocsin.Firmware.BroadcastNode.Reporting;

/// <summary>
/// The broadcast node's own events (topic "event", through the outbox, so each survives an outage
/// and reaches the controller when the link returns): faults appearing and clearing, the local
/// stop switch, local rules arming and acting, and the details of silent and growl tests.
/// </summary>
public static class BroadcastEvents
{
    /// <summary>A fault appeared (<paramref name="active"/>) or cleared.</summary>
    public static void Fault(BroadcastReporter r, int bit, bool active, HealthMonitor health, AmplifierChain chain)
    {
        JsonWriter w = r.Begin("fault");
        w.Property("fault", HealthFault.Name(bit));
        w.Property("active", active);
        if (bit == HealthFault.Relay)
        {
            w.Property("relays", chain.RelayFaultMask);
        }
        else if (bit == HealthFault.BatteryLow && health.BatteryMv >= 0)
        {
            w.Property("batt_mv", health.BatteryMv);
        }

        r.Commit();
    }

    /// <summary>The local stop switch was thrown or released, or the console's stop was used.</summary>
    public static void LocalStop(BroadcastReporter r, string by, bool active, int stopped)
    {
        JsonWriter w = r.Begin("local_stop");
        w.Property("by", by);
        w.Property("active", active);
        w.Property("stopped", stopped);
        r.Commit();
    }

    /// <summary>A local rule armed or disarmed: also a question to the controller (it must acknowledge).</summary>
    public static void RuleArming(BroadcastReporter r, int rule, string source, int level, bool armed)
    {
        JsonWriter w = r.Begin("rule");
        w.Property("rule", rule + 1);
        w.Property("src", source);
        w.Property("level", level);
        w.Property("armed", armed);
        r.Commit();
    }

    /// <summary>A local rule acted on its own: what it heard, how long the controller was silent, what it sounds.</summary>
    public static void LocalAction(BroadcastReporter r, int rule, string source, int heardLevel, long silentMs, Broadcast b)
    {
        JsonWriter w = r.Begin("local_action");
        w.Property("rule", rule + 1);
        w.Property("src", source);
        w.Property("heard", heardLevel);
        w.Property("silent_s", silentMs / 1000);
        w.Property("bid", b.Id);
        w.Property("warn", AlertLevel.ToText(b.Level));
        w.Property("clip", b.ClipCount > 0 ? b.Clips[0] : 0);
        r.Commit();
    }

    /// <summary>The measurements of a finished silent or growl test.</summary>
    public static void TestReport(BroadcastReporter r, Broadcast b, PlaybackProgram p, AmplifierChain chain, string reason)
    {
        JsonWriter w = r.Begin("test");
        w.Property("test", b.Kind == BroadcastKind.SilentTest ? "silent" : "growl");
        w.Property("bid", b.Id);
        w.Property("local", b.Local);
        w.Property("pass", reason == null);
        if (reason != null)
        {
            w.Property("reason", reason);
        }

        w.Property("amp_idle_ma", chain.LastIdleMa);
        w.Name("steps");
        w.BeginArray();
        for (int i = 0; i < p.Count; i++)
        {
            // [zones, peak load mA, outcome]: compact, so an 8-zone report fits one 384-byte outbox
            // slot. The kinds follow from the test: silent = player check (zones 0), then one pilot
            // step per zone; growl = one siren step.
            w.BeginArray();
            w.Number(p.ZonesAt(i));
            w.Number(p.PeakMaAt(i));
            w.Number(p.OutcomeAt(i));
            w.EndArray();
        }

        w.EndArray();
        r.Commit();
    }
}
