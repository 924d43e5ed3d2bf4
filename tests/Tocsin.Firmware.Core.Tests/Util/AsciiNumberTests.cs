using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.Util;

namespace Tocsin.Firmware.Tests.Util;

[TestClass]
public sealed class AsciiNumberTests
{
    [TestMethod]
    [DataRow("0", 0L)]
    [DataRow("-0", 0L)]
    [DataRow("+0", 0L)]
    [DataRow("7", 7L)]
    [DataRow("+7", 7L)]
    [DataRow("-7", -7L)]
    [DataRow("0042", 42L)]
    [DataRow("65535", 65535L)]
    [DataRow("9223372036854775807", long.MaxValue)]
    [DataRow("+9223372036854775807", long.MaxValue)]
    [DataRow("-9223372036854775807", -long.MaxValue)]
    [DataRow("-9223372036854775808", long.MinValue)]
    public void TryParseInt64_reads_signed_integers_to_both_bounds(string text, long expected)
    {
        Assert.IsTrue(AsciiNumber.TryParseInt64(text, out long value));
        Assert.AreEqual(expected, value);
    }

    [TestMethod]
    [DataRow("9223372036854775808")]
    [DataRow("-9223372036854775809")]
    [DataRow("18446744073709551616")]
    [DataRow("99999999999999999999")]
    [DataRow("-99999999999999999999")]
    public void TryParseInt64_refuses_overflow_rather_than_wrapping(string text)
    {
        Assert.IsFalse(AsciiNumber.TryParseInt64(text, out long value));
        Assert.AreEqual(0L, value);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("+")]
    [DataRow("-")]
    [DataRow("--1")]
    [DataRow("+-1")]
    [DataRow("1-")]
    [DataRow(" 1")]
    [DataRow("1 ")]
    [DataRow("1.0")]
    [DataRow("1e3")]
    [DataRow("0x10")]
    [DataRow("1,000")]
    [DataRow("abc")]
    [DataRow("\u0661")]
    [DataRow("\uFF11")]
    public void TryParseInt64_refuses_anything_but_plain_decimal_digits(string text)
    {
        Assert.IsFalse(AsciiNumber.TryParseInt64(text, out _));
    }

    [TestMethod]
    public void TryParseInt64_refuses_null()
    {
        Assert.IsFalse(AsciiNumber.TryParseInt64(null, out _));
    }

    [TestMethod]
    [DataRow("12.5", 1, 125L)]
    [DataRow("3", 2, 300L)]
    [DataRow("-0.5", 2, -50L)]
    [DataRow("+0.5", 2, 50L)]
    [DataRow("-12.05", 2, -1205L)]
    [DataRow("0.001", 3, 1L)]
    [DataRow("12", 0, 12L)]
    [DataRow("-7", 0, -7L)]
    [DataRow("1.5", 3, 1500L)]
    public void TryParseFixed_scales_by_ten_to_the_decimals(string text, int decimals, long expected)
    {
        Assert.IsTrue(AsciiNumber.TryParseFixed(text, decimals, out long scaled));
        Assert.AreEqual(expected, scaled);
    }

    [TestMethod]
    [DataRow("12.55", 1)]
    [DataRow("1.5", 0)]
    [DataRow("5.", 1)]
    [DataRow(".5", 1)]
    [DataRow("-.5", 1)]
    [DataRow("-", 1)]
    [DataRow("+", 1)]
    [DataRow("", 1)]
    [DataRow("1.2.3", 3)]
    [DataRow("1.-5", 2)]
    [DataRow("1.+5", 2)]
    [DataRow("1.x", 1)]
    [DataRow("1e2", 2)]
    [DataRow(" 1.5", 1)]
    [DataRow("922337203685477581.0", 1)]
    [DataRow("-922337203685477581.0", 1)]
    [DataRow("-9223372036854775808", 1)]
    [DataRow("99999999999999999999.9", 1)]
    public void TryParseFixed_refuses_malformed_over_precise_or_overflowing_text(string text, int decimals)
    {
        Assert.IsFalse(AsciiNumber.TryParseFixed(text, decimals, out _));
    }

    [TestMethod]
    public void TryParseFixed_refuses_null()
    {
        Assert.IsFalse(AsciiNumber.TryParseFixed(null, 2, out _));
    }

    [TestMethod]
    [DataRow(125L, 1, "12.5")]
    [DataRow(-5L, 2, "-0.05")]
    [DataRow(0L, 3, "0.000")]
    [DataRow(-125L, 1, "-12.5")]
    [DataRow(100L, 2, "1.00")]
    [DataRow(7L, 0, "7")]
    [DataRow(-7L, 0, "-7")]
    [DataRow(long.MinValue, 0, "-9223372036854775808")]
    [DataRow(long.MinValue, 2, "-92233720368547758.08")]
    [DataRow(long.MaxValue, 18, "9.223372036854775807")]
    public void FormatFixed_writes_the_exact_decimal(long scaled, int decimals, string expected)
    {
        Assert.AreEqual(expected, AsciiNumber.FormatFixed(scaled, decimals));
    }

    [TestMethod]
    public void FormatFixed_output_parses_back_to_the_same_value()
    {
        long[] values = { 0, 1, -1, 9, -9, 10, -10, 12345, -12345, 922337203685477 };
        for (int decimals = 0; decimals <= 4; decimals++)
        {
            foreach (long v in values)
            {
                string text = AsciiNumber.FormatFixed(v, decimals);

                Assert.IsTrue(AsciiNumber.TryParseFixed(text, decimals, out long back), text);
                Assert.AreEqual(v, back, text);
            }
        }
    }

    [TestMethod]
    public void Pow10_covers_zero_to_eighteen()
    {
        long expected = 1;
        for (int p = 0; p <= 18; p++)
        {
            Assert.AreEqual(expected, AsciiNumber.Pow10(p));
            expected *= 10;
        }
    }
}
