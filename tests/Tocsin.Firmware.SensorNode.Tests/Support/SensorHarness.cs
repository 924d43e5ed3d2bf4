using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using Tocsin.Firmware.Runtime;
using Tocsin.Firmware.SensorNode;
using Tocsin.Simulator.Hardware;

namespace Tocsin.Firmware.SensorNode.Tests.Support;

/// <summary>
/// A sensor node on virtual time: simulated gauge, ultrasonic sensor (or pressure transducer),
/// battery, charger and tamper inputs, and a scripted broker. Reboot keeps the flash.
/// </summary>
public sealed class SensorHarness
{
    public const long StartUtcMs = 1_764_000_000_000; // a whole minute
    public const string NodeId = "sn-0001";
    public const int MountMm = 3000;

    private readonly PriorityQueue<(long At, int Bounces, long Spacing), long> _scheduled = new();
    private int _ackedThrough;

    public SensorHarness(bool pressure = false, bool timeSynchronized = true, Action<SensorHarness> configure = null)
    {
        Clock = new SimClock(StartUtcMs, timeSynchronized);
        Flash = new SimFlashStore();
        Link = new ScriptedMqttLink();
        Serial = new SimSerialLine();
        System = new SimSystemInfo(4242);
        Sink = new RecordingLogSink();
        Gauge = new SimPulseCounter();
        Ultrasonic = new SimUltrasonicSensor(Clock, MountMm);
        Pressure = new SimAnalogInput(600);
        Battery = new SimAnalogInput(3900);
        Charging = new SimDigitalInput(Clock);
        Tamper = new SimDigitalInput(Clock);
        UsePressure = pressure;
        Build();
        Console("provision node.id=" + NodeId + " node.community=licheng-fuqiao mqtt.host=127.0.0.1 mqtt.user=" + NodeId
            + " mqtt.pass=sensor-pass-1 auth.key=" + Convert.ToBase64String(new byte[32]));
        if (pressure)
        {
            Console("config set depth.sensor pressure");
        }

        configure?.Invoke(this);
        if (pressure || configure != null)
        {
            Reboot();
        }
    }

    /// <summary>
    /// Configuration for tests of what one reading does: depth read every 10 s in quiet weather too
    /// (depth.quiet_reading_s), as in heavy rain.
    /// </summary>
    public static void ReadEveryTenSeconds(SensorHarness h) => h.Console("config set depth.quiet_reading_s 10");

    public bool UsePressure { get; }

    public SimClock Clock { get; }

    public SimFlashStore Flash { get; }

    public ScriptedMqttLink Link { get; }

    public SimSerialLine Serial { get; }

    public SimSystemInfo System { get; }

    public RecordingLogSink Sink { get; }

    public SimPulseCounter Gauge { get; }

    public SimUltrasonicSensor Ultrasonic { get; }

    public SimAnalogInput Pressure { get; }

    public SimAnalogInput Battery { get; }

    public SimDigitalInput Charging { get; }

    public SimDigitalInput Tamper { get; }

    public NodeRuntime Runtime { get; private set; }

    public SensorModule Module { get; private set; }

    public long NowMs => Clock.MonotonicMs();

    public long UtcMs => Clock.TrueUtcMs;

    public string Topic(string leaf) => "tocsin/v1/node/" + NodeId + "/" + leaf;

    /// <summary>When true the harness acknowledges outbox messages as a controller would, after every tick.</summary>
    public bool AutoAck { get; set; } = true;

    /// <summary>Schedules a tip (with bounce) to reach the gauge's counter when its time comes.</summary>
    public void ScheduleTip(long atMs, int bounces = 0, long bounceSpacingMs = 3) => _scheduled.Enqueue((atMs, bounces, bounceSpacingMs), atMs);

    public void Tick(long advanceMs = 0)
    {
        Clock.Advance(advanceMs);
        while (_scheduled.TryPeek(out var tip, out long at) && at <= Clock.MonotonicMs())
        {
            _scheduled.Dequeue();
            Gauge.Tip(tip.At, tip.Bounces, tip.Spacing);
        }

        Runtime.Tick(Clock.MonotonicMs());
        if (AutoAck)
        {
            AckNew();
        }
    }

