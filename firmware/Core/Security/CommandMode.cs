namespace Tocsin.Firmware.Security;

/// <summary>
/// Live, drill or test, fixed by the controller and covered by the MAC, so no one on the path can
/// turn a drill or a test into live traffic. Text forms are "live", "drill", "test".
/// </summary>
public static class CommandMode
{
    /// <summary>A real warning.</summary>
    public const int Live = 0;

    /// <summary>An exercise: plays the "this is a drill" opening and can never become live.</summary>
    public const int Drill = 1;

    /// <summary>Silent or growl test of the node's chain.</summary>
    public const int Test = 2;

    /// <summary>Not a recognized mode.</summary>
    public const int Unknown = -1;

    /// <summary>Text form for payloads and the console (Enum.ToString gives numbers on the device).</summary>
    public static string ToText(int mode)
    {
        switch (mode)
        {
            case Live:
                return "live";
            case Drill:
                return "drill";
            case Test:
                return "test";
            default:
                return "unknown";
        }
    }
}
