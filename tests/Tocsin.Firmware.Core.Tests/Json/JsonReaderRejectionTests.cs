using System;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.Json;

namespace Tocsin.Firmware.Tests.Json;

/// <summary>Malformed input stops the reader with an Error; it never throws and never resumes.</summary>
[TestClass]
public sealed class JsonReaderRejectionTests
{
    [TestMethod]
    [DataRow("{\"a\":1,}")]
    [DataRow("[1,2,]")]
    [DataRow("[1,]")]
    [DataRow("{\"a\":[1,],\"b\":2}")]
    public void Rejects_a_trailing_comma(string json) => AssertRejected(json);

    [TestMethod]
    [DataRow("{\"a\" 1}")]
    [DataRow("{\"a\"}")]
    [DataRow("{\"a\"")]
    [DataRow("{\"a\",\"b\":1}")]
    public void Rejects_a_missing_colon(string json) => AssertRejected(json);

    [TestMethod]
    [DataRow("\"abc")]
    [DataRow("{\"a\":\"abc}")]
    [DataRow("{\"abc")]
    [DataRow("[\"abc\\\"]")]
    [DataRow("\"abc\\")]
    public void Rejects_an_unterminated_string(string json) => AssertRejected(json);

    [TestMethod]
    [DataRow("\"a\tb\"")]
    [DataRow("\"a\nb\"")]
    [DataRow("\"\u0000\"")]
    [DataRow("{\"\u001f\":1}")]
    public void Rejects_a_string_with_an_unescaped_control_character(string json) => AssertRejected(json);

    [TestMethod]
    [DataRow(new byte[] { 0x22, 0xC3, 0x28, 0x22 })] // C3 28: lead byte without continuation
    [DataRow(new byte[] { 0x22, 0xC0, 0xAF, 0x22 })] // C0 AF: overlong '/'
    [DataRow(new byte[] { 0x22, 0xE0, 0x80, 0xAF, 0x22 })] // E0 80 AF: overlong 3-byte
    [DataRow(new byte[] { 0x22, 0xFF, 0x22 })] // lone FF
    [DataRow(new byte[] { 0x22, 0x80, 0x22 })] // lone continuation byte
    [DataRow(new byte[] { 0x22, 0xED, 0xA0, 0x80, 0x22 })] // ED A0 80: encoded surrogate
    [DataRow(new byte[] { 0x22, 0xF4, 0x90, 0x80, 0x80, 0x22 })] // F4 90 80 80: above U+10FFFF
    [DataRow(new byte[] { 0x22, 0xE6, 0x9A, 0x22 })] // truncated 3-byte sequence
    [DataRow(new byte[] { 0x7B, 0x22, 0xC3, 0x22, 0x3A, 0x31, 0x7D })] // invalid UTF-8 in a name
    public void Rejects_invalid_UTF_8_in_a_string(byte[] bytes) => AssertRejected(bytes, 64);

    [TestMethod]
    [DataRow("01")]
    [DataRow("-01")]
    [DataRow("00")]
    [DataRow("[01]")]
    public void Rejects_a_number_with_a_leading_zero(string json) => AssertRejected(json);

    [TestMethod]
    [DataRow("1.")]
    [DataRow("-")]
    [DataRow("[-]")]
    [DataRow(".5")]
    [DataRow("+1")]
    [DataRow("1e")]
    [DataRow("1e+")]
    [DataRow("1.e5")]
    [DataRow("--1")]
    [DataRow("0x10")]
    [DataRow("123456789012345678901234567890123")]
    public void Rejects_a_malformed_number(string json) => AssertRejected(json);

    [TestMethod]
    [DataRow("hello")]
    [DataRow("tru")]
    [DataRow("nul")]
    [DataRow("True")]
    [DataRow("NaN")]
    [DataRow("Infinity")]
    [DataRow("[undefined]")]
    [DataRow("{\"a\":yes}")]
    [DataRow("[truex]")]
    [DataRow("{'a':1}")]
    [DataRow("{a:1}")]
    public void Rejects_bare_words(string json) => AssertRejected(json);

