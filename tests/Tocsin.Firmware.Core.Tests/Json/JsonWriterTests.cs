using System;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.Json;

namespace Tocsin.Firmware.Tests.Json;

[TestClass]
public sealed class JsonWriterTests
{
    [TestMethod]
    public void Writes_compact_JSON_with_commas_only_between_members()
    {
        var w = new JsonWriter(256);
        w.BeginObject();
        w.Property("s", "x");
        w.Property("n", -7L);
        w.Property("b", true);
        w.Name("z");
        w.Null();
        w.Name("a");
        w.BeginArray();
        w.Number(1);
        w.String("two");
        w.BeginObject();
        w.EndObject();
        w.BeginArray();
        w.EndArray();
        w.Bool(false);
        w.EndArray();
        w.PropertyFixed("f", 125, 1);
        w.Name("o");
        w.BeginObject();
        w.Property("k", 0L);
        w.EndObject();
        w.EndObject();

        Assert.IsFalse(w.Overflowed);
        Assert.AreEqual("{\"s\":\"x\",\"n\":-7,\"b\":true,\"z\":null,\"a\":[1,\"two\",{},[],false],\"f\":12.5,\"o\":{\"k\":0}}", Text(w));
    }

    [TestMethod]
    public void Writes_a_null_string_as_JSON_null()
    {
        var w = new JsonWriter(64);
        w.BeginArray();
        w.String(null);
        w.EndArray();

        Assert.AreEqual("[null]", Text(w));
    }

    [TestMethod]
    public void Writes_the_extreme_integers()
    {
        var w = new JsonWriter(64);
        w.BeginArray();
        w.Number(long.MinValue);
        w.Number(long.MaxValue);
        w.Number(0);
        w.EndArray();

        Assert.AreEqual("[-9223372036854775808,9223372036854775807,0]", Text(w));
    }

    [TestMethod]
    [DataRow(125L, 1, "12.5")]
    [DataRow(-5L, 2, "-0.05")]
    [DataRow(0L, 3, "0.000")]
    [DataRow(-125L, 1, "-12.5")]
    [DataRow(100L, 2, "1.00")]
    [DataRow(7L, 0, "7")]
    [DataRow(-7L, 0, "-7")]
    [DataRow(1L, 6, "0.000001")]
    [DataRow(long.MinValue, 0, "-9223372036854775808")]
    [DataRow(long.MaxValue, 0, "9223372036854775807")]
    [DataRow(long.MinValue, 2, "-92233720368547758.08")]
    [DataRow(long.MaxValue, 18, "9.223372036854775807")]
    public void Formats_fixed_point_values_exactly(long scaled, int decimals, string expected)
    {
        var w = new JsonWriter(64);
        w.Fixed(scaled, decimals);

        Assert.AreEqual(expected, Text(w));
    }

    [TestMethod]
    public void Escapes_quotes_backslashes_and_common_control_characters()
    {
        var w = new JsonWriter(64);
        w.String("a\"b\\c\nd\re\tf/");

        Assert.AreEqual("\"a\\\"b\\\\c\\nd\\re\\tf/\"", Text(w));
    }

    [TestMethod]
    [DataRow('\u0000', "\\u0000")]
    [DataRow('\u0001', "\\u0001")]
    [DataRow('\b', "\\u0008")]
    [DataRow('\f', "\\u000c")]
    [DataRow('\u001b', "\\u001b")]
    [DataRow('\u001f', "\\u001f")]
    public void Escapes_other_control_characters_as_u00XX(char c, string escaped)
    {
        var w = new JsonWriter(64);
        w.String("<" + c + ">");

        Assert.AreEqual("\"<" + escaped + ">\"", Text(w));
    }

    [TestMethod]
    public void Writes_DEL_and_non_ASCII_unescaped()
    {
        var w = new JsonWriter(64);
        w.String("\u007f");

        Assert.AreEqual("\"\u007f\"", Text(w));
    }

    [TestMethod]
    [DataRow("é")]
    [DataRow("暴雨红色预警")]
    [DataRow("\uD83D\uDEA8 alert 🚨")]
    [DataRow("\u0080\u07FF\u0800\uFFFF")]
    [DataRow("\uDBFF\uDFFF")]
    public void Encodes_text_as_UTF_8_like_dotnet(string text)
    {
        var w = new JsonWriter(128);
        w.String(text);

        CollectionAssert.AreEqual(Encoding.UTF8.GetBytes("\"" + text + "\""), w.ToArray());
    }

