using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.Json;

namespace Tocsin.Firmware.Tests.Json;

[TestClass]
public sealed class JsonReaderNumberTests
{
    [TestMethod]
    [DataRow("0", 0L)]
    [DataRow("-0", 0L)]
    [DataRow("7", 7L)]
    [DataRow("-42", -42L)]
    [DataRow("1764000000000", 1764000000000L)]
    [DataRow("9223372036854775807", long.MaxValue)]
    [DataRow("-9223372036854775807", -long.MaxValue)]
    [DataRow("-9223372036854775808", long.MinValue)]
    public void TryGetInt64_reads_integers_across_the_whole_range(string json, long expected)
    {
        JsonReader r = Number(json);

        Assert.IsTrue(r.TryGetInt64(out long value));
        Assert.AreEqual(expected, value);
    }

    [TestMethod]
    [DataRow("1.0")]
    [DataRow("0.5")]
    [DataRow("-1.5")]
    [DataRow("1e3")]
    [DataRow("1E3")]
    [DataRow("1e-3")]
    [DataRow("10E+0")]
    public void TryGetInt64_refuses_fractions_and_exponents(string json)
    {
        JsonReader r = Number(json);

        Assert.IsFalse(r.TryGetInt64(out long value));
        Assert.AreEqual(0L, value);
    }

    [TestMethod]
    [DataRow("9223372036854775808")]
    [DataRow("-9223372036854775809")]
    [DataRow("10000000000000000000")]
    [DataRow("99999999999999999999999999999999")]
    public void TryGetInt64_refuses_overflow_rather_than_wrapping(string json)
    {
        JsonReader r = Number(json);

        Assert.IsFalse(r.TryGetInt64(out _));
    }

    [TestMethod]
    public void TryGetInt64_refuses_a_number_in_a_string_and_other_tokens()
    {
        JsonReader r = JsonReaderTests.ReaderFor("[\"12\",true,null]");

        r.Read();
        Assert.IsFalse(r.TryGetInt64(out _), "BeginArray");
        r.Read();
        Assert.IsFalse(r.TryGetInt64(out _), "a string");
        r.Read();
        Assert.IsFalse(r.TryGetInt64(out _), "true");
        r.Read();
        Assert.IsFalse(r.TryGetInt64(out _), "null");
    }

    [TestMethod]
    [DataRow("12.5", 1, 125L)]
    [DataRow("3", 2, 300L)]
    [DataRow("-0.5", 2, -50L)]
    [DataRow("-12.25", 2, -1225L)]
    [DataRow("0.001", 3, 1L)]
    [DataRow("7.1", 3, 7100L)]
    [DataRow("0", 0, 0L)]
    [DataRow("-0", 1, 0L)]
    [DataRow("42", 0, 42L)]
    [DataRow("12.50", 2, 1250L)]
    [DataRow("9223372036854775807", 0, long.MaxValue)]
    [DataRow("922337203685477580.7", 1, long.MaxValue)]
    public void TryGetFixed_scales_by_ten_to_the_decimals(string json, int decimals, long expected)
    {
        JsonReader r = Number(json);

        Assert.IsTrue(r.TryGetFixed(decimals, out long scaled));
        Assert.AreEqual(expected, scaled);
    }

    [TestMethod]
    [DataRow("12.55", 1)]
    [DataRow("1.5", 0)]
    [DataRow("0.0001", 3)]
    public void TryGetFixed_refuses_more_fractional_digits_than_requested_rather_than_rounding(string json, int decimals)
    {
        JsonReader r = Number(json);

        Assert.IsFalse(r.TryGetFixed(decimals, out _));
    }

    [TestMethod]
    [DataRow("1e2", 2)]
    [DataRow("1.5E1", 2)]
    [DataRow("922337203685477580.8", 1)]
    [DataRow("922337203685477581", 1)]
    [DataRow("9223372036854775808", 0)]
    [DataRow("92233720368547758", 3)]
    public void TryGetFixed_refuses_exponents_and_overflow(string json, int decimals)
    {
        JsonReader r = Number(json);

        Assert.IsFalse(r.TryGetFixed(decimals, out _));
    }

    [TestMethod]
    public void TryGetFixed_refuses_tokens_that_are_not_numbers()
    {
        JsonReader r = JsonReaderTests.ReaderFor("\"12.5\"");

        r.Read();
        Assert.IsFalse(r.TryGetFixed(1, out long scaled));
        Assert.AreEqual(0L, scaled);
    }

    private static JsonReader Number(string json)
    {
        JsonReader r = JsonReaderTests.ReaderFor(json);
        Assert.IsTrue(r.Read(), r.Error);
        Assert.AreEqual(JsonTokenType.Number, r.TokenType);
        return r;
    }
}
