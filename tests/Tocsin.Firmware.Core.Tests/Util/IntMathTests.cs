using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.Util;

namespace Tocsin.Firmware.Tests.Util;

[TestClass]
public sealed class IntMathTests
{
    [TestMethod]
    public void Min_and_Max_pick_the_right_value_for_longs_and_ints()
    {
        Assert.AreEqual(-5L, IntMath.Min(-5L, 3L));
        Assert.AreEqual(3L, IntMath.Max(-5L, 3L));
        Assert.AreEqual(long.MinValue, IntMath.Min(long.MinValue, long.MaxValue));
        Assert.AreEqual(long.MaxValue, IntMath.Max(long.MinValue, long.MaxValue));
        Assert.AreEqual(2, IntMath.Min(2, 2));
        Assert.AreEqual(-1, IntMath.Min(-1, 0));
        Assert.AreEqual(0, IntMath.Max(-1, 0));
        Assert.AreEqual(int.MaxValue, IntMath.Max(int.MinValue, int.MaxValue));
    }

    [TestMethod]
    public void Abs_saturates_at_the_minimum_value()
    {
        Assert.AreEqual(5L, IntMath.Abs(-5L));
        Assert.AreEqual(5L, IntMath.Abs(5L));
        Assert.AreEqual(0L, IntMath.Abs(0L));
        Assert.AreEqual(long.MaxValue, IntMath.Abs(long.MinValue));
        Assert.AreEqual(long.MaxValue, IntMath.Abs(-long.MaxValue));
        Assert.AreEqual(7, IntMath.Abs(-7));
        Assert.AreEqual(int.MaxValue, IntMath.Abs(int.MinValue));
    }

    [TestMethod]
    [DataRow(5L, 0L, 10L, 5L)]
    [DataRow(-1L, 0L, 10L, 0L)]
    [DataRow(11L, 0L, 10L, 10L)]
    [DataRow(0L, 0L, 10L, 0L)]
    [DataRow(10L, 0L, 10L, 10L)]
    [DataRow(long.MinValue, -3L, 3L, -3L)]
    [DataRow(long.MaxValue, -3L, 3L, 3L)]
    public void Clamp_limits_to_the_inclusive_range(long value, long min, long max, long expected)
    {
        Assert.AreEqual(expected, IntMath.Clamp(value, min, max));
    }
}
