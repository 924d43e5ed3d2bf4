using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.Util;

namespace Tocsin.Firmware.Tests.Util;

[TestClass]
public sealed class XorShiftRandomTests
{
    [TestMethod]
    public void The_same_seed_gives_the_same_sequence()
    {
        var a = new XorShiftRandom(12345);
        var b = new XorShiftRandom(12345);

        for (int i = 0; i < 1000; i++)
        {
            Assert.AreEqual(a.NextUInt32(), b.NextUInt32());
            Assert.AreEqual(a.NextLong(1000), b.NextLong(1000));
        }
    }

    [TestMethod]
    public void Different_seeds_give_different_sequences()
    {
        var a = new XorShiftRandom(1);
        var b = new XorShiftRandom(2);
        int same = 0;

        for (int i = 0; i < 100; i++)
        {
            same += a.NextUInt32() == b.NextUInt32() ? 1 : 0;
        }

        Assert.IsTrue(same < 5);
    }

    [TestMethod]
    public void Follows_the_xorshift32_13_17_5_recurrence()
    {
        var random = new XorShiftRandom(1);

        Assert.AreEqual(270369u, random.NextUInt32());
        uint x = 270369u;
        for (int i = 0; i < 100; i++)
        {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            Assert.AreEqual(x, random.NextUInt32());
        }
    }

    [TestMethod]
    public void A_zero_seed_still_produces_a_varied_non_zero_sequence()
    {
        var random = new XorShiftRandom(0);
        uint previous = 0;

        for (int i = 0; i < 1000; i++)
        {
            uint next = random.NextUInt32();
            Assert.IsFalse(next == 0);
            Assert.IsFalse(next == previous);
            previous = next;
        }
    }

    [TestMethod]
    public void A_negative_seed_works()
    {
        var random = new XorShiftRandom(-1);

        Assert.IsFalse(random.NextUInt32() == 0);
    }

    [TestMethod]
    [DataRow(1L)]
    [DataRow(2L)]
    [DataRow(7L)]
    [DataRow(1000L)]
    [DataRow(300000L)]
    [DataRow(4294967296L)]
    [DataRow(long.MaxValue)]
    public void NextLong_stays_in_range(long exclusiveMax)
    {
        var random = new XorShiftRandom(99);

        for (int i = 0; i < 2000; i++)
        {
            long v = random.NextLong(exclusiveMax);
            Assert.IsTrue(v >= 0 && v < exclusiveMax, v.ToString());
        }
    }

    [TestMethod]
    public void NextLong_covers_a_small_range()
    {
        var random = new XorShiftRandom(5);
        var seen = new bool[7];

        for (int i = 0; i < 500; i++)
        {
            seen[random.NextLong(7)] = true;
        }

        CollectionAssert.AreEqual(new[] { true, true, true, true, true, true, true }, seen);
    }

    [TestMethod]
    [DataRow(0L)]
    [DataRow(-1L)]
    [DataRow(long.MinValue)]
    public void NextLong_of_a_non_positive_bound_is_zero(long exclusiveMax)
    {
        var random = new XorShiftRandom(3);

        Assert.AreEqual(0L, random.NextLong(exclusiveMax));
    }
}
