using System;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.Util;

namespace Tocsin.Firmware.Tests.Util;

[TestClass]
public sealed class Utf8Tests
{
    [TestMethod]
    [DataRow("")]
    [DataRow("plain ASCII")]
    [DataRow("é ß ñ")]
    [DataRow("暴雨红色预警")]
    [DataRow("🚨 \uD83D\uDE00 \U0010FFFF")]
    [DataRow("\u007f\u0080\u07ff\u0800\uffff")]
    public void Encodes_and_counts_like_dotnet(string text)
    {
        byte[] expected = Encoding.UTF8.GetBytes(text);
        var buffer = new byte[expected.Length + 4];

        Assert.AreEqual(expected.Length, Utf8.GetByteCount(text));
        Assert.AreEqual(expected.Length, Utf8.Encode(text, buffer, 2));
        CollectionAssert.AreEqual(expected, buffer.AsSpan(2, expected.Length).ToArray());
        CollectionAssert.AreEqual(expected, Utf8.GetBytes(text));
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("plain ASCII")]
    [DataRow("暴雨红色预警")]
    [DataRow("🚨 \uD83D\uDE00 \U0010FFFF \U00010000")]
    public void Decodes_what_dotnet_encodes(string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes("xx" + text + "yy");

        Assert.AreEqual(text, Utf8.Decode(bytes, 2, bytes.Length - 4));
    }

    [TestMethod]
    public void Encodes_a_four_byte_character_from_its_surrogate_pair()
    {
        var buffer = new byte[4];

        Assert.AreEqual(4, Utf8.Encode("\uD83D\uDEA8", buffer, 0));
        CollectionAssert.AreEqual(new byte[] { 0xF0, 0x9F, 0x9A, 0xA8 }, buffer);
        Assert.AreEqual(4, Utf8.DecodeCodePoint(buffer, 0, 4, out int cp));
        Assert.AreEqual(0x1F6A8, cp);
    }

    [TestMethod]
    public void Encodes_a_lone_surrogate_as_U_FFFD()
    {
        // Built in code: an attribute argument would already have replaced the lone surrogate.
        string[] texts = { "\uD800", "\uDC00", "a\uD83D", "\uDE00\uD83D", "\uD83Db" };
        string[] decoded = { "\uFFFD", "\uFFFD", "a\uFFFD", "\uFFFD\uFFFD", "\uFFFDb" };
        for (int i = 0; i < texts.Length; i++)
        {
            byte[] encoded = Utf8.GetBytes(texts[i]);

            Assert.AreEqual(Encoding.UTF8.GetByteCount(decoded[i]), Utf8.GetByteCount(texts[i]));
            CollectionAssert.AreEqual(Encoding.UTF8.GetBytes(decoded[i]), encoded);
            Assert.AreEqual(decoded[i], Utf8.Decode(encoded, 0, encoded.Length));
        }
    }

    [TestMethod]
    public void Encode_returns_minus_one_and_writes_nothing_when_the_buffer_is_too_small()
    {
        var buffer = new byte[8];
        Array.Fill(buffer, (byte)0xAA);

        Assert.AreEqual(-1, Utf8.Encode("暴雨红", buffer, 0));
        Assert.AreEqual(-1, Utf8.Encode("1234", buffer, 5));
        Assert.AreEqual(-1, Utf8.Encode("a", buffer, -1));
        Assert.AreEqual(-1, Utf8.Encode("\uD83D\uDE00", new byte[3], 0));
        CollectionAssert.AreEqual(new byte[] { 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA }, buffer);
    }

    [TestMethod]
    public void Encode_fills_a_buffer_of_exactly_the_needed_size()
    {
        var buffer = new byte[9];

        Assert.AreEqual(9, Utf8.Encode("暴雨红", buffer, 0));
        Assert.AreEqual(0, Utf8.Encode(string.Empty, buffer, 9));
    }

