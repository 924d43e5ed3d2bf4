using Tocsin.Simulator.Consoles;
using Tocsin.Simulator.Hardware;
using Tocsin.Simulator.Nodes;

namespace Tocsin.Simulator.Tests.Consoles;

/// <summary>A broadcast node and a sensor node running the real firmware, ticked by a live host's worker thread as in live mode.</summary>
internal sealed class TickedNodes : IAsyncDisposable
{
    private readonly LiveNodeHost _host;

    public TickedNodes()
    {
        long utc = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        Speaker = new VirtualBroadcastNode("bn-1", utc, 1, () => new ScriptedMqttLink());
        Sensor = new VirtualSensorNode("sn-1", utc, 2, () => new ScriptedMqttLink());
        Speaker.PowerOn();
        Sensor.PowerOn();
        Registry.Add([Speaker, Sensor]);
        _host = new LiveNodeHost([Speaker, Sensor], threads: 1) { TickMs = 5 };
        _host.Start();
    }

    public VirtualBroadcastNode Speaker { get; }

    public VirtualSensorNode Sensor { get; }

    public NodeConsoleRegistry Registry { get; } = new();

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
