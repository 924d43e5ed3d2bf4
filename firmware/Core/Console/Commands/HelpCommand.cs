namespace Tocsin.Firmware.Console.Commands;

/// <summary><c>help [command]</c>: lists commands, or one command's usage.</summary>
public sealed class HelpCommand : IConsoleCommand
{
    private readonly ConsoleCommandTable _table;

    /// <summary>Creates the command over <paramref name="table"/>.</summary>
    public HelpCommand(ConsoleCommandTable table)
    {
        _table = table;
    }

    /// <inheritdoc />
    public string Name => "help";

    /// <inheritdoc />
    public string Usage => "help [command]";

    /// <inheritdoc />
    public string Summary => "list commands, or show one command's usage";

    /// <inheritdoc />
    public string Run(ConsoleArgs args, ConsoleOutput output)
    {
        if (args.Count > 2)
        {
            return "usage: " + Usage;
        }

        if (args.Count == 2)
        {
            IConsoleCommand c = _table.Find(args.Get(1));
            if (c == null)
            {
                return "unknown command '" + args.Get(1) + "'";
            }

            output.WriteLine("usage: " + c.Usage);
            output.WriteLine(c.Summary);
            return null;
        }

        for (int i = 0; i < _table.Count; i++)
        {
            IConsoleCommand c = _table.Get(i);
            output.WriteLine(Pad(c.Name, 10) + c.Summary);
        }

        return null;
    }

    private static string Pad(string text, int width)
    {
        while (text.Length < width)
        {
            text += " ";
        }

        return text;
    }
}
