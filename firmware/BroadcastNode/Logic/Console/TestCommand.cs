using Tocsin.Firmware.BroadcastNode.Scheduling;
using Tocsin.Firmware.Console;

namespace Tocsin.Firmware.BroadcastNode.Console;

/// <summary>
/// <c>test silent|growl</c>: a local test, logged and reported as events like the controller's
/// tests. It takes its turn like any test: anything live or drill comes first.
/// </summary>
public sealed class TestCommand : IConsoleCommand
{
    private readonly BroadcastModule _module;

    /// <summary>Creates the command.</summary>
    public TestCommand(BroadcastModule module)
    {
        _module = module;
    }

    /// <inheritdoc />
    public string Name => "test";

    /// <inheritdoc />
    public string Usage => "test silent|growl";

    /// <inheritdoc />
    public string Summary => "silent test (relays, pilot tone, supervision) or growl test (at most 3 s audible)";

    /// <inheritdoc />
    public string Run(ConsoleArgs args, ConsoleOutput output)
    {
        string type = args.Get(1);
        if (args.Count != 2 || (type != "silent" && type != "growl"))
        {
            return "usage: " + Usage;
        }

        if (_module.StopHeld)
        {
            return "the local stop switch is thrown";
        }

        string id = _module.StartLocalTest(type == "silent" ? BroadcastKind.SilentTest : BroadcastKind.GrowlTest, "console");
        if (id == null)
        {
            return "no room: the node holds more important broadcasts";
        }

        output.WriteLine(type + " test " + id + " started; its result goes to the log ('log') and the controller");
        return null;
    }
}
