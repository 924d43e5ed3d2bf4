using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.BroadcastNode.Audio;

namespace Tocsin.Firmware.BroadcastNode.Tests.Audio;

[TestClass]
public sealed class SirenPatternTests
{
    [TestMethod]
    public void A_wail_sweeps_between_600_and_1200_Hz_every_eight_seconds()
    {
        Assert.AreEqual(600, SirenPattern.FrequencyAt(SirenPattern.Wail, 0));
        Assert.AreEqual(1200, SirenPattern.FrequencyAt(SirenPattern.Wail, 4_000));
        Assert.AreEqual(900, SirenPattern.FrequencyAt(SirenPattern.Wail, 6_000));
        Assert.AreEqual(600, SirenPattern.FrequencyAt(SirenPattern.Wail, 8_000));
    }

    [TestMethod]
    [DataRow("pulse", 500, 900)]
    [DataRow("pulse", 1_500, 0)]
    [DataRow("hilo", 250, 1000)]
    [DataRow("hilo", 750, 700)]
    [DataRow("steady", 12_345, 900)]
    [DataRow("none", 0, 0)]
    public void Patterns_give_their_frequency_at_a_moment(string name, long atMs, int hz)
    {
        Assert.AreEqual(hz, SirenPattern.FrequencyAt(SirenPattern.Parse(name), atMs));
    }

    [TestMethod]
    public void An_unknown_pattern_name_is_not_a_pattern()
    {
        Assert.AreEqual(SirenPattern.Unknown, SirenPattern.Parse("whoop"));
    }
}
