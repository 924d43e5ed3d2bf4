using Tocsin.Firmware.BroadcastNode.Chain;
using Tocsin.Firmware.BroadcastNode.Health;
using Tocsin.Firmware.BroadcastNode.Scheduling;
using Tocsin.Firmware.Console;
using Tocsin.Firmware.Console.Commands;
using Tocsin.Firmware.Json;
using Tocsin.Firmware.Security;

namespace Tocsin.Firmware.BroadcastNode.Console;

/// <summary>The broadcast node's heartbeat fields, its lines in <c>status</c>, and its self-test.</summary>
public static class BroadcastStatus
{
    /// <summary>
    /// The terminal state as GY/T 385 names them: "stopped" (stop switch), "broadcasting",
    /// "fault" (any fault but mains loss, which the node rides out on battery), or "normal".
    /// </summary>
    public static string NodeState(BroadcastModule m)
    {
        if (m.StopHeld)
        {
            return "stopped";
        }

        if (m.Scheduler.Active != null)
        {
            return "broadcasting";
        }

        return (m.Health.Faults & ~HealthFault.MainsLost) != 0 ? "fault" : "normal";
    }

    /// <summary>Adds the node's fields to the heartbeat (allocation-free).</summary>
    public static void WriteHeartbeat(JsonWriter w, BroadcastModule m)
    {
        HealthMonitor h = m.Health;
        AmplifierChain c = m.Chain;
        w.Property("st", NodeState(m));
        if (h.HasMains)
        {
            w.Property("mains", h.MainsPresent);
        }

        if (h.BatteryMv >= 0)
        {
            w.Property("batt_mv", h.BatteryMv);
        }

        if (h.HasTamper)
        {
            w.Property("tamper", (h.Faults & HealthFault.Tamper) != 0);
        }

        w.Property("amp", c.AmplifierFault ? "fault" : (c.AmplifierOn ? "on" : "off"));
        w.Property("player", m.Player.NotAnswering ? "fault" : "ok");
        w.Name("relays");
        w.BeginObject();
        w.Property("amp", c.AmplifierOn);
        w.Name("zones");
        w.BeginArray();
        for (int i = 0; i < c.ZoneCount; i++)
        {
            w.Bool((c.ClosedMask & (1 << i)) != 0);
        }

        w.EndArray();
        w.Property("fault", c.RelayFaultMask);
        w.EndObject();
        w.Name("faults");
        w.BeginArray();
        for (int i = 0; i < HealthFault.Count; i++)
        {
            if ((h.Faults & HealthFault.Bit(i)) != 0)
            {
                w.String(HealthFault.Name(HealthFault.Bit(i)));
            }
        }

        w.EndArray();
        if (m.Scheduler.Active != null)
        {
            w.Property("bc", m.Scheduler.Active.Id);
        }

        w.Property("held", m.Scheduler.HeldCount);
    }

    /// <summary>Adds the node's lines to <c>status</c>.</summary>
    public static void WriteStatus(ConsoleOutput o, BroadcastModule m)
    {
        Broadcast a = m.Scheduler.Active;
        o.Field("broadcast", NodeState(m) + (a == null ? string.Empty : " " + a.Id + " (" + BroadcastKind.ToText(a.Kind) + ", "
            + CommandMode.ToText(a.Mode) + ", level " + AlertLevel.ToText(a.Level) + ", step " + (m.Scheduler.Runner.StepIndex + 1).ToString()
            + "/" + m.Scheduler.Runner.Program.Count.ToString() + ")") + " held=" + m.Scheduler.HeldCount.ToString());
        o.Field("chain", ChainPhase.ToText(m.Chain.Phase) + " amp=" + (m.Chain.AmplifierOn ? "on" : "off") + " zones=" + ZoneText(m.Chain)
            + " idle_ma=" + m.Chain.LastIdleMa.ToString());
        o.Field("player", (m.Player.NotAnswering ? "NOT ANSWERING" : "ok") + " status=" + m.Player.Status.ToString() + " track=" + m.Player.Track.ToString());
        HealthMonitor h = m.Health;
        o.Field("power", (h.HasMains ? (h.MainsPresent ? "mains" : "ON BATTERY") : "mains not monitored") + " batt_mv=" + h.BatteryMv.ToString()
            + " tamper=" + (h.HasTamper ? ((h.Faults & HealthFault.Tamper) != 0 ? "OPEN" : "closed") : "-"));
        o.Field("faults", FaultText(h.Faults));
        int configured = 0;
        int armed = 0;
        for (int i = 0; i < BroadcastSettings.RuleCount; i++)
        {
            configured += m.Settings.RuleSource(i) == null ? 0 : 1;
            armed += m.Rules.IsArmed(i) ? 1 : 0;
        }

        o.Field("local rules", configured.ToString() + " configured, " + armed.ToString() + " armed, controller silent "
            + (m.Watch.SilentMs(m.Runtime.NowMs) / 1000).ToString() + " s");
    }

    /// <summary>Checks the node's hardware without sounding; PASS/FAIL lines; false if any failed.</summary>
    public static bool SelfTest(ConsoleOutput o, BroadcastModule m)
    {
        int failed = 0;
        AmplifierChain c = m.Chain;
        failed += SelftestCommand.Check(o, "relays", c.RelayFaultMask == 0, "faulty mask " + c.RelayFaultMask.ToString() + ", zones " + ZoneText(c));
        failed += SelftestCommand.Check(o, "amplifier", !c.AmplifierFault, "idle current at last power-on " + c.LastIdleMa.ToString() + " mA");
        failed += SelftestCommand.Check(o, "player", !m.Player.NotAnswering && m.Player.LastAnswerMs >= 0,
            m.Player.LastAnswerMs >= 0 ? (m.Player.NotAnswering ? "stopped answering" : "answering") : "no answer yet");
        bool senseOk = m.Sense.TryReadMa(out int ma);
        failed += SelftestCommand.Check(o, "current sense", senseOk, senseOk ? ma.ToString() + " mA now" : "not fitted or not reading");
        HealthMonitor h = m.Health;
        failed += SelftestCommand.Check(o, "mains", h.MainsPresent, h.HasMains ? (h.MainsPresent ? "present" : "absent") : "not monitored");
        failed += SelftestCommand.Check(o, "battery", (h.Faults & HealthFault.BatteryLow) == 0, h.BatteryMv.ToString() + " mV");
        failed += SelftestCommand.Check(o, "door", (h.Faults & HealthFault.Tamper) == 0, h.HasTamper ? ((h.Faults & HealthFault.Tamper) == 0 ? "closed" : "open") : "not monitored");
        failed += SelftestCommand.Check(o, "broadcast log", m.Scheduler.Handled.SaveFailures == 0, m.Scheduler.Handled.Count.ToString() + " handled broadcasts remembered");
        return failed == 0;
    }

    /// <summary>Zones as "10" (zone 1 closed, zone 2 open).</summary>
    public static string ZoneText(AmplifierChain c)
    {
        var chars = new char[c.ZoneCount];
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = (c.ClosedMask & (1 << i)) != 0 ? '1' : '0';
        }

        return new string(chars);
    }

    private static string FaultText(int faults)
    {
        string text = string.Empty;
        for (int i = 0; i < HealthFault.Count; i++)
        {
            if ((faults & HealthFault.Bit(i)) != 0)
            {
                text += (text.Length == 0 ? string.Empty : ",") + HealthFault.Name(HealthFault.Bit(i));
            }
        }

        return text.Length == 0 ? "none" : text;
    }
}
