namespace Tocsin.Firmware.Diagnostics;

/// <summary>Log severities (constants, since Enum.ToString gives numbers on the device).</summary>
public static class LogLevel
{
    /// <summary>Detail for debugging.</summary>
    public const int Debug = 0;

    /// <summary>Normal operation worth recording.</summary>
    public const int Info = 1;

    /// <summary>Something went wrong and was handled.</summary>
    public const int Warn = 2;

    /// <summary>Something failed that needs attention.</summary>
    public const int Error = 3;

    /// <summary>Short text form used in log lines.</summary>
    public static string ToText(int level)
    {
        switch (level)
        {
            case Debug:
                return "DBG";
            case Info:
                return "INF";
            case Warn:
                return "WRN";
            default:
                return "ERR";
        }
    }
}