    [TestMethod]
    [DataRow(new byte[] { 0xC3, 0x28 })] // C3 28: missing continuation
    [DataRow(new byte[] { 0xC0, 0xAF })] // C0 AF: overlong
    [DataRow(new byte[] { 0xC1, 0xBF })] // C1 BF: overlong
    [DataRow(new byte[] { 0xE0, 0x80, 0xAF })] // E0 80 AF: overlong
    [DataRow(new byte[] { 0xF0, 0x80, 0x80, 0xAF })] // F0 80 80 AF: overlong
    [DataRow(new byte[] { 0xFF })] // FF
    [DataRow(new byte[] { 0xFE })] // FE
    [DataRow(new byte[] { 0xF8, 0x88, 0x80, 0x80, 0x80 })] // 5-byte form
    [DataRow(new byte[] { 0x80 })] // lone continuation
    [DataRow(new byte[] { 0x61, 0xBF })] // trailing continuation
    [DataRow(new byte[] { 0xE6, 0x9A })] // truncated 3-byte
    [DataRow(new byte[] { 0xF0, 0x9F, 0x9A })] // truncated 4-byte
    [DataRow(new byte[] { 0xED, 0xA0, 0x80 })] // encoded high surrogate
    [DataRow(new byte[] { 0xED, 0xBF, 0xBF })] // encoded low surrogate
    [DataRow(new byte[] { 0xF4, 0x90, 0x80, 0x80 })] // above U+10FFFF
    [DataRow(new byte[] { 0xF5, 0x80, 0x80, 0x80 })] // F5 lead byte
    public void Decode_returns_null_for_invalid_sequences(byte[] bytes)
    {
        Assert.IsNull(Utf8.Decode(bytes, 0, bytes.Length));
        Assert.IsFalse(Utf8.DecodeCodePoint(bytes, 0, bytes.Length, out _) == bytes.Length);
    }

    [TestMethod]
    public void DecodeCodePoint_does_not_read_past_end()
    {
        byte[] bytes = { 0xE6, 0x9A, 0xB4 };

        Assert.AreEqual(0, Utf8.DecodeCodePoint(bytes, 0, 2, out _));
        Assert.AreEqual(0, Utf8.DecodeCodePoint(bytes, 3, 3, out _));
        Assert.AreEqual(3, Utf8.DecodeCodePoint(bytes, 0, 3, out int cp));
        Assert.AreEqual(0x66B4, cp);
    }

    [TestMethod]
    public void Decodes_the_boundary_code_points_of_each_length()
    {
        foreach (int cp in new[] { 0x0, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFF, 0x10000, 0x10FFFF })
        {
            string text = char.ConvertFromUtf32(cp);
            byte[] bytes = Encoding.UTF8.GetBytes(text);

            Assert.AreEqual(bytes.Length, Utf8.DecodeCodePoint(bytes, 0, bytes.Length, out int decoded), cp.ToString("X"));
            Assert.AreEqual(cp, decoded);
            Assert.AreEqual(text, Utf8.Decode(bytes, 0, bytes.Length));
        }
    }

    [TestMethod]
    public void Surrogate_helpers_cover_exactly_their_ranges()
    {
        Assert.IsTrue(Utf8.IsHighSurrogate('\uD800'));
        Assert.IsTrue(Utf8.IsHighSurrogate('\uDBFF'));
        Assert.IsFalse(Utf8.IsHighSurrogate('\uDC00'));
        Assert.IsFalse(Utf8.IsHighSurrogate('\uD7FF'));
        Assert.IsTrue(Utf8.IsLowSurrogate('\uDC00'));
        Assert.IsTrue(Utf8.IsLowSurrogate('\uDFFF'));
        Assert.IsFalse(Utf8.IsLowSurrogate('\uDBFF'));
        Assert.IsFalse(Utf8.IsLowSurrogate('\uE000'));
    }
}
