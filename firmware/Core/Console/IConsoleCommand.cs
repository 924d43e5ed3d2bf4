namespace Tocsin.Firmware.Console;

/// <summary>One console command. The console prints "ok" after it, or "error: ..." with its reason.</summary>
public interface IConsoleCommand
{
    /// <summary>The word that invokes it.</summary>
    string Name { get; }

    /// <summary>Usage line for help, e.g. "config get &lt;name&gt; | config set &lt;name&gt; &lt;value&gt;".</summary>
    string Usage { get; }

    /// <summary>One-line description.</summary>
    string Summary { get; }

    /// <summary>Runs the command; returns null on success or a clear reason on failure.</summary>
    string Run(ConsoleArgs args, ConsoleOutput output);
}
