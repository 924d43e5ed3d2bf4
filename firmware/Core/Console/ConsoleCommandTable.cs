using System.Collections;

namespace Tocsin.Firmware.Console;

/// <summary>The commands the console knows, core ones first, then the node module's.</summary>
public sealed class ConsoleCommandTable
{
    private readonly ArrayList _commands = new ArrayList();

    /// <summary>Number of commands.</summary>
    public int Count => _commands.Count;

    /// <summary>Adds a command; a second command with the same name is a programming error.</summary>
    public void Add(IConsoleCommand command)
    {
        if (Find(command.Name) != null)
        {
            throw new System.ArgumentException("console command registered twice: " + command.Name);
        }

        _commands.Add(command);
    }

    /// <summary>The command at <paramref name="index"/>.</summary>
    public IConsoleCommand Get(int index) => (IConsoleCommand)_commands[index];

    /// <summary>The command with this name, or null.</summary>
    public IConsoleCommand Find(string name)
    {
        for (int i = 0; i < _commands.Count; i++)
        {
            var c = (IConsoleCommand)_commands[i];
            if (c.Name == name)
            {
                return c;
            }
        }

        return null;
    }
}
