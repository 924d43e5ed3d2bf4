using Tocsin.Firmware.Console.Commands;

namespace Tocsin.Firmware.Runtime;

/// <summary>Registers the console commands every node has, in the order help lists them.</summary>
public static class CoreConsoleCommands
{
    /// <summary>Adds help, status, config, log, mqtt, selftest, reboot and provision.</summary>
    public static void Register(NodeRuntime runtime)
    {
        runtime.Commands.Add(new HelpCommand(runtime.Commands));
        runtime.Commands.Add(new StatusCommand(runtime));
        runtime.Commands.Add(new ConfigCommand(runtime));
        runtime.Commands.Add(new LogCommand(runtime));
        runtime.Commands.Add(new MqttCommand(runtime));
        runtime.Commands.Add(new SelftestCommand(runtime));
        runtime.Commands.Add(new RebootCommand(runtime));
        runtime.Commands.Add(new ProvisionCommand(runtime));
    }
}
