using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.Config;

namespace Tocsin.Firmware.Tests.Config;

[TestClass]
public sealed class TextAlphabetTests
{
    [TestMethod]
    public void Identifier_allows_letters_digits_dot_underscore_dash_colon_only()
    {
        foreach (char c in "azAZ09._-:")
        {
            Assert.IsTrue(TextAlphabet.Allows(TextAlphabet.Identifier, c), c.ToString());
        }

        foreach (char c in "/ #+*\t\"'\\é暴\u007f\u0000,;=")
        {
            Assert.IsFalse(TextAlphabet.Allows(TextAlphabet.Identifier, c), ((int)c).ToString());
        }
    }

    [TestMethod]
    public void Host_allows_host_names_and_IPv4_and_IPv6_addresses()
    {
        foreach (char c in "azAZ09.-:")
        {
            Assert.IsTrue(TextAlphabet.Allows(TextAlphabet.Host, c), c.ToString());
        }

        foreach (char c in "_/ @#é")
        {
            Assert.IsFalse(TextAlphabet.Allows(TextAlphabet.Host, c), c.ToString());
        }
    }

    [TestMethod]
    public void Printable_allows_space_punctuation_and_any_non_ASCII_but_no_control_characters()
    {
        foreach (char c in " ~!\"#/\\é暴\u00a0\uFFFD")
        {
            Assert.IsTrue(TextAlphabet.Allows(TextAlphabet.Printable, c), ((int)c).ToString());
        }

        foreach (char c in "\u0000\t\n\r\u001b\u001f\u007f")
        {
            Assert.IsFalse(TextAlphabet.Allows(TextAlphabet.Printable, c), ((int)c).ToString());
        }
    }

    [TestMethod]
    public void Describe_words_each_alphabet_for_error_messages()
    {
        Assert.AreEqual("letters, digits, '.', '_', '-', ':'", TextAlphabet.Describe(TextAlphabet.Identifier));
        Assert.AreEqual("a host name or IP address", TextAlphabet.Describe(TextAlphabet.Host));
        Assert.AreEqual("printable characters", TextAlphabet.Describe(TextAlphabet.Printable));
    }
}
