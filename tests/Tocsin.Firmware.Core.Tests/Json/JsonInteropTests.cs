using System;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.Json;
using JsonTokenType = Tocsin.Firmware.Json.JsonTokenType;

namespace Tocsin.Firmware.Tests.Json;

/// <summary>Cross-checks the firmware's JSON against System.Text.Json, in both directions.</summary>
[TestClass]
public sealed class JsonInteropTests
{
    private const string Title = "暴雨红色预警 🚨";
    private const string Awkward = "quote\" backslash\\ slash/ nl\n cr\r tab\t nul\u0000 bell\u0007 us\u001f del\u007f é \uFFFF";

    [TestMethod]
    public void Writer_output_with_every_value_type_parses_with_System_Text_Json()
    {
        byte[] json = EveryValueType();

        using JsonDocument doc = JsonDocument.Parse(json);
        JsonElement root = doc.RootElement;
        Assert.AreEqual(Title, root.GetProperty("title").GetString());
        Assert.AreEqual(Awkward, root.GetProperty("awkward").GetString());
        Assert.AreEqual(string.Empty, root.GetProperty("empty").GetString());
        Assert.AreEqual(long.MinValue, root.GetProperty("min").GetInt64());
        Assert.AreEqual(long.MaxValue, root.GetProperty("max").GetInt64());
        Assert.AreEqual(12.5m, root.GetProperty("fixed").GetDecimal());
        Assert.AreEqual(-0.05m, root.GetProperty("small").GetDecimal());
        Assert.AreEqual(JsonValueKind.True, root.GetProperty("yes").ValueKind);
        Assert.AreEqual(JsonValueKind.False, root.GetProperty("no").ValueKind);
        Assert.AreEqual(JsonValueKind.Null, root.GetProperty("nothing").ValueKind);
        Assert.AreEqual(JsonValueKind.Null, root.GetProperty("nullString").ValueKind);
        JsonElement list = root.GetProperty("list");
        Assert.AreEqual(5, list.GetArrayLength());
        Assert.AreEqual(0, list[1].GetArrayLength());
        Assert.AreEqual(JsonValueKind.Object, list[2].ValueKind);
        Assert.AreEqual(3, list[3].GetProperty("raw").GetInt32());
        Assert.AreEqual("\uD83D\uDE00", list[4].GetString());
        Assert.AreEqual("v", root.GetProperty("nested").GetProperty("deeper").GetProperty("k").GetString());
    }

    [TestMethod]
    public void Writer_output_with_every_value_type_reads_back_with_the_firmware_reader()
    {
        byte[] json = EveryValueType();
        var r = new JsonReader(256);
        r.Reset(json, 0, json.Length);

        Assert.IsTrue(r.Read());
        Assert.AreEqual(Title, NextString(r, "title"));
        Assert.AreEqual(Awkward, NextString(r, "awkward"));
        Assert.AreEqual(string.Empty, NextString(r, "empty"));
        Assert.AreEqual(long.MinValue, NextInt64(r, "min"));
        Assert.AreEqual(long.MaxValue, NextInt64(r, "max"));
        Assert.IsTrue(r.Read() && r.NameEquals("fixed") && r.Read());
        Assert.IsTrue(r.TryGetFixed(1, out long scaled));
        Assert.AreEqual(125L, scaled);
        Assert.IsTrue(r.Read() && r.NameEquals("small") && r.Read());
        Assert.IsTrue(r.TryGetFixed(2, out scaled));
        Assert.AreEqual(-5L, scaled);
        Assert.IsTrue(r.Read() && r.NameEquals("yes") && r.Read() && r.TokenType == JsonTokenType.True);
        Assert.IsTrue(r.Read() && r.NameEquals("no") && r.Read() && r.TokenType == JsonTokenType.False);
        Assert.IsTrue(r.Read() && r.NameEquals("nothing") && r.Read() && r.TokenType == JsonTokenType.Null);
        Assert.IsTrue(r.Read() && r.NameEquals("nullString") && r.Read() && r.TokenType == JsonTokenType.Null);
        Assert.IsTrue(r.Read() && r.NameEquals("list") && r.SkipNextValue());
        Assert.IsTrue(r.Read() && r.NameEquals("nested") && r.SkipNextValue());
        Assert.IsTrue(r.Read());
        Assert.AreEqual(JsonTokenType.EndObject, r.TokenType);
        Assert.IsFalse(r.Read());
        Assert.IsNull(r.Error);
        Assert.IsTrue(r.IsComplete);
    }

