using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.TestSupport;

namespace Tocsin.Firmware.BroadcastNode.Tests.Hardware;

[TestClass]
public sealed class BroadcastPinMapTests
{
    // The ESP32's strapping pins: the bootloader samples or drives them at reset, so a relay or the
    // siren on one of them would click or chirp on every boot.
    private static readonly int[] StrappingPins = { 0, 2, 5, 12, 15 };

    // GPIO 34-39 have no output driver.
    private static readonly int[] InputOnlyPins = { 34, 35, 36, 37, 38, 39 };

    private static readonly string[] Outputs =
    {
        nameof(BroadcastPins.AmplifierPower), nameof(BroadcastPins.Zone1), nameof(BroadcastPins.Zone2),
        nameof(BroadcastPins.Zone3), nameof(BroadcastPins.Zone4), nameof(BroadcastPins.SirenPwm),
    };

    [TestMethod]
    public void The_pin_map_document_and_the_code_agree()
    {
        var documented = PinMapDocument.ReadGpioTable(RepoPaths.Combine("hardware", "broadcast-node", "pin-map.md"));
        var code = Pins();

        CollectionAssert.AreEquivalent(code.Keys.ToList(), documented.Keys.ToList());
        foreach (var (name, gpio) in code)
        {
            Assert.AreEqual(gpio, documented[name], name);
        }
    }

    [TestMethod]
    public void No_two_functions_share_a_pin()
    {
        var pins = Pins().Values.ToList();
        Assert.AreEqual(pins.Count, pins.Distinct().Count());
    }

    [TestMethod]
    public void Relays_and_the_siren_stay_off_strapping_and_input_only_pins()
    {
        var pins = Pins();
        foreach (string name in Outputs)
        {
            Assert.IsFalse(StrappingPins.Contains(pins[name]), name + " is on a strapping pin");
            Assert.IsFalse(InputOnlyPins.Contains(pins[name]), name + " is on an input-only pin");
        }
    }

    [TestMethod]
    public void Analog_inputs_are_on_their_ADC1_channels()
    {
        // ADC1 channel n on the WROOM-32: CH0 GPIO36, CH3 GPIO39, CH4 GPIO32, CH5 GPIO33, CH6 GPIO34, CH7 GPIO35.
        var adc1 = new Dictionary<int, int> { [0] = 36, [3] = 39, [4] = 32, [5] = 33, [6] = 34, [7] = 35 };
        Assert.AreEqual(BroadcastPins.AmpCurrentAdc, adc1[BroadcastPins.AmpCurrentAdcChannel]);
        Assert.AreEqual(BroadcastPins.BatteryAdc, adc1[BroadcastPins.BatteryAdcChannel]);
    }

    private static Dictionary<string, int> Pins() =>
        typeof(BroadcastPins).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && !f.Name.EndsWith("Channel", StringComparison.Ordinal))
            .ToDictionary(f => f.Name, f => (int)f.GetRawConstantValue());
}