    /// <summary>Runs ticks of <paramref name="stepMs"/> for <paramref name="durationMs"/>.</summary>
    public void Run(long durationMs, long stepMs = 100)
    {
        long end = NowMs + durationMs;
        while (NowMs < end)
        {
            Tick(Math.Min(stepMs, end - NowMs));
        }
    }

    public string Console(string line)
    {
        Serial.TakeOutput();
        Serial.Type(line + "\r\n");
        var reply = new StringBuilder();
        for (int i = 0; i < 100 && !reply.ToString().EndsWith("tocsin> ", StringComparison.Ordinal); i++)
        {
            Tick();
            reply.Append(Serial.TakeOutput());
        }

        return reply.ToString();
    }

    public void Reboot()
    {
        _ackedThrough = Link.Published.Count;
        Clock.Restart();
        System.AcknowledgeReboot("power_on");
        Link.Disconnect();
        Build();
    }

    /// <summary>Every outbox message on a leaf, parsed (resends included).</summary>
    public List<JsonElement> Messages(string leaf) =>
        Link.Published.Where(p => p.Topic == Topic(leaf)).Select(p => JsonDocument.Parse(p.Payload).RootElement.Clone()).ToList();

    /// <summary>Distinct messages on a leaf by sequence number, in sequence order.</summary>
    public List<JsonElement> Distinct(string leaf) =>
        Messages(leaf).GroupBy(e => e.GetProperty("seq").GetInt64()).OrderBy(g => g.Key).Select(g => g.First()).ToList();

    public List<JsonElement> Events(string type) => Distinct("event").Where(e => e.GetProperty("type").GetString() == type).ToList();

    /// <summary>Acknowledges everything the controller has seen.</summary>
    public void AckAll()
    {
        long highest = Link.Published.Where(p => p.Topic.StartsWith("tocsin/v1/node/", StringComparison.Ordinal) && p.Qos == 1 && !p.Retain)
            .Select(p => JsonDocument.Parse(p.Payload).RootElement).Where(e => e.TryGetProperty("seq", out _)).Select(e => e.GetProperty("seq").GetInt64()).DefaultIfEmpty(0).Max();
        Link.Deliver(Topic("ack"), Encoding.UTF8.GetBytes("{\"ep\":" + Runtime.Outbox.Epoch + ",\"upto\":" + highest + "}"));
        Tick();
    }

    private void AckNew()
    {
        var published = Link.Published;
        long highest = -1;
        for (int i = _ackedThrough; i < published.Count; i++)
        {
            var p = published[i];
            if (p.Qos == 1 && !p.Retain && p.Topic.StartsWith("tocsin/v1/node/", StringComparison.Ordinal))
            {
                using var doc = JsonDocument.Parse(p.Payload);
                if (doc.RootElement.TryGetProperty("seq", out var seq))
                {
                    highest = Math.Max(highest, seq.GetInt64());
                }
            }
        }

        _ackedThrough = published.Count;
        if (highest > 0)
        {
            Link.Deliver(Topic("ack"), Encoding.UTF8.GetBytes("{\"ep\":" + Runtime.Outbox.Epoch + ",\"upto\":" + highest + "}"));
        }
    }

    private void Build()
    {
        var sensorHardware = new SensorHardware
        {
            RainGauge = Gauge,
            DepthLine = Ultrasonic,
            PressureInput = Pressure,
            BatteryInput = Battery,
            ChargingInput = Charging,
            TamperInput = Tamper,
        };
        Module = new SensorModule(sensorHardware);
        var hardware = new NodeHardware
        {
            Clock = Clock,
            Mqtt = Link,
            Flash = Flash,
            ConsoleLine = Serial,
            Hmac = new HostHmacSha256(),
            System = System,
            LogSink = Sink,
        };
        Runtime = new NodeRuntime(hardware, Module);
        Runtime.Boot(Clock.MonotonicMs());
    }
}
