using System;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.Json;

namespace Tocsin.Firmware.Tests.Json;

[TestClass]
public sealed class JsonReaderTests
{
    [TestMethod]
    public void Reads_every_token_of_a_nested_document_in_order()
    {
        JsonReader r = ReaderFor("{\"a\":[1,\"two\",true,false,null,{}],\"b\":{\"c\":[]}}");
        var expected = new[]
        {
            JsonTokenType.BeginObject, JsonTokenType.PropertyName, JsonTokenType.BeginArray, JsonTokenType.Number,
            JsonTokenType.String, JsonTokenType.True, JsonTokenType.False, JsonTokenType.Null, JsonTokenType.BeginObject,
            JsonTokenType.EndObject, JsonTokenType.EndArray, JsonTokenType.PropertyName, JsonTokenType.BeginObject,
            JsonTokenType.PropertyName, JsonTokenType.BeginArray, JsonTokenType.EndArray, JsonTokenType.EndObject,
            JsonTokenType.EndObject,
        };

        for (int i = 0; i < expected.Length; i++)
        {
            Assert.IsTrue(r.Read(), "token " + i + ": " + r.Error);
            Assert.AreEqual(expected[i], r.TokenType, "token " + i);
        }

        Assert.IsFalse(r.Read());
        Assert.IsNull(r.Error);
        Assert.IsTrue(r.IsComplete);
        Assert.AreEqual(JsonTokenType.None, r.TokenType);
    }

    [TestMethod]
    [DataRow("0")]
    [DataRow("-12.5e3")]
    [DataRow("\"text\"")]
    [DataRow("true")]
    [DataRow("false")]
    [DataRow("null")]
    [DataRow("  [ 1 ,\t2 ,\r\n3 ]  ")]
    [DataRow("{ }")]
    public void Accepts_any_value_at_the_top_level_with_surrounding_whitespace(string json)
    {
        JsonReader r = ReaderFor(json);

        Assert.IsTrue(ReadsToTheEnd(r), r.Error);
    }

    [TestMethod]
    public void Tracks_depth_inside_containers()
    {
        JsonReader r = ReaderFor("{\"a\":[[1]]}");

        r.Read();
        Assert.AreEqual(1, r.Depth);
        r.Read();
        r.Read();
        Assert.AreEqual(2, r.Depth);
        r.Read();
        Assert.AreEqual(3, r.Depth);
        r.Read();
        r.Read();
        Assert.AreEqual(2, r.Depth);
    }

    [TestMethod]
    public void Reads_Chinese_text_and_emoji_as_UTF_8()
    {
        JsonReader r = ReaderFor("{\"标题\":\"暴雨红色预警 🚨\"}");

        r.Read();
        r.Read();
        Assert.AreEqual("标题", r.GetString());
        Assert.IsTrue(r.NameEquals("标题"));
        r.Read();
        Assert.AreEqual("暴雨红色预警 \uD83D\uDEA8", r.GetString());
        Assert.IsTrue(r.ValueEquals("暴雨红色预警 🚨"));
    }

    [TestMethod]
    public void Decodes_every_escape()
    {
        JsonReader r = ReaderFor("\"a\\nb\\\"c\\\\d\\u0041\\uD83D\\uDE00\\/\\b\\f\\r\\t\\u00e9\\u66B4\"");

        Assert.IsTrue(r.Read(), r.Error);
        Assert.AreEqual("a\nb\"c\\dA\uD83D\uDE00/\b\f\r\té暴", r.GetString());
    }

    [TestMethod]
    public void Reads_a_string_of_exactly_maxStringBytes_including_multi_byte_characters()
    {
        JsonReader r = ReaderFor("[\"12345678\",\"123456é\",\"12暴雨\"]", 8);

        r.Read();
        r.Read();
        Assert.AreEqual("12345678", r.GetString());
        r.Read();
        Assert.AreEqual("123456é", r.GetString());
        r.Read();
        Assert.AreEqual("12暴雨", r.GetString());
        Assert.IsTrue(ReadsToTheEnd(r), r.Error);
    }

