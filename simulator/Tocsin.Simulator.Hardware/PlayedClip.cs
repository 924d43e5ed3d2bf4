namespace Tocsin.Simulator.Hardware;

/// <summary>One clip a <see cref="SimClipPlayer"/> started, and how it ended.</summary>
public sealed class PlayedClip
{
    /// <summary>Creates the record.</summary>
    public PlayedClip(int track, long startMs, int volume)
    {
        Track = track;
        StartMs = startMs;
        Volume = volume;
    }

    /// <summary>Clip number.</summary>
    public int Track { get; }

    /// <summary>Monotonic time it started.</summary>
    public long StartMs { get; }

    /// <summary>Volume it played at (0-30).</summary>
    public int Volume { get; }

    /// <summary>Monotonic time it ended (-1 while playing).</summary>
    public long EndMs { get; set; } = -1;

    /// <summary>"finished", "stopped", "replaced" or "power" (the module died).</summary>
    public string? EndReason { get; set; }
}
