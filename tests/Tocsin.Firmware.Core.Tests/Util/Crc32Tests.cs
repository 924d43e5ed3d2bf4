using System;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.Util;

namespace Tocsin.Firmware.Tests.Util;

[TestClass]
public sealed class Crc32Tests
{
    [TestMethod]
    public void Computes_the_standard_check_value_of_123456789()
    {
        byte[] data = Encoding.ASCII.GetBytes("123456789");

        Assert.AreEqual(0xCBF43926u, Crc32.Compute(data, 0, data.Length));
    }

    [TestMethod]
    [DataRow("", 0x00000000u)]
    [DataRow("a", 0xE8B7BE43u)]
    [DataRow("abc", 0x352441C2u)]
    [DataRow("The quick brown fox jumps over the lazy dog", 0x414FA339u)]
    public void Matches_published_known_answers(string text, uint expected)
    {
        byte[] data = Encoding.ASCII.GetBytes(text);

        Assert.AreEqual(expected, Crc32.Compute(data, 0, data.Length));
    }

    [TestMethod]
    public void Covers_only_the_given_range()
    {
        byte[] data = Encoding.ASCII.GetBytes("xx123456789yy");

        Assert.AreEqual(0xCBF43926u, Crc32.Compute(data, 2, 9));
    }

    [TestMethod]
    public void Matches_a_table_driven_reference_on_random_data()
    {
        var random = new Random(7);
        for (int length = 0; length < 300; length += 7)
        {
            var data = new byte[length];
            random.NextBytes(data);

            Assert.AreEqual(Reference(data), Crc32.Compute(data, 0, length), "length " + length);
        }
    }

    [TestMethod]
    public void Changes_when_any_single_bit_flips()
    {
        byte[] data = Encoding.UTF8.GetBytes("{\"mqtt.port\":1883}");
        uint original = Crc32.Compute(data, 0, data.Length);

        for (int i = 0; i < data.Length * 8; i++)
        {
            data[i / 8] ^= (byte)(1 << (i % 8));
            Assert.IsFalse(original == Crc32.Compute(data, 0, data.Length), "bit " + i);
            data[i / 8] ^= (byte)(1 << (i % 8));
        }
    }

    private static uint Reference(byte[] data)
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        uint crc = 0xFFFFFFFFu;
        foreach (byte b in data)
        {
            crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
    }
}
