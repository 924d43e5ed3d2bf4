using Tocsin.Firmware.Config;
using Tocsin.Firmware.Console;
using Tocsin.Firmware.Hardware;
using Tocsin.Firmware.Json;
using Tocsin.Firmware.Runtime;
using Tocsin.Firmware.Security;

namespace Tocsin.Firmware.Benchmarks;

/// <summary>A node kind that adds nothing, so the benchmark measures the shared core alone.</summary>
internal sealed class QuietModule : INodeModule
{
    public string Kind => "bench";

    public int OutboxCapacity => 64;

    public void RegisterSettings(Settings settings)
    {
    }

    public void RegisterConsoleCommands(ConsoleCommandTable table)
    {
    }

    public void Start(NodeRuntime runtime, long nowMs)
    {
    }

    public void Tick(long nowMs)
    {
    }

    public long NextTimerMs(long nowMs) => long.MaxValue;

    public bool HandleCommand(VerifiedCommand command, long nowMs) => false;

    public bool NeedsTrustedTime(VerifiedCommand command) => false;

    public string[] ExtraSubscriptions() => [];

    public void OnMessage(MqttInboundMessage message, long nowMs)
    {
    }

    public void WriteHeartbeat(JsonWriter writer) => writer.Property("power", "mains");

    public void WriteStatus(ConsoleOutput output)
    {
    }

    public bool SelfTest(ConsoleOutput output) => true;
}
