using Tocsin.Firmware.Runtime;
using Tocsin.Firmware.Util;

namespace Tocsin.Firmware.Console.Commands;

/// <summary><c>log [count]</c>: the most recent log lines, oldest first.</summary>
public sealed class LogCommand : IConsoleCommand
{
    private readonly NodeRuntime _runtime;

    /// <summary>Creates the command.</summary>
    public LogCommand(NodeRuntime runtime)
    {
        _runtime = runtime;
    }

    /// <inheritdoc />
    public string Name => "log";

    /// <inheritdoc />
    public string Usage => "log [count]";

    /// <inheritdoc />
    public string Summary => "recent log lines (ring buffer)";

    /// <inheritdoc />
    public string Run(ConsoleArgs args, ConsoleOutput output)
    {
        long wanted = _runtime.Log.Count;
        if (args.Count > 2 || (args.Count == 2 && (!AsciiNumber.TryParseInt64(args.Get(1), out wanted) || wanted < 1)))
        {
            return "usage: " + Usage + " (count is a positive integer)";
        }

        int held = _runtime.Log.Count;
        int from = held - (int)IntMath.Min(wanted, held);
        for (int i = from; i < held; i++)
        {
            output.WriteLine(_runtime.Log.Get(i));
        }

        output.WriteLine("(" + (held - from).ToString() + " of " + _runtime.Log.TotalWritten.ToString() + " lines since boot)");
        return null;
    }
}
