using Tocsin.Firmware.Runtime;

namespace Tocsin.Firmware.Console.Commands;

/// <summary><c>reboot</c>: restarts the board (logged), after a moment so the answer gets out.</summary>
public sealed class RebootCommand : IConsoleCommand
{
    private readonly NodeRuntime _runtime;

    /// <summary>Creates the command.</summary>
    public RebootCommand(NodeRuntime runtime)
    {
        _runtime = runtime;
    }

    /// <inheritdoc />
    public string Name => "reboot";

    /// <inheritdoc />
    public string Usage => "reboot";

    /// <inheritdoc />
    public string Summary => "restart the board";

    /// <inheritdoc />
    public string Run(ConsoleArgs args, ConsoleOutput output)
    {
        if (args.Count != 1)
        {
            return "usage: " + Usage;
        }

        _runtime.Log.Warn("console", "reboot requested on the console");
        _runtime.ScheduleReboot(500);
        output.WriteLine("rebooting in 0.5 s");
        return null;
    }
}
