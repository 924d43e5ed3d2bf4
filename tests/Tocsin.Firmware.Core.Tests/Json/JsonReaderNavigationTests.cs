using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.Json;

namespace Tocsin.Firmware.Tests.Json;

/// <summary>Walking objects: matching names with NameEquals and skipping unknown fields.</summary>
[TestClass]
public sealed class JsonReaderNavigationTests
{
    [TestMethod]
    public void NameEquals_compares_unescaped_names_exactly()
    {
        JsonReader r = JsonReaderTests.ReaderFor("{\"kind\":1,\"\":2}");

        r.Read();
        r.Read();
        Assert.IsTrue(r.NameEquals("kind"));
        Assert.IsFalse(r.NameEquals("kin"));
        Assert.IsFalse(r.NameEquals("kinds"));
        Assert.IsFalse(r.NameEquals("Kind"));
        Assert.IsFalse(r.NameEquals(string.Empty));
        r.Read();
        Assert.IsFalse(r.NameEquals("1"), "a number is not a name");
        r.Read();
        Assert.IsTrue(r.NameEquals(string.Empty));
        Assert.IsFalse(r.NameEquals("k"));
    }

    [TestMethod]
    public void NameEquals_decodes_escaped_names_before_comparing()
    {
        JsonReader r = JsonReaderTests.ReaderFor("{\"\\u006bind\":1,\"a\\\"b\":2,\"\\uD83D\\uDE00\":3,\"\\u66b4\\u96e8\":4}");

        r.Read();
        r.Read();
        Assert.IsTrue(r.NameEquals("kind"));
        Assert.IsFalse(r.NameEquals("\\u006bind"));
        r.Read();
        r.Read();
        Assert.IsTrue(r.NameEquals("a\"b"));
        r.Read();
        r.Read();
        Assert.IsTrue(r.NameEquals("😀"));
        r.Read();
        r.Read();
        Assert.IsTrue(r.NameEquals("暴雨"));
        Assert.IsFalse(r.NameEquals("暴"));
    }

    [TestMethod]
    public void NameEquals_matches_raw_emoji_only_against_the_whole_surrogate_pair()
    {
        JsonReader r = JsonReaderTests.ReaderFor("{\"😀\":1}");

        r.Read();
        r.Read();
        Assert.IsTrue(r.NameEquals("\uD83D\uDE00"));
        Assert.IsFalse(r.NameEquals("\uD83D"));
        Assert.IsFalse(r.NameEquals("\uD83D\uDE01"));
        Assert.IsFalse(r.NameEquals("\uD83D\uDE00x"));
    }

    [TestMethod]
    public void Skips_unknown_fields_of_any_shape_with_SkipNextValue()
    {
        JsonReader r = JsonReaderTests.ReaderFor("{\"unknown\":{\"deep\":[1,{\"x\":[true,null]}],\"s\":\"}]\"},\"n\":5,\"keep\":7,\"arr\":[[],{}]}");
        long kept = -1;

        Assert.IsTrue(r.Read());
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.NameEquals("keep"))
            {
                Assert.IsTrue(r.Read());
                Assert.IsTrue(r.TryGetInt64(out kept));
            }
            else
            {
                Assert.IsTrue(r.SkipNextValue(), r.Error);
            }
        }

        Assert.AreEqual(7L, kept);
        Assert.AreEqual(JsonTokenType.EndObject, r.TokenType);
        Assert.IsNull(r.Error);
        Assert.IsTrue(r.IsComplete);
    }

    [TestMethod]
    public void Skip_on_a_container_leaves_TokenEnd_just_past_its_end()
    {
        const string json = "{\"a\":[1,[2,3],{\"b\":4}],\"c\":1}";
        JsonReader r = JsonReaderTests.ReaderFor(json);

        r.Read();
        r.Read();
        r.Read();
        Assert.AreEqual(JsonTokenType.BeginArray, r.TokenType);
        int start = r.TokenStart;
        Assert.IsTrue(r.Skip());
        Assert.AreEqual(JsonTokenType.EndArray, r.TokenType);
        Assert.AreEqual("[1,[2,3],{\"b\":4}]", json.Substring(start, r.TokenEnd - start));
        Assert.IsTrue(r.Read());
        Assert.IsTrue(r.NameEquals("c"));
    }

    [TestMethod]
    public void Skip_on_a_scalar_does_nothing()
    {
        JsonReader r = JsonReaderTests.ReaderFor("[\"x\",2]");

        r.Read();
        r.Read();
        Assert.IsTrue(r.Skip());
        Assert.AreEqual(JsonTokenType.String, r.TokenType);
        Assert.IsTrue(r.Read());
        Assert.AreEqual(JsonTokenType.Number, r.TokenType);
    }

    [TestMethod]
    public void Skip_reports_an_error_inside_the_skipped_value()
    {
        JsonReader r = JsonReaderTests.ReaderFor("{\"u\":[1,2,},\"k\":1}");

        r.Read();
        r.Read();
        Assert.IsFalse(r.SkipNextValue());
        Assert.IsNotNull(r.Error);
        Assert.IsFalse(r.Read());
    }
}
