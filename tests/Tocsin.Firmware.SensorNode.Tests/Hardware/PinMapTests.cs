using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.TestSupport;

namespace Tocsin.Firmware.SensorNode.Tests.Hardware;

[TestClass]
public sealed class PinMapTests
{
    [TestMethod]
    public void The_pin_map_document_and_the_code_agree()
    {
        var documented = PinMapDocument.ReadGpioTable(RepoPaths.Combine("hardware", "sensor-node", "pin-map.md"));
        var code = typeof(SensorPins).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && !f.Name.EndsWith("Channel", StringComparison.Ordinal))
            .ToDictionary(f => f.Name, f => (int)f.GetRawConstantValue());

        CollectionAssert.AreEquivalent(code.Keys.ToList(), documented.Keys.ToList());
        foreach (var (name, gpio) in code)
        {
            Assert.AreEqual(gpio, documented[name], name);
        }
    }

    [TestMethod]
    public void No_two_functions_share_a_pin()
    {
        var pins = typeof(SensorPins).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && !f.Name.EndsWith("Channel", StringComparison.Ordinal)).Select(f => (int)f.GetRawConstantValue()).ToList();
        Assert.AreEqual(pins.Count, pins.Distinct().Count());
    }
}
