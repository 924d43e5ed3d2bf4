using Tocsin.Firmware.Console;

namespace Tocsin.Firmware.BroadcastNode.Console;

/// <summary><c>stop</c>: silences and ends everything at once (reported as stopped locally, logged).</summary>
public sealed class StopCommand : IConsoleCommand
{
    private readonly BroadcastModule _module;

    /// <summary>Creates the command.</summary>
    public StopCommand(BroadcastModule module)
    {
        _module = module;
    }

    /// <inheritdoc />
    public string Name => "stop";

    /// <inheritdoc />
    public string Usage => "stop";

    /// <inheritdoc />
    public string Summary => "silence and end every broadcast now (reported as stopped locally)";

    /// <inheritdoc />
    public string Run(ConsoleArgs args, ConsoleOutput output)
    {
        if (args.Count != 1)
        {
            return "usage: " + Usage;
        }

        int n = _module.StopEverything("console");
        output.WriteLine(n.ToString() + " broadcast(s) stopped");
        return null;
    }
}
