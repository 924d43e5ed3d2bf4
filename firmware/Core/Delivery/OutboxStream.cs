namespace Tocsin.Firmware.Delivery;

/// <summary>Which node topic an outbox message goes to (index into the runtime's topic table).</summary>
public static class OutboxStream
{
    /// <summary>Periodic readings ("report").</summary>
    public const int Report = 0;

    /// <summary>Events: level changes, faults ("event").</summary>
    public const int Event = 1;

    /// <summary>Command results ("result").</summary>
    public const int Result = 2;

    /// <summary>Number of streams.</summary>
    public const int Count = 3;
}
