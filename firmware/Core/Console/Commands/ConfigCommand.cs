using Tocsin.Firmware.Config;
using Tocsin.Firmware.Runtime;

namespace Tocsin.Firmware.Console.Commands;

/// <summary>
/// <c>config list | get &lt;name&gt; | set &lt;name&gt; &lt;value&gt; | reset &lt;name&gt;</c>. Changes are
/// validated, saved to flash and applied at once; secrets are accepted but never shown.
/// </summary>
public sealed class ConfigCommand : IConsoleCommand
{
    private readonly NodeRuntime _runtime;

    /// <summary>Creates the command.</summary>
    public ConfigCommand(NodeRuntime runtime)
    {
        _runtime = runtime;
    }

    /// <inheritdoc />
    public string Name => "config";

    /// <inheritdoc />
    public string Usage => "config list | config get <name> | config set <name> <value> | config reset <name>";

    /// <inheritdoc />
    public string Summary => "show and change settings (validated, saved to flash)";

    /// <inheritdoc />
    public string Run(ConsoleArgs args, ConsoleOutput output)
    {
        Settings s = _runtime.Settings;
        string verb = args.Get(1);
        if (verb == "list" && args.Count == 2)
        {
            for (int i = 0; i < s.Count; i++)
            {
                SettingDefinition d = s.Definition(i);
                output.WriteLine(d.Name + " = " + s.Display(i) + "    # " + d.Help + (d.Remote ? " [remote]" : string.Empty));
            }

            return null;
        }

        if (verb == "get" && args.Count == 3)
        {
            int index = s.IndexOf(args.Get(2));
            if (index < 0)
            {
                return "unknown setting '" + args.Get(2) + "'; see 'config list'";
            }

            output.WriteLine(s.Definition(index).Name + " = " + s.Display(index));
            return null;
        }

        if (verb == "set" && args.Count == 4)
        {
            string error = s.Set(args.Get(2), args.Get(3));
            return error ?? SaveAndApply(s, args.Get(2), output);
        }

        if (verb == "reset" && args.Count == 3)
        {
            int index = s.IndexOf(args.Get(2));
            if (index < 0)
            {
                return "unknown setting '" + args.Get(2) + "'; see 'config list'";
            }

            s.Reset(index);
            return SaveAndApply(s, args.Get(2), output);
        }

        return "usage: " + Usage;
    }

    private string SaveAndApply(Settings s, string name, ConsoleOutput output)
    {
        if (!s.Save(_runtime.Hardware.Flash))
        {
            return "value accepted but could not be saved to flash";
        }

        _runtime.Log.Info("config", name + " changed on the console");
        _runtime.ApplySettings(_runtime.NowMs);
        int index = s.IndexOf(name);
        output.WriteLine(name + " = " + s.Display(index) + (name.StartsWith("wifi.") ? " (takes effect after reboot)" : string.Empty));
        return null;
    }
}
