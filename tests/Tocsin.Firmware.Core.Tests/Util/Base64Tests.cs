using System;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.Util;

namespace Tocsin.Firmware.Tests.Util;

[TestClass]
public sealed class Base64Tests
{
    [TestMethod]
    public void Decodes_what_Convert_ToBase64String_encodes_for_lengths_0_to_40()
    {
        var random = new Random(40);
        for (int length = 0; length <= 40; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);
            string text = Convert.ToBase64String(data);
            var output = new byte[length];

            Assert.IsTrue(Base64.TryDecode(text, output, out int written), "length " + length);
            Assert.AreEqual(length, written);
            CollectionAssert.AreEqual(data, output);
        }
    }

    [TestMethod]
    public void Decodes_a_range_of_bytes_in_place()
    {
        byte[] src = Encoding.ASCII.GetBytes("xxaGVsbG8=yy");
        var output = new byte[8];

        Assert.IsTrue(Base64.TryDecode(src, 2, 10, output, out int written));
        Assert.AreEqual("hello", Encoding.ASCII.GetString(output, 0, written));
    }

    [TestMethod]
    public void Decodes_every_alphabet_character()
    {
        const string all = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        var output = new byte[48];

        Assert.IsTrue(Base64.TryDecode(all, output, out int written));
        Assert.AreEqual(48, written);
        CollectionAssert.AreEqual(Convert.FromBase64String(all), output);
    }

    [TestMethod]
    [DataRow("ab!d")]
    [DataRow("ab d")]
    [DataRow("ab-d")]
    [DataRow("ab_d")]
    [DataRow("abé=")]
    [DataRow("ab\nd")]
    [DataRow("ab.d")]
    public void Rejects_characters_outside_the_alphabet(string text)
    {
        Assert.IsFalse(Base64.TryDecode(text, new byte[16], out _));
    }

    [TestMethod]
    [DataRow("ab=c")]
    [DataRow("a===")]
    [DataRow("====")]
    [DataRow("=abc")]
    [DataRow("ab==abcd")]
    [DataRow("abc=abcd")]
    [DataRow("a=bc")]
    public void Rejects_bad_padding(string text)
    {
        Assert.IsFalse(Base64.TryDecode(text, new byte[16], out _));
    }

    [TestMethod]
    [DataRow("a")]
    [DataRow("ab")]
    [DataRow("abc")]
    [DataRow("ab=")]
    [DataRow("abcde")]
    [DataRow("aGVsbG8")]
    public void Rejects_a_length_that_is_not_a_multiple_of_four(string text)
    {
        Assert.IsFalse(Base64.TryDecode(text, new byte[16], out _));
    }

    [TestMethod]
    public void Rejects_output_that_does_not_fit()
    {
        string text = Convert.ToBase64String(new byte[33]);

        Assert.IsFalse(Base64.TryDecode(text, new byte[32], out _));
        Assert.IsTrue(Base64.TryDecode(text, new byte[33], out int written));
        Assert.AreEqual(33, written);
        Assert.IsFalse(Base64.TryDecode("aGVsbG8=", new byte[4], out _));
    }

    [TestMethod]
    public void Rejects_null_and_accepts_empty()
    {
        Assert.IsFalse(Base64.TryDecode(null, new byte[4], out _));
        Assert.IsTrue(Base64.TryDecode(string.Empty, Array.Empty<byte>(), out int written));
        Assert.AreEqual(0, written);
    }
}