    [TestMethod]
    public void Random_text_survives_writer_then_System_Text_Json_and_the_firmware_reader()
    {
        var random = new Random(20240601);
        var r = new JsonReader(1024);
        for (int round = 0; round < 300; round++)
        {
            string text = RandomText(random, random.Next(0, 40));
            var w = new JsonWriter(1024);
            w.BeginArray();
            w.String(text);
            w.EndArray();
            byte[] json = w.ToArray();

            using JsonDocument doc = JsonDocument.Parse(json);
            Assert.AreEqual(text, doc.RootElement[0].GetString(), "System.Text.Json, round " + round);
            r.Reset(json, 0, json.Length);
            Assert.IsTrue(r.Read() && r.Read(), r.Error);
            Assert.AreEqual(text, r.GetString(), "firmware reader, round " + round);
            Assert.IsTrue(r.NameEquals(text));
        }
    }

    [TestMethod]
    public void Reads_System_Text_Json_output_with_default_escaping_of_non_ASCII()
    {
        AssertReadsDotnetOutput(new JsonWriterOptions());
    }

    [TestMethod]
    public void Reads_System_Text_Json_output_with_raw_UTF_8_and_indentation()
    {
        AssertReadsDotnetOutput(new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true });
    }

    [TestMethod]
    [DataRow("0")]
    [DataRow("-0")]
    [DataRow("-0.0e-0")]
    [DataRow("1E+5")]
    [DataRow("[]")]
    [DataRow("{}")]
    [DataRow(" [ 1 , { \"a\" : null } ]\r\n")]
    [DataRow("\"\\u00e9\\/\\b\"")]
    [DataRow("{\"a\":1,\"a\":2}")]
    [DataRow("\"\u007f\"")]
    public void Accepts_what_System_Text_Json_accepts(string json)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        using (JsonDocument.Parse(bytes))
        {
        }

        Assert.IsTrue(JsonReaderTests.ReadsToTheEnd(JsonReaderTests.ReaderFor(json)));
    }

    [TestMethod]
    [DataRow("01")]
    [DataRow("1.")]
    [DataRow("-")]
    [DataRow(".5")]
    [DataRow("+1")]
    [DataRow("1e")]
    [DataRow("[1,]")]
    [DataRow("{\"a\":1,}")]
    [DataRow("{\"a\" 1}")]
    [DataRow("\"abc")]
    [DataRow("\"a\tb\"")]
    [DataRow("tru")]
    [DataRow("[1 2]")]
    [DataRow("{1:2}")]
    [DataRow("{'a':1}")]
    [DataRow("[\"\\x\"]")]
    [DataRow("[\"\\u12G4\"]")]
    [DataRow("[] []")]
    [DataRow("NaN")]
    [DataRow("{\"a\":1}}")]
    [DataRow("")]
    public void Rejects_what_System_Text_Json_rejects(string json)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        bool dotnetRejected = false;
        try
        {
            using (JsonDocument.Parse(bytes))
            {
            }
        }
        catch (JsonException)
        {
            dotnetRejected = true;
        }

        JsonReader r = JsonReaderTests.ReaderFor(json);
        Assert.IsTrue(dotnetRejected, "System.Text.Json should reject this too");
        Assert.IsFalse(JsonReaderTests.ReadsToTheEnd(r));
        Assert.IsNotNull(r.Error);
    }

    private static void AssertReadsDotnetOutput(JsonWriterOptions options)
    {
        using var stream = new MemoryStream();
        using (var dotnet = new Utf8JsonWriter(stream, options))
        {
            dotnet.WriteStartObject();
            dotnet.WriteString("title", Title);
            dotnet.WriteString("awkward", Awkward + "<>&'+");
            dotnet.WriteNumber("n", -1764000000000L);
            dotnet.WriteNumber("f", 12.5m);
            dotnet.WriteBoolean("b", true);
            dotnet.WriteNull("z");
            dotnet.WriteStartArray("a");
            dotnet.WriteStringValue("😀");
            dotnet.WriteEndArray();
            dotnet.WriteEndObject();
        }

        byte[] json = stream.ToArray();
        var r = new JsonReader(256);
        r.Reset(json, 0, json.Length);
        Assert.IsTrue(r.Read());
        Assert.AreEqual(Title, NextString(r, "title"));
        Assert.AreEqual(Awkward + "<>&'+", NextString(r, "awkward"));
        Assert.AreEqual(-1764000000000L, NextInt64(r, "n"));
        Assert.IsTrue(r.Read() && r.NameEquals("f") && r.Read());
        Assert.IsTrue(r.TryGetFixed(1, out long scaled));
        Assert.AreEqual(125L, scaled);
        Assert.IsTrue(r.Read() && r.NameEquals("b") && r.Read() && r.TryGetBool(out bool b) && b);
        Assert.IsTrue(r.Read() && r.NameEquals("z") && r.Read() && r.TokenType == JsonTokenType.Null);
        Assert.IsTrue(r.Read() && r.NameEquals("a") && r.Read() && r.Read());
        Assert.AreEqual("😀", r.GetString());
        Assert.IsTrue(r.ValueEquals("😀"));
        Assert.IsTrue(JsonReaderTests.ReadsToTheEnd(r), r.Error);
    }

    private static byte[] EveryValueType()
    {
        var w = new JsonWriter(1024);
        byte[] raw = Encoding.UTF8.GetBytes("{\"raw\":3}");
        w.BeginObject();
        w.Property("title", Title);
        w.Property("awkward", Awkward);
        w.Property("empty", string.Empty);
        w.Property("min", long.MinValue);
        w.Property("max", long.MaxValue);
        w.PropertyFixed("fixed", 125, 1);
        w.PropertyFixed("small", -5, 2);
        w.Property("yes", true);
        w.Property("no", false);
        w.Name("nothing");
        w.Null();
        w.Property("nullString", (string)null);
        w.Name("list");
        w.BeginArray();
        w.Number(0);
        w.BeginArray();
        w.EndArray();
        w.BeginObject();
        w.EndObject();
        w.Raw(raw, 0, raw.Length);
        w.String("\uD83D\uDE00");
        w.EndArray();
        w.Name("nested");
        w.BeginObject();
        w.Name("deeper");
        w.BeginObject();
        w.Property("k", "v");
        w.EndObject();
        w.EndObject();
        w.EndObject();
        Assert.IsFalse(w.Overflowed);
        return w.ToArray();
    }

    private static string NextString(JsonReader r, string name)
    {
        Assert.IsTrue(r.Read(), r.Error);
        Assert.IsTrue(r.NameEquals(name), "expected " + name);
        Assert.IsTrue(r.Read(), r.Error);
        Assert.AreEqual(JsonTokenType.String, r.TokenType);
        return r.GetString();
    }

    private static long NextInt64(JsonReader r, string name)
    {
        Assert.IsTrue(r.Read(), r.Error);
        Assert.IsTrue(r.NameEquals(name), "expected " + name);
        Assert.IsTrue(r.Read(), r.Error);
        Assert.IsTrue(r.TryGetInt64(out long value), name);
        return value;
    }

    // Any UTF-16 text without lone surrogates, weighted towards ASCII, controls, CJK and emoji.
    private static string RandomText(Random random, int length)
    {
        var sb = new StringBuilder();
        while (sb.Length < length)
        {
            switch (random.Next(6))
            {
                case 0:
                    sb.Append((char)random.Next(0, 0x20));
                    break;
                case 1:
                    sb.Append((char)random.Next(0x20, 0x80));
                    break;
                case 2:
                    sb.Append((char)random.Next(0x4E00, 0x9FFF));
                    break;
                case 3:
                    sb.Append(char.ConvertFromUtf32(random.Next(0x10000, 0x110000)));
                    break;
                case 4:
                    sb.Append((char)random.Next(0x80, 0xD800));
                    break;
                default:
                    sb.Append((char)random.Next(0xE000, 0x10000));
                    break;
            }
        }

        return sb.ToString();
    }
}
