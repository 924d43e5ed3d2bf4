using System.Text;
using Tocsin.Controller.Ingest;
using Xunit;

namespace Tocsin.Controller.Tests.Ingest;

/// <summary>Flattened measurement names are shared between messages, and odd names still come out right.</summary>
public sealed class MeasurementKeysTests
{
    private static HeartbeatMessage Heartbeat(string json) =>
        Assert.IsType<HeartbeatMessage>(NodeMessageParser.Parse("tocsin/v1/node/bn-1/hb", Encoding.UTF8.GetBytes(json).AsMemory()).Message);

    [Fact]
    public void Two_messages_share_the_same_name_strings()
    {
        HeartbeatMessage a = Heartbeat("""{"batt_mv":12650,"relays":{"fault":0}}""");
        HeartbeatMessage b = Heartbeat("""{"relays":{"fault":1},"batt_mv":12600}""");

        Assert.Same(a.Measurements.Keys.Single(k => k == "batt_mv"), b.Measurements.Keys.Single(k => k == "batt_mv"));
        Assert.Same(a.Measurements.Keys.Single(k => k == "relays.fault"), b.Measurements.Keys.Single(k => k == "relays.fault"));
        Assert.Equal(1, b.Measurements["relays.fault"]);
    }

    [Fact]
    public void Escaped_non_ascii_and_long_names_are_decoded_as_written()
    {
        string longName = new('x', 80);
        HeartbeatMessage m = Heartbeat("{\"a\\u0062\":1,\"温度\":{\"c\":21.5},\"" + longName + "\":true,\"ok\":false,\"t\":5}");

        Assert.Equal(new Dictionary<string, double> { ["ab"] = 1, ["温度.c"] = 21.5, [longName] = 1, ["ok"] = 0 }, m.Measurements);
    }

    [Fact]
    public void Faults_are_an_array_of_strings_or_refused()
    {
        Assert.Empty(Heartbeat("""{"faults":[]}""").Faults);
        Assert.Equal(["amplifier", "mains"], Heartbeat("""{"faults":["amplifier","mains"]}""").Faults);
        Assert.Equal("hb: \"faults\" must be an array of strings",
            NodeMessageParser.Parse("tocsin/v1/node/bn-1/hb", Encoding.UTF8.GetBytes("""{"faults":["amplifier",3]}""").AsMemory()).Error);
        Assert.Equal("hb: \"faults\" must be an array of strings",
            NodeMessageParser.Parse("tocsin/v1/node/bn-1/hb", Encoding.UTF8.GetBytes("""{"faults":"amplifier"}""").AsMemory()).Error);
    }
}
