using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.Console;

namespace Tocsin.Firmware.Tests.Console;

[TestClass]
public sealed class ConsoleArgsTests
{
    [TestMethod]
    public void Splits_words_on_spaces_and_tabs()
    {
        var args = new ConsoleArgs();

        Assert.IsTrue(args.Parse("  config\tset   mqtt.port \t 8883  "));
        Assert.IsNull(args.Error);
        CollectionAssert.AreEqual(new[] { "config", "set", "mqtt.port", "8883" }, Words(args));
    }

    [TestMethod]
    public void Quotes_group_words_and_are_removed()
    {
        var args = new ConsoleArgs();

        Assert.IsTrue(args.Parse("config set wifi.ssid \"my home\twifi\""));
        CollectionAssert.AreEqual(new[] { "config", "set", "wifi.ssid", "my home\twifi" }, Words(args));
    }

    [TestMethod]
    public void Quotes_may_start_or_end_inside_a_word()
    {
        var args = new ConsoleArgs();

        Assert.IsTrue(args.Parse("ab\"c d\"e f"));
        CollectionAssert.AreEqual(new[] { "abc de", "f" }, Words(args));
    }

    [TestMethod]
    public void A_backslash_inside_quotes_escapes_the_next_character()
    {
        var args = new ConsoleArgs();

        Assert.IsTrue(args.Parse("say \"he said \\\"hi\\\" \\\\ ok\""));
        CollectionAssert.AreEqual(new[] { "say", "he said \"hi\" \\ ok" }, Words(args));
    }

    [TestMethod]
    public void A_backslash_outside_quotes_is_literal()
    {
        var args = new ConsoleArgs();

        Assert.IsTrue(args.Parse("path a\\b c\\"));
        CollectionAssert.AreEqual(new[] { "path", "a\\b", "c\\" }, Words(args));
    }

    [TestMethod]
    public void Empty_quotes_make_an_empty_word()
    {
        var args = new ConsoleArgs();

        Assert.IsTrue(args.Parse("config set wifi.pass \"\""));
        Assert.AreEqual(4, args.Count);
        Assert.AreEqual(string.Empty, args.Get(3));
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("   ")]
    [DataRow("\t \t")]
    public void An_empty_or_blank_line_has_no_words(string line)
    {
        var args = new ConsoleArgs();

        Assert.IsTrue(args.Parse(line));
        Assert.AreEqual(0, args.Count);
        Assert.IsNull(args.Get(0));
    }

    [TestMethod]
    public void Accepts_MaxWords_words_and_refuses_one_more()
    {
        var args = new ConsoleArgs();
        string sixteen = string.Join(" ", Enumerable.Repeat("w", ConsoleArgs.MaxWords));

        Assert.IsTrue(args.Parse(sixteen));
        Assert.AreEqual(ConsoleArgs.MaxWords, args.Count);

        Assert.IsFalse(args.Parse(sixteen + " extra"));
        Assert.AreEqual("too many words (at most 16)", args.Error);
    }

    [TestMethod]
    [DataRow("say \"unterminated")]
    [DataRow("\"")]
    [DataRow("say \"ends with escape\\\"")]
    [DataRow("a \"b\" \"c")]
    public void An_unterminated_quote_is_an_error(string line)
    {
        var args = new ConsoleArgs();

        Assert.IsFalse(args.Parse(line));
        Assert.AreEqual("unterminated quote", args.Error);
    }

    [TestMethod]
    public void Parse_starts_afresh_after_an_error()
    {
        var args = new ConsoleArgs();
        args.Parse("\"bad");

        Assert.IsTrue(args.Parse("good line"));
        Assert.IsNull(args.Error);
        Assert.AreEqual(2, args.Count);
    }

    [TestMethod]
    public void Get_past_the_end_is_null()
    {
        var args = new ConsoleArgs();
        args.Parse("one two three");
        args.Parse("one");

        Assert.AreEqual("one", args.Get(0));
        Assert.IsNull(args.Get(1));
        Assert.IsNull(args.Get(16));
    }

    [TestMethod]
    public void Keeps_non_ASCII_words_intact()
    {
        var args = new ConsoleArgs();

        Assert.IsTrue(args.Parse("config set wifi.ssid 暴雨红色预警🚨"));
        Assert.AreEqual("暴雨红色预警🚨", args.Get(3));
    }

    private static string[] Words(ConsoleArgs args)
    {
        var words = new string[args.Count];
        for (int i = 0; i < words.Length; i++)
        {
            words[i] = args.Get(i);
        }

        return words;
    }
}