    [TestMethod]
    public void Reports_the_string_token_span_from_quote_to_quote()
    {
        JsonReader r = ReaderFor("{\"a\": \"xyz\"}");

        r.Read();
        r.Read();
        r.Read();
        Assert.AreEqual(6, r.TokenStart);
        Assert.AreEqual(11, r.TokenEnd);
    }

    [TestMethod]
    public void IsComplete_only_after_the_whole_document()
    {
        JsonReader r = ReaderFor("{\"a\":1} \r\n\t");

        Assert.IsFalse(r.IsComplete);
        r.Read();
        r.Read();
        r.Read();
        Assert.IsFalse(r.IsComplete);
        r.Read();
        Assert.IsTrue(r.IsComplete);
        Assert.IsFalse(r.Read());
        Assert.IsNull(r.Error);
        Assert.IsTrue(r.IsComplete);
    }

    [TestMethod]
    public void IsComplete_is_false_when_data_follows_the_document()
    {
        JsonReader r = ReaderFor("{} x");

        r.Read();
        r.Read();
        Assert.IsFalse(r.IsComplete);
    }

    [TestMethod]
    public void Reads_only_the_window_given_to_Reset()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("xx[123]yy");
        var r = new JsonReader(16);
        r.Reset(bytes, 2, 5);

        Assert.IsTrue(ReadsToTheEnd(r), r.Error);

        r.Reset(bytes, 3, 2);
        Assert.IsTrue(r.Read());
        Assert.IsTrue(r.TryGetInt64(out long n));
        Assert.AreEqual(12L, n);
        Assert.IsTrue(r.IsComplete);
    }

    [TestMethod]
    public void Does_not_read_past_the_window_to_finish_a_token()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("[\"ab\"]");
        var r = new JsonReader(16);

        r.Reset(bytes, 0, 4);
        Assert.IsTrue(r.Read());
        Assert.IsFalse(r.Read(), "the closing quote lies outside the window");
        Assert.IsNotNull(r.Error);
    }

    [TestMethod]
    public void Can_be_reused_after_a_failure()
    {
        var r = new JsonReader(16);
        byte[] bad = Encoding.UTF8.GetBytes("[1,]");
        byte[] good = Encoding.UTF8.GetBytes("[1]");

        r.Reset(bad, 0, bad.Length);
        Assert.IsFalse(ReadsToTheEnd(r));
        r.Reset(good, 0, good.Length);
        Assert.IsNull(r.Error);
        Assert.IsTrue(ReadsToTheEnd(r), r.Error);
    }

    [TestMethod]
    public void GetString_is_null_on_tokens_that_are_not_strings()
    {
        JsonReader r = ReaderFor("[1,true]");

        Assert.IsNull(r.GetString());
        r.Read();
        Assert.IsNull(r.GetString());
        r.Read();
        Assert.IsNull(r.GetString());
    }

    [TestMethod]
    public void TryGetBool_reads_true_and_false_only()
    {
        JsonReader r = ReaderFor("[true,false,1]");

        r.Read();
        r.Read();
        Assert.IsTrue(r.TryGetBool(out bool value));
        Assert.IsTrue(value);
        r.Read();
        Assert.IsTrue(r.TryGetBool(out value));
        Assert.IsFalse(value);
        r.Read();
        Assert.IsFalse(r.TryGetBool(out _));
    }

    internal static JsonReader ReaderFor(string json, int maxStringBytes = 64)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        var r = new JsonReader(maxStringBytes);
        r.Reset(bytes, 0, bytes.Length);
        return r;
    }

    internal static bool ReadsToTheEnd(JsonReader r)
    {
        for (int guard = 0; guard < 100_000 && r.Read(); guard++)
        {
        }

        return r.Error == null && r.IsComplete;
    }
}
