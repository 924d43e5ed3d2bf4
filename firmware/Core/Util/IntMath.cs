namespace Tocsin.Firmware.Util;

/// <summary>Integer helpers; nanoFramework's mscorlib has no System.Math.</summary>
public static class IntMath
{
    /// <summary>The smaller of two values.</summary>
    public static long Min(long a, long b) => a < b ? a : b;

    /// <summary>The larger of two values.</summary>
    public static long Max(long a, long b) => a > b ? a : b;

    /// <summary>The smaller of two values.</summary>
    public static int Min(int a, int b) => a < b ? a : b;

    /// <summary>The larger of two values.</summary>
    public static int Max(int a, int b) => a > b ? a : b;

    /// <summary>Absolute value; long.MinValue saturates to long.MaxValue.</summary>
    public static long Abs(long a) => a == long.MinValue ? long.MaxValue : (a < 0 ? -a : a);

    /// <summary>Absolute value; int.MinValue saturates to int.MaxValue.</summary>
    public static int Abs(int a) => a == int.MinValue ? int.MaxValue : (a < 0 ? -a : a);

    /// <summary>Limits a value to [min, max].</summary>
    public static long Clamp(long value, long min, long max) => value < min ? min : (value > max ? max : value);
}
