namespace Tocsin.Firmware.SensorNode.Depth;

/// <summary>Quality flag reported with every filtered depth.</summary>
public static class DepthQuality
{
    /// <summary>A confirmed reading from enough valid samples.</summary>
    public const string Ok = "ok";

    /// <summary>A jump too large to be water is waiting for confirmation; the last good depth is reported.</summary>
    public const string Suspect = "suspect";

    /// <summary>Too few valid samples (echoes lost, out of range); the last good depth is reported.</summary>
    public const string NoData = "no_data";

    /// <summary>The sensor stopped answering.</summary>
    public const string Timeout = "timeout";

    /// <summary>No reading has been accepted since boot.</summary>
    public const string None = "none";
}