    [TestMethod]
    public void Accepts_nesting_to_depth_16_and_rejects_depth_17()
    {
        string ok = new string('[', 16) + new string(']', 16);
        string deep = new string('[', 17) + new string(']', 17);
        var objects = new StringBuilder();
        for (int i = 0; i < 17; i++)
        {
            objects.Append("{\"a\":");
        }

        objects.Append('1').Append('}', 17);

        Assert.IsTrue(JsonReaderTests.ReadsToTheEnd(JsonReaderTests.ReaderFor(ok)));
        AssertRejected(deep);
        AssertRejected(objects.ToString());
    }

    [TestMethod]
    [DataRow("{} x")]
    [DataRow("{}{}")]
    [DataRow("[] []")]
    [DataRow("1 2")]
    [DataRow("\"a\" \"b\"")]
    [DataRow("{\"a\":1}}")]
    [DataRow("[1]]")]
    [DataRow("null,")]
    public void Rejects_data_after_the_end_of_the_document(string json) => AssertRejected(json);

    [TestMethod]
    public void Rejects_a_string_longer_than_maxStringBytes()
    {
        AssertRejected("\"123456789\"", 8);
        AssertRejected("[\"1234567é\"]", 8);
        AssertRejected("{\"123456789\":1}", 8);
        AssertRejected("\"" + new string('x', 5000) + "\"", 8);
    }

    [TestMethod]
    [DataRow("[\"\\x\"]")]
    [DataRow("[\"\\u12G4\"]")]
    [DataRow("[\"\\u12\"]")]
    [DataRow("\"\\u004")]
    [DataRow("[\"\\U0041\"]")]
    [DataRow("[\"\\'\"]")]
    public void Rejects_an_invalid_escape(string json) => AssertRejected(json);

    [TestMethod]
    [DataRow("")]
    [DataRow("   ")]
    [DataRow("{")]
    [DataRow("[")]
    [DataRow("{\"a\":")]
    [DataRow("[1,")]
    [DataRow("[1")]
    public void Rejects_a_truncated_document(string json) => AssertRejected(json);

    [TestMethod]
    [DataRow("]")]
    [DataRow("}")]
    [DataRow("[1}")]
    [DataRow("{\"a\":1]")]
    [DataRow("{1:2}")]
    [DataRow("{\"a\":1 \"b\":2}")]
    [DataRow("[1 2]")]
    [DataRow("[,1]")]
    [DataRow("{,}")]
    [DataRow("{\"a\"::1}")]
    [DataRow(",")]
    public void Rejects_misplaced_structure(string json) => AssertRejected(json);

    [TestMethod]
    public void An_error_names_the_byte_where_reading_stopped()
    {
        JsonReader r = JsonReaderTests.ReaderFor("[1,]");

        JsonReaderTests.ReadsToTheEnd(r);
        StringAssert.Contains(r.Error, "at byte 3");
    }

    [TestMethod]
    public void A_value_that_failed_to_scan_cannot_be_read_as_a_value()
    {
        JsonReader number = JsonReaderTests.ReaderFor("[12,01]");
        JsonReader text = JsonReaderTests.ReaderFor("{\"a\":\"bad\u0001\"}");

        number.Read();
        number.Read();
        Assert.IsFalse(number.Read());
        Assert.IsFalse(number.TryGetInt64(out _), "a refused number must not read as 0");
        Assert.IsFalse(number.TryGetFixed(0, out _));
        text.Read();
        text.Read();
        Assert.IsFalse(text.Read());
        Assert.IsNull(text.GetString());
        Assert.IsFalse(text.ValueEquals("bad"));
    }

    private static void AssertRejected(string json, int maxStringBytes = 64) => AssertRejected(Encoding.UTF8.GetBytes(json), maxStringBytes);

    private static void AssertRejected(byte[] bytes, int maxStringBytes)
    {
        var r = new JsonReader(maxStringBytes);
        r.Reset(bytes, 0, bytes.Length);
        bool ended = false;
        for (int guard = 0; guard < 10_000; guard++)
        {
            if (!r.Read())
            {
                ended = true;
                break;
            }
        }

        Assert.IsTrue(ended, "the reader must stop");
        Assert.IsNotNull(r.Error, "a malformed document must set Error");
        Assert.AreEqual(JsonTokenType.None, r.TokenType);
        Assert.IsFalse(r.IsComplete);
        Assert.IsFalse(r.Read(), "Read stays false after an error");
        Assert.IsFalse(r.Skip());
    }
}
