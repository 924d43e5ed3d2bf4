using System.Text;
using Tocsin.Firmware.Hardware;
using Tocsin.Firmware.Runtime;
using Tocsin.Firmware.SensorNode;
using Tocsin.Simulator.Hardware;

namespace Tocsin.Firmware.Benchmarks;

/// <summary>A provisioned, connected sensor node in steady state: water present, light rain, acknowledged outbox.</summary>
internal sealed class SensorBenchNode
{
    private readonly SimClock _clock = new(1_764_000_000_000);
    private readonly SimPulseCounter _gauge = new(4096);
    private readonly SimUltrasonicSensor _ultrasonic;
    private readonly MqttInboundMessage _ack;
    private long _nextTipMs = 1000;

    public SensorBenchNode(int reportPeriodS)
    {
        _ultrasonic = new SimUltrasonicSensor(_clock, 3000) { WaterDepthMm = 60 };
        Module = new SensorModule(new SensorHardware
        {
            RainGauge = _gauge,
            DepthLine = _ultrasonic,
            BatteryInput = new SimAnalogInput(3900),
            ChargingInput = new SimDigitalInput(_clock),
            TamperInput = new SimDigitalInput(_clock),
        });
        var hardware = new NodeHardware
        {
            Clock = _clock,
            Mqtt = Link,
            Flash = new SlotFlashStore(),
            ConsoleLine = new SimSerialLine(),
            Hmac = new HostHmacSha256(),
            System = new SimSystemInfo(7),
            LogSink = null!,
        };
        Runtime = new NodeRuntime(hardware, Module);
        Runtime.Boot(0);
        Set("node.id", "sn-0001");
        Set("node.community", "c-1");
        Set("mqtt.host", "127.0.0.1");
        Set("mqtt.user", "sn-0001");
        Set("mqtt.pass", "bench-password");
        Set("auth.key", Convert.ToBase64String(new byte[32]));
        Set("report.period_s", reportPeriodS.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Set("rain.fast_rate_mmh", "200");
        Runtime.ApplySettings(0);
        _ack = new MqttInboundMessage("tocsin/v1/node/sn-0001/ack", Encoding.UTF8.GetBytes("{\"ep\":" + Runtime.Outbox.Epoch + ",\"upto\":9223372036854775807}"), 1, false, false);
    }

    public CountingMqttLink Link { get; } = new();

    public NodeRuntime Runtime { get; }

    public SensorModule Module { get; }

    /// <summary>One 100 ms tick: a tip every 90 s (8 mm/h), sensor frames, acknowledgements.</summary>
    public void Tick()
    {
        _clock.Advance(100);
        long now = _clock.MonotonicMs();
        if (now >= _nextTipMs)
        {
            _gauge.Tip(now, bounces: 2);
            _nextTipMs += 90_000;
        }

        if (Runtime.Outbox.Count > 0)
        {
            Link.Deliver(_ack);
        }

        Runtime.Tick(now);
    }

    private void Set(string name, string value)
    {
        string? error = Runtime.Settings.Set(name, value);
        if (error != null)
        {
            throw new InvalidOperationException(error);
        }
    }
}
