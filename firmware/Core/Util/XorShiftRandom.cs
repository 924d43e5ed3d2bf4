namespace Tocsin.Firmware.Util;

/// <summary>
/// xorshift32: the same sequence on the board and on the desktop for the same seed (System.Random
/// differs between runtimes), which keeps simulator runs reproducible from one seed.
/// </summary>
public sealed class XorShiftRandom
{
    private uint _state;

    /// <summary>Creates a generator; a zero seed is replaced, since xorshift would stay at zero.</summary>
    public XorShiftRandom(int seed)
    {
        _state = seed == 0 ? 0x9E3779B9u : (uint)seed;
    }

    /// <summary>Next raw 32-bit value.</summary>
    public uint NextUInt32()
    {
        uint x = _state;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        _state = x;
        return x;
    }

    /// <summary>Uniform value in [0, exclusiveMax); 0 when exclusiveMax is not positive.</summary>
    public long NextLong(long exclusiveMax)
    {
        if (exclusiveMax <= 0)
        {
            return 0;
        }

        ulong wide = ((ulong)NextUInt32() << 32) | NextUInt32();
        return (long)(wide % (ulong)exclusiveMax);
    }
}
