namespace Tocsin.Controller.Ingest;

/// <summary>An inclusive range of outbox sequence numbers.</summary>
/// <param name="First">First number.</param>
/// <param name="Last">Last number (≥ <paramref name="First"/>).</param>
public sealed record SequenceRange(long First, long Last)
{
    /// <summary>How many numbers the range holds.</summary>
    public long Count => Last - First + 1;

    /// <summary>True when <paramref name="seq"/> is in the range.</summary>
    public bool Contains(long seq) => seq >= First && seq <= Last;
}