    [TestMethod]
    public void Replaces_a_lone_surrogate_with_U_FFFD()
    {
        // Built in code: an attribute argument would already have replaced the lone surrogate.
        string[] texts = { "\uD800", "\uDC00", "a\uD83D", "\uD83Db", "\uDE00\uD83D" };
        byte[][] expected =
        {
            new byte[] { 0x22, 0xEF, 0xBF, 0xBD, 0x22 },
            new byte[] { 0x22, 0xEF, 0xBF, 0xBD, 0x22 },
            new byte[] { 0x22, 0x61, 0xEF, 0xBF, 0xBD, 0x22 },
            new byte[] { 0x22, 0xEF, 0xBF, 0xBD, 0x62, 0x22 },
            new byte[] { 0x22, 0xEF, 0xBF, 0xBD, 0xEF, 0xBF, 0xBD, 0x22 },
        };
        for (int i = 0; i < texts.Length; i++)
        {
            var w = new JsonWriter(64);
            w.String(texts[i]);

            CollectionAssert.AreEqual(expected[i], w.ToArray(), "case " + i);
        }
    }

    [TestMethod]
    public void Sets_Overflowed_for_every_buffer_too_small_and_never_throws()
    {
        byte[] full = Document(new JsonWriter(1024)).ToArray();

        for (int capacity = 0; capacity <= full.Length + 2; capacity++)
        {
            JsonWriter w = Document(new JsonWriter(capacity));

            Assert.AreEqual(capacity < full.Length, w.Overflowed, "capacity " + capacity);
            Assert.IsTrue(w.Length <= capacity);
            if (!w.Overflowed)
            {
                CollectionAssert.AreEqual(full, w.ToArray());
            }
        }
    }

    [TestMethod]
    public void Raw_that_does_not_fit_overflows_instead_of_throwing()
    {
        var w = new JsonWriter(8);
        byte[] raw = Encoding.UTF8.GetBytes("{\"long\":\"payload\"}");
        w.BeginArray();
        w.Raw(raw, 0, raw.Length);

        Assert.IsTrue(w.Overflowed);
        Assert.IsTrue(w.Length <= 8);
    }

    [TestMethod]
    public void Raw_embeds_already_encoded_JSON_as_a_value()
    {
        var w = new JsonWriter(64);
        byte[] raw = Encoding.UTF8.GetBytes("xx{\"p\":[1]}yy");
        w.BeginObject();
        w.Name("payload");
        w.Raw(raw, 2, 9);
        w.Property("n", 1L);
        w.EndObject();

        Assert.AreEqual("{\"payload\":{\"p\":[1]},\"n\":1}", Text(w));
    }

    [TestMethod]
    public void Nesting_deeper_than_the_writer_supports_overflows_instead_of_throwing()
    {
        var w = new JsonWriter(256);
        for (int i = 0; i < 40; i++)
        {
            w.BeginArray();
        }

        for (int i = 0; i < 40; i++)
        {
            w.EndArray();
        }

        Assert.IsTrue(w.Overflowed);
    }

    [TestMethod]
    public void Reset_starts_a_fresh_document_after_an_overflow()
    {
        var w = new JsonWriter(12);
        w.BeginObject();
        w.Property("name", "far too long for twelve bytes");
        Assert.IsTrue(w.Overflowed);

        w.Reset();
        w.BeginObject();
        w.Property("a", 1L);
        w.EndObject();

        Assert.IsFalse(w.Overflowed);
        Assert.AreEqual("{\"a\":1}", Text(w));
    }

    [TestMethod]
    public void ToArray_copies_exactly_Length_bytes_of_the_buffer()
    {
        var w = new JsonWriter(100);
        w.BeginArray();
        w.EndArray();

        Assert.AreEqual(2, w.Length);
        Assert.AreEqual(100, w.Buffer.Length);
        CollectionAssert.AreEqual(new byte[] { (byte)'[', (byte)']' }, w.ToArray());
    }

    private static JsonWriter Document(JsonWriter w)
    {
        byte[] raw = Encoding.UTF8.GetBytes("{\"r\":1}");
        w.BeginObject();
        w.Property("title", "暴雨红色预警 🚨");
        w.Property("escaped", "q\"\\\n\u0001");
        w.Property("n", long.MinValue);
        w.PropertyFixed("f", -5, 2);
        w.Property("on", true);
        w.Name("none");
        w.Null();
        w.Name("list");
        w.BeginArray();
        w.Number(1);
        w.BeginObject();
        w.EndObject();
        w.Raw(raw, 0, raw.Length);
        w.EndArray();
        w.EndObject();
        return w;
    }

    private static string Text(JsonWriter w) => Encoding.UTF8.GetString(w.Buffer, 0, w.Length);
}
