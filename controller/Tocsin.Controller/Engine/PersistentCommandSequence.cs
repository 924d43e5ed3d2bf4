using System.Globalization;
using Tocsin.Controller.FanOut;
using Tocsin.Controller.Storage;

namespace Tocsin.Controller.Engine;

/// <summary>
/// The controller-wide command sequence number every node's replay window is built on. Numbers are
/// reserved in blocks written to the database before any is used, so a crash may skip numbers but
/// never reuse one (a reused number would be refused by every node as a replay).
/// </summary>
public sealed class PersistentCommandSequence : ICommandSequence
{
    private const string Counter = "command_seq";
    private const int Block = 100;
    private readonly ICounterStore _counters;
    private long _next;
    private long _reservedUpTo;

    /// <summary>Creates the sequence over the stored counters.</summary>
    public PersistentCommandSequence(ICounterStore counters)
    {
        _counters = counters;
    }

    /// <inheritdoc />
    public long NextSeq()
    {
        if (_next == 0 || _next > _reservedUpTo)
        {
            Reserve();
        }

        return _next++;
    }

    private void Reserve()
    {
        long upTo = _counters.Advance(Counter, Block);
        _next = upTo - Block + 1;
        _reservedUpTo = upTo;
    }

    /// <inheritdoc />
    public override string ToString() => "next " + _next.ToString(CultureInfo.InvariantCulture);
}
