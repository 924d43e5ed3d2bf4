using BenchmarkDotNet.Attributes;
using Tocsin.Firmware.Hardware;

namespace Tocsin.Firmware.Benchmarks;

/// <summary>
/// Bytes the firmware core allocates per idle tick (target 0) and per handled command (target ≤ 2 KB).
/// The baseline is a tick of a node that has never been provisioned (no session, nothing to do).
/// </summary>
[MemoryDiagnoser]
public class NodeMemoryBenchmarks
{
    private const int CommandsPerIteration = 2048;
    private BenchNode _node = null!;
    private BenchNode _unprovisioned = null!;
    private MqttInboundMessage[] _commands = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _node = new BenchNode();
        _unprovisioned = new BenchNode();
        _unprovisioned.Runtime.Session.Restart(0);
    }

    [IterationSetup(Target = nameof(HandledCommand))]
    public void PrepareCommands()
    {
        _commands = _node.SignedPings(CommandsPerIteration);
        _next = 0;
    }

    [Benchmark(Baseline = true)]
    public void IdleTick() => _node.Tick();

    [Benchmark]
    [InvocationCount(CommandsPerIteration)]
    public void HandledCommand() => _node.Handle(_commands[_next++]);
}
