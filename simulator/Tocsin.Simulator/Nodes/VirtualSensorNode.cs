using Tocsin.Firmware.Hardware;
using Tocsin.Firmware.Runtime;
using Tocsin.Firmware.SensorNode;
using Tocsin.Simulator.Hardware;
using Tocsin.Simulator.World;

namespace Tocsin.Simulator.Nodes;

/// <summary>
/// A sensor node at a low point: a tipping bucket fed by the rain rate (0.2 mm per tip, with
/// contact bounce) and an ultrasonic sensor looking down at the water the world puts there.
/// </summary>
public sealed class VirtualSensorNode : VirtualNode
{
    private const double MmPerTip = 0.2;
    private readonly Random _random;
    private double _tipCarry;
    private double _rainMmPerHour;
    private SimDigitalInput? _tamper;

    /// <summary>Creates the node.</summary>
    public VirtualSensorNode(string id, long utcAtStartMs, int seed, Func<IMqttLink> linkFactory, int mountMm = 3000)
        : base(id, utcAtStartMs, seed, linkFactory)
    {
        _random = new Random(seed);
        Ultrasonic = new SimUltrasonicSensor(Clock, mountMm, seed) { NoiseMm = 2, BlipProbability = 0.005 };
    }

    /// <summary>The rain gauge's reed switch.</summary>
    public SimPulseCounter Gauge { get; } = new(256);

    /// <summary>The depth sensor.</summary>
    public SimUltrasonicSensor Ultrasonic { get; }

    /// <summary>Battery voltage, mV.</summary>
    public SimAnalogInput Battery { get; } = new(3950);

    /// <summary>The enclosure's tamper switch.</summary>
    public SimDigitalInput Tamper => _tamper ??= new SimDigitalInput(Clock);

    /// <summary>
    /// When true, every firmware step first tips the bucket for the rain that fell since the last
    /// one (deterministic runs); live mode calls <see cref="Rain"/> itself once a second.
    /// </summary>
    public bool RainsOnTick { get; set; }

    /// <summary>
    /// Where rain and water come from in deterministic runs: the site's conditions, which the world
    /// writes at its steps and the gauge and depth sensor take at the start of every firmware step.
    /// Null in live mode, where the world sets <see cref="RainMmPerHour"/> and <see cref="WaterDepthMm"/>.
    /// </summary>
    public SiteConditions? Site { get; set; }

    /// <summary>Rain falling on the gauge now, mm/h: the site's when <see cref="Site"/> is set (which then overrides any set here), else as the world set it.</summary>
    public double RainMmPerHour
    {
        get => Site?.RainMmPerHour ?? _rainMmPerHour;
        set => _rainMmPerHour = value;
    }

    /// <summary>
    /// Water depth under the sensor now, mm: the site's when <see cref="Site"/> is set (the depth sensor
    /// takes it at the next firmware step, and it overrides any set here), else as the world set it.
    /// </summary>
    public int WaterDepthMm
    {
        get => Site?.WaterDepthMm ?? Ultrasonic.WaterDepthMm;
        set => Ultrasonic.WaterDepthMm = value;
    }

    /// <summary>The module, while powered.</summary>
    public SensorModule? Module { get; private set; }

    /// <summary>Rain delivered to the gauge since creation, mm.</summary>
    public double RainDeliveredMm { get; private set; }

    /// <summary>Turns rain over the elapsed time into tips with their own times (and some bounce).</summary>
    public void Rain(long elapsedMs)
    {
        double mm = RainMmPerHour * elapsedMs / 3_600_000.0;
        RainDeliveredMm += mm;
        _tipCarry += mm / MmPerTip;
        int tips = (int)_tipCarry;
        _tipCarry -= tips;
        long start = Clock.MonotonicMs() - elapsedMs;
        for (int k = 1; k <= tips; k++)
        {
            // Spread evenly and in order: a real bucket tips one at a time.
            Gauge.Tip(start + (k * elapsedMs / (tips + 1)), bounces: _random.Next(0, 3));
        }
    }

    /// <inheritdoc />
    protected override INodeModule CreateModule()
    {
        var clock = Clock;
        Module = new SensorModule(new SensorHardware
        {
            RainGauge = Gauge,
            DepthLine = Ultrasonic,
            BatteryInput = Battery,
            ChargingInput = new SimDigitalInput(clock),
            TamperInput = Tamper,
        });
        return Module;
    }

    /// <inheritdoc />
    protected override void BeforeTick()
    {
        if (Site is { } site)
        {
            Ultrasonic.WaterDepthMm = site.WaterDepthMm;
        }

        if (RainsOnTick && LastAdvanceMs > 0)
        {
            Rain(LastAdvanceMs);
        }
    }
}
