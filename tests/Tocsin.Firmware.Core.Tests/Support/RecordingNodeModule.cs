using System.Collections;
using Tocsin.Firmware.Config;
using Tocsin.Firmware.Console;
using Tocsin.Firmware.Hardware;
using Tocsin.Firmware.Json;
using Tocsin.Firmware.Runtime;
using Tocsin.Firmware.Security;

namespace Tocsin.Firmware.Tests.Support;

/// <summary>
/// A node kind for core tests: takes "sound" commands (recording them), wants trusted time for
/// live ones, and adds one remote setting and one heartbeat field.
/// </summary>
public sealed class RecordingNodeModule : INodeModule
{
    private NodeRuntime _runtime;

    public ArrayList Handled { get; } = new ArrayList();

    public ArrayList OtherMessages { get; } = new ArrayList();

    public int Ticks { get; private set; }

    public bool SelfTestPasses { get; set; } = true;

    public string Kind => "test";

    public int OutboxCapacity { get; set; } = 16;

    public void RegisterSettings(Settings settings)
    {
        settings.Register(SettingDefinition.Integer("test.period_s", 5, 600, 30, "a remote test setting").AsRemote());
    }

    public void RegisterConsoleCommands(ConsoleCommandTable table)
    {
    }

    public void Start(NodeRuntime runtime, long nowMs) => _runtime = runtime;

    /// <summary>Runs inside the module's tick (a test storing a message as a module would).</summary>
    public System.Action<long> OnTick { get; set; }

    public void Tick(long nowMs)
    {
        Ticks++;
        OnTick?.Invoke(nowMs);
    }

    /// <summary>What <see cref="NextTimerMs"/> answers (no timer by default).</summary>
    public long NextTimer { get; set; } = long.MaxValue;

    public long NextTimerMs(long nowMs) => NextTimer;

    public bool HandleCommand(VerifiedCommand command, long nowMs)
    {
        if (command.Kind != "sound")
        {
            return false;
        }

        Handled.Add(command.Id + "/" + CommandMode.ToText(command.Mode));
        _runtime.PublishResult(command, ResultState.Received, null);
        return true;
    }

    public bool NeedsTrustedTime(VerifiedCommand command) => command.Kind == "sound" && command.Mode == CommandMode.Live;

    public string[] ExtraSubscriptions() => new[] { "tocsin/v1/node/sensor-9/event" };

    public void OnMessage(MqttInboundMessage message, long nowMs) => OtherMessages.Add(message.Topic);

    public void WriteHeartbeat(JsonWriter writer) => writer.Property("power", "mains");

    public void WriteStatus(ConsoleOutput output) => output.Field("test", "module ok");

    public bool SelfTest(ConsoleOutput output)
    {
        output.WriteLine((SelfTestPasses ? "PASS" : "FAIL") + " module: test hardware");
        return SelfTestPasses;
    }
}
