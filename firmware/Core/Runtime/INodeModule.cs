using Tocsin.Firmware.Config;
using Tocsin.Firmware.Console;
using Tocsin.Firmware.Hardware;
using Tocsin.Firmware.Json;
using Tocsin.Firmware.Security;

namespace Tocsin.Firmware.Runtime;

/// <summary>
/// What a node kind adds to the shared runtime: the sensor node's gauges and levels, the broadcast
/// node's amplifier and playback. The runtime calls these in a fixed order from one thread.
/// </summary>
public interface INodeModule
{
    /// <summary>"sensor" or "broadcast".</summary>
    string Kind { get; }

    /// <summary>
    /// Outbox slots: enough for this kind's messages through a 24 h outage at the normal period
    /// (each slot costs flash, and 8 bytes of RAM).
    /// </summary>
    int OutboxCapacity { get; }

    /// <summary>Adds this kind's settings (called before the store is loaded).</summary>
    void RegisterSettings(Settings settings);

    /// <summary>Adds this kind's console commands.</summary>
    void RegisterConsoleCommands(ConsoleCommandTable table);

    /// <summary>Called once after settings are loaded; safe outputs must already be off.</summary>
    void Start(NodeRuntime runtime, long nowMs);

    /// <summary>Called every tick after the core's work.</summary>
    void Tick(long nowMs);

    /// <summary>
    /// The earliest time (monotonic ms) <see cref="Tick"/> would act on a timer of the module's own,
    /// with no new input; <see cref="long.MaxValue"/> when none (see <see cref="NodeRuntime.NextTimerMs"/>).
    /// </summary>
    long NextTimerMs(long nowMs);

    /// <summary>
    /// Handles a verified command of this kind's own kinds; false when the kind is not one of its
    /// own. The module reports results through <see cref="NodeRuntime.PublishResult"/>.
    /// </summary>
    bool HandleCommand(VerifiedCommand command, long nowMs);

    /// <summary>True when the command may act only if the node could check its freshness against trusted time.</summary>
    bool NeedsTrustedTime(VerifiedCommand command);

    /// <summary>Extra topics to subscribe to (e.g. a broadcast node hearing nearby sensors); may be empty.</summary>
    string[] ExtraSubscriptions();

    /// <summary>A message on one of the extra topics (retained ones included, flagged).</summary>
    void OnMessage(MqttInboundMessage message, long nowMs);

    /// <summary>Adds this kind's fields (power, faults) to the heartbeat object being written.</summary>
    void WriteHeartbeat(JsonWriter writer);

    /// <summary>Adds this kind's lines to the console's status output.</summary>
    void WriteStatus(ConsoleOutput output);

    /// <summary>Runs this kind's self-test lines; returns false if any check failed.</summary>
    bool SelfTest(ConsoleOutput output);
}
