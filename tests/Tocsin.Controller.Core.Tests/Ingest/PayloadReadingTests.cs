using System.Text;
using Tocsin.Controller.Ingest;
using Xunit;

namespace Tocsin.Controller.Tests.Ingest;

/// <summary>
/// How a payload's members are found, read once front to back: the answers a parsed JSON document
/// gives (the last of duplicate members, null as absent, escaped names and values decoded, numbers as
/// its elements read them), every member looked for in its own object, and the whole payload checked.
/// </summary>
public sealed class PayloadReadingTests
{
    private static MessageParseResult Parse(string topic, string json) => NodeMessageParser.Parse(topic, Encoding.UTF8.GetBytes(json).AsMemory());

    [Fact]
    public void The_last_of_duplicate_members_counts()
    {
        var r = Assert.IsType<ReportMessage>(Parse("tocsin/v1/node/sn-1/report", """{"ep":1,"seq":1,"seq":5,"type":"reading"}""").Message);
        Assert.Equal(5, r.Header.Seq);
        Assert.Equal("hb: \"ob.q\" must be a non-negative integer", Parse("tocsin/v1/node/bn-1/hb", """{"ob":{"q":1},"ob":{"q":-1}}""").Error);
    }

    [Fact]
    public void A_null_member_counts_as_absent()
    {
        var r = Assert.IsType<ReportMessage>(Parse("tocsin/v1/node/sn-1/report", """{"ep":1,"seq":3,"type":null,"batt_mv":null}""").Message);
        Assert.Null(r.Type);
        Assert.Null(r.BatteryMv);
        Assert.Equal("report: \"seq\" is required", Parse("tocsin/v1/node/sn-1/report", """{"ep":1,"seq":null}""").Error);
    }

    [Fact]
    public void Escaped_names_and_values_are_read_decoded()
    {
        var hb = Assert.IsType<HeartbeatMessage>(Parse("tocsin/v1/node/bn-1/hb", """{"\u0063fg":"o\u006b","faults":["amp\u006cifier"],"o\u0062":{"\u0071":2}}""").Message);
        Assert.Equal("ok", hb.ConfigState);
        Assert.Equal(["amplifier"], hb.Faults);
        Assert.Equal(2, hb.Outbox!.Queued);
    }

    [Fact]
    public void A_member_is_looked_for_in_its_own_object_only()
    {
        // "level" at the root is not the depth's, and the depth's "mm" is not the root's.
        var r = Assert.IsType<ReportMessage>(Parse("tocsin/v1/node/sn-1/report", """{"ep":1,"seq":2,"level":"red","depth":{"mm":3,"seq":9},"rain":{"signal":"blue"}}""").Message);
        Assert.Null(r.DepthLevel);
        Assert.Equal(SensorLevel.Blue, r.RainSignal);
        Assert.Equal(2, r.Header.Seq);
    }

    [Fact]
    public void Structures_deeper_than_any_reader_looks_are_read_past_and_still_checked()
    {
        const string deep = """{"x":{"y":{"z":[1,{"w":[true,null]}]}},"ob":{"q":1,"more":{"a":[1,[2]]}},"faults":[],"cfg":"ok"}""";
        var hb = Assert.IsType<HeartbeatMessage>(Parse("tocsin/v1/node/bn-1/hb", deep).Message);
        Assert.Equal(("ok", 1L), (hb.ConfigState, hb.Outbox!.Queued));
        Assert.Equal("hb: payload is not valid JSON", Parse("tocsin/v1/node/bn-1/hb", """{"x":{"y":{"z":[1,{"w":[tru]}]}}}""").Error);
        string seventeen = new string('[', 16) + new string(']', 16);
        Assert.Equal("hb: payload is not valid JSON", Parse("tocsin/v1/node/bn-1/hb", "{\"x\":" + seventeen + "}").Error);
        Assert.True(Parse("tocsin/v1/node/bn-1/hb", "{\"x\":" + seventeen[1..^1] + "}").Succeeded, "fifteen arrays in the root object are sixteen levels");
    }

    [Theory]
    [InlineData("""{"faults":["a",1]}""", "hb: \"faults\" must be an array of strings")]
    [InlineData("""{"faults":[["a"]]}""", "hb: \"faults\" must be an array of strings")]
    [InlineData("""{"faults":"a"}""", "hb: \"faults\" must be an array of strings")]
    [InlineData("""{"t":1.0}""", "hb: \"t\" must be a non-negative integer")]
    [InlineData("""{"t":99999999999999999999}""", "hb: \"t\" must be a non-negative integer")]
    [InlineData("""{"ob":[1]}""", "hb: \"ob\" must be an object")]
    [InlineData("""{"ob":{"q":{"n":1}}}""", "hb: \"ob.q\" must be a non-negative integer")]
    [InlineData("""{"t":1} x""", "hb: payload is not valid JSON")]
    [InlineData("""{"t":1}{}""", "hb: payload is not valid JSON")]
    [InlineData("", "hb: payload is not valid JSON")]
    [InlineData("  ", "hb: payload is not valid JSON")]
    [InlineData("42", "hb: payload must be a JSON object")]
    [InlineData("\"x\"", "hb: payload must be a JSON object")]
    public void What_is_wrong_is_named(string json, string error)
    {
        MessageParseResult r = Parse("tocsin/v1/node/bn-1/hb", json);
        Assert.False(r.Succeeded);
        Assert.Equal(error, r.Error);
    }

    [Fact]
    public void Numbers_read_as_a_documents_elements_read_them()
    {
        var r = Assert.IsType<ReportMessage>(Parse("tocsin/v1/node/sn-1/report", """{"ep":0,"seq":1,"batt_mv":3.9e3}""").Message);
        Assert.Equal(3900, r.BatteryMv);
        var huge = Assert.IsType<ReportMessage>(Parse("tocsin/v1/node/sn-1/report", """{"ep":0,"seq":1,"batt_mv":1e400}""").Message);
        Assert.Equal(int.MaxValue, huge.BatteryMv);
        var hb = Assert.IsType<HeartbeatMessage>(Parse("tocsin/v1/node/bn-1/hb", """{"hb_s":"300","rssi":-70}""").Message);
        Assert.Null(hb.HeartbeatS);
        Assert.Equal(-70, hb.RssiDbm);
        Assert.Equal("hb: \"rssi\" must be an integer", Parse("tocsin/v1/node/bn-1/hb", """{"rssi":-1e2}""").Error);
    }

    [Fact]
    public void A_thread_reads_payload_after_payload_without_one_leaking_into_the_next()
    {
        Assert.False(Parse("tocsin/v1/node/bn-1/hb", """{"cfg":"ok","ob":{"q":-1}}""").Succeeded);
        var hb = Assert.IsType<HeartbeatMessage>(Parse("tocsin/v1/node/bn-1/hb", """{"t":5}""").Message);
        Assert.Null(hb.ConfigState);
        Assert.Null(hb.Outbox);
        Assert.Empty(hb.Faults);
    }
}
