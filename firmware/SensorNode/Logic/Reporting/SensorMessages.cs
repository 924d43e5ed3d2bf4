using Tocsin.Firmware.Delivery;
using Tocsin.Firmware.Json;
using Tocsin.Firmware.Runtime;
using Tocsin.Firmware.SensorNode.Depth;
using Tocsin.Firmware.SensorNode.Health;
using Tocsin.Firmware.SensorNode.Levels;
using Tocsin.Firmware.SensorNode.Rain;

namespace Tocsin.Firmware.SensorNode.Reporting;

/// <summary>
/// Writes the sensor node's outbox messages (docs/sensor-node.md): periodic readings, level and
/// signal changes, and faults. Every message carries "t" (UTC ms, when synchronized) and "up".
/// </summary>
public static class SensorMessages
{
    /// <summary>A periodic reading.</summary>
    public static void Report(NodeRuntime runtime, SensorModule m)
    {
        JsonWriter w = Begin(runtime, OutboxStream.Report, "reading");
        WriteRain(w, m.Gauge);
        WriteDepth(w, m.Depth);
        WritePower(w, m);
        w.Property("fast", m.FastReporting);
        runtime.Outbox.Commit();
    }

    /// <summary>The rainstorm signal the gauge supports changed.</summary>
    public static void SignalChanged(NodeRuntime runtime, SensorModule m, int from)
    {
        JsonWriter w = Begin(runtime, OutboxStream.Event, "rain_signal");
        w.Property("level", WarningLevel.ToText(m.Gauge.SignalLevel));
        w.Property("from", WarningLevel.ToText(from));
        WriteRain(w, m.Gauge);
        runtime.Outbox.Commit();
    }

    /// <summary>The local depth level changed.</summary>
    public static void DepthLevelChanged(NodeRuntime runtime, SensorModule m, int from)
    {
        JsonWriter w = Begin(runtime, OutboxStream.Event, "depth_level");
        w.Property("level", WarningLevel.ToText(m.Depth.Levels.Level));
        w.Property("from", WarningLevel.ToText(from));
        WriteDepth(w, m.Depth);
        runtime.Outbox.Commit();
    }

    /// <summary>A fault appeared or cleared.</summary>
    public static void Fault(NodeRuntime runtime, int bit, bool active)
    {
        JsonWriter w = Begin(runtime, OutboxStream.Event, "fault");
        w.Property("fault", SensorFault.Name(bit));
        w.Property("active", active);
        runtime.Outbox.Commit();
    }

    /// <summary>The rain object: totals (mm), rate (mm/h) and signal.</summary>
    public static void WriteRain(JsonWriter w, RainGauge g)
    {
        w.Name("rain");
        w.BeginObject();
        for (int i = 0; i < RainWindows.Count; i++)
        {
            w.PropertyFixed(RainWindows.Name(i), g.TotalX100(i), 2);
        }

        w.PropertyFixed("rate_mmh", g.RateX100PerHour, 2);
        w.Property("signal", WarningLevel.ToText(g.SignalLevel));
        w.EndObject();
    }

    /// <summary>The depth object: filtered depth (mm), quality, rise and level.</summary>
    public static void WriteDepth(JsonWriter w, DepthChannel d)
    {
        if (d.Source == null)
        {
            return;
        }

        w.Name("depth");
        w.BeginObject();
        if (d.Filter.HasDepth)
        {
            w.Property("mm", d.Filter.DepthMm);
        }

        w.Property("q", d.Filter.Quality);
        if (d.Rise.TryGetRiseMmPer10Min(out int rise))
        {
            w.Property("rise_mm10m", rise);
        }

        w.Property("level", WarningLevel.ToText(d.Levels.Level));
        w.Property("raw", d.LastRaw);
        w.EndObject();
    }

    /// <summary>Battery, charging, time quality and active faults.</summary>
    public static void WritePower(JsonWriter w, SensorModule m)
    {
        if (m.HasBattery)
        {
            w.Property("batt_mv", m.BatteryMv);
        }

        if (m.HasChargingInput)
        {
            w.Property("charging", m.Charging);
        }

        if (!m.Minutes.IsSynchronized)
        {
            w.Property("time", "unsynchronized");
        }

        w.Name("faults");
        w.BeginArray();
        for (int i = 0; i < SensorFault.Count; i++)
        {
            int bit = SensorFault.Bit(i);
            if ((m.Health.Faults & bit) != 0)
            {
                w.String(SensorFault.Name(bit));
            }
        }

        w.EndArray();
    }

    private static JsonWriter Begin(NodeRuntime runtime, int stream, string type)
    {
        JsonWriter w = runtime.Outbox.Begin(stream);
        runtime.WriteTime(w);
        w.Property("up", runtime.UptimeMs);
        w.Property("type", type);
        return w;
    }
}
