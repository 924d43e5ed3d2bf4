namespace Tocsin.Firmware.BroadcastNode.Scheduling;

/// <summary>What a held activation is (constants with the command-kind text they come from).</summary>
public static class BroadcastKind
{
    /// <summary>A warning: siren and clips ("broadcast" command, or a local rule).</summary>
    public const int Warning = 0;

    /// <summary>The all-clear clip ("allclear" command).</summary>
    public const int AllClear = 1;

    /// <summary>Silent test: relays cycled, pilot tone, supervision checked ("test", type silent).</summary>
    public const int SilentTest = 2;

    /// <summary>Growl test: at most 3 s audible ("test", type growl).</summary>
    public const int GrowlTest = 3;

    /// <summary>The command kind reported in results ("broadcast", "allclear", "test").</summary>
    public static string CommandKind(int kind)
    {
        switch (kind)
        {
            case AllClear:
                return "allclear";
            case SilentTest:
            case GrowlTest:
                return "test";
            default:
                return "broadcast";
        }
    }

    /// <summary>Text for the console and events.</summary>
    public static string ToText(int kind)
    {
        switch (kind)
        {
            case AllClear:
                return "allclear";
            case SilentTest:
                return "silent_test";
            case GrowlTest:
                return "growl_test";
            default:
                return "warning";
        }
    }

    /// <summary>True for the two tests.</summary>
    public static bool IsTest(int kind) => kind == SilentTest || kind == GrowlTest;
}
