using System.Text;
using Tocsin.Controller.Ingest;
using Xunit;

namespace Tocsin.Controller.Tests.Ingest;

public sealed class NodeMessageParserTests
{
    private static MessageParseResult Parse(string topic, string json) => NodeMessageParser.Parse(topic, Encoding.UTF8.GetBytes(json).AsMemory());

    [Fact]
    public void An_online_status_is_parsed_with_its_details()
    {
        MessageParseResult r = Parse("tocsin/v1/node/bn-1/status", """{"state":"online","kind":"broadcast","fw":"0.1.0","boot":"power_on","cfg":"ok","ep":1712345,"community":"c1"}""");
        var s = Assert.IsType<StatusMessage>(r.Message);
        Assert.True(s.Online);
        Assert.Equal(("bn-1", "broadcast", "0.1.0", "power_on", "ok", 1712345L, "c1"), (s.NodeId, s.Kind, s.Firmware, s.BootReason, s.ConfigState, s.Epoch, s.CommunityId));
    }

    [Fact]
    public void The_last_will_is_an_offline_status()
    {
        var s = Assert.IsType<StatusMessage>(Parse("tocsin/v1/node/bn-1/status", """{"state":"offline","kind":"broadcast"}""").Message);
        Assert.False(s.Online);
    }

    [Fact]
    public void A_string_that_is_not_valid_utf8_is_refused_not_thrown()
    {
        byte[] head = Encoding.UTF8.GetBytes("{\"state\":\"online\",\"fw\":\"");
        byte[] payload = [.. head, 0xC3, 0x28, (byte)'"', (byte)'}'];
        MessageParseResult r = NodeMessageParser.Parse("tocsin/v1/node/bn-1/status", payload.AsMemory());
        Assert.False(r.Succeeded);
        Assert.Equal("status: payload is not valid UTF-8", r.Error);
    }

    [Fact]
    public void A_status_with_an_unknown_state_is_refused()
    {
        Assert.Equal("status: \"state\" must be online or offline", Parse("tocsin/v1/node/bn-1/status", """{"state":"asleep"}""").Error);
    }

    [Fact]
    public void A_heartbeat_keeps_its_outbox_faults_battery_and_node_fields()
    {
        string json = """{"t":1764000060000,"up_s":3600,"rssi":-61,"mem":61440,"ob":{"q":2,"next":42,"drop":1},"rej":0,"cfg":"ok","batt_mv":12650,"faults":["amplifier"],"relays":{"fault":0},"st":"idle"}""";
        var hb = Assert.IsType<HeartbeatMessage>(Parse("tocsin/v1/node/bn-1/hb", json).Message);
        Assert.Equal(1764000060000, hb.UtcMs);
        Assert.Equal(-61, hb.RssiDbm);
        Assert.Equal(new OutboxStatus(2, 42, 1), hb.Outbox);
        Assert.Equal(12650, hb.BatteryMv);
        Assert.Equal(["amplifier"], hb.Faults);
        Assert.Equal(0, hb.Measurements["relays.fault"]);
    }

    [Fact]
    public void A_sensor_report_carries_header_measurements_and_levels()
    {
        string json = """{"seq":42,"ep":1712345,"floor":40,"t":1764000060000,"up":3600123,"type":"reading","rain":{"1h":12.5,"rate_mmh":3.2,"signal":"blue"},"depth":{"mm":180,"q":5,"level":"yellow","raw":2210},"batt_mv":3900,"fast":true,"faults":[]}""";
        var r = Assert.IsType<ReportMessage>(Parse("tocsin/v1/node/sn-1/report", json).Message);
        Assert.Equal(new OutboxHeader(1712345, 40, 42, 1764000060000, 3600123), r.Header);
        Assert.Equal("reading", r.Type);
        Assert.Equal(12.5, r.Measurements["rain.1h"]);
        Assert.Equal(180, r.Measurements["depth.mm"]);
        Assert.Equal(1, r.Measurements["fast"]);
        Assert.False(r.Measurements.ContainsKey("seq"));
        Assert.Equal(SensorLevel.Yellow, r.DepthLevel);
        Assert.Equal(SensorLevel.Blue, r.RainSignal);
        Assert.Equal(3900, r.BatteryMv);
    }

    [Fact]
    public void A_heartbeat_says_its_period_as_a_typed_field_and_a_period_that_is_not_a_number_is_ignored_not_refused()
    {
        var hb = Assert.IsType<HeartbeatMessage>(Parse("tocsin/v1/node/bn-1/hb", """{"hb_s":300,"batt_mv":12650}""").Message);
        Assert.Equal(300, hb.HeartbeatS);
        Assert.Equal(300, hb.Measurements["hb_s"]);
        var odd = Assert.IsType<HeartbeatMessage>(Parse("tocsin/v1/node/bn-1/hb", """{"hb_s":"300"}""").Message);
        Assert.Null(odd.HeartbeatS);
        Assert.Empty(odd.Measurements);
    }

    [Fact]
    public void Invalid_utf8_anywhere_in_a_payload_is_refused_even_in_a_member_nothing_reads()
    {
        // Measurements are read from the payload later, when asked for: a bad name must not get that far.
        byte[] head = Encoding.UTF8.GetBytes("{\"ep\":1,\"seq\":1,\"extra\":{\"x");
        byte[] payload = [.. head, 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\":1}}")];
        MessageParseResult r = NodeMessageParser.Parse("tocsin/v1/node/sn-1/report", payload.AsMemory());
        Assert.Equal("report: payload is not valid UTF-8", r.Error);
    }

    [Theory]
    [InlineData("tocsin/v1/node/bn-1/result", "{\"ep\":1,\"seq\":1,\"cmd\":\"\\udc00\",\"cseq\":1,\"kind\":\"alert\",\"state\":\"sounded\"}", "result")]
    [InlineData("tocsin/v1/node/bn-1/status", "{\"state\":\"online\",\"fw\":\"0.1\\ud800x\"}", "status")]
    [InlineData("tocsin/v1/node/sn-1/event", "{\"ep\":1,\"seq\":2,\"type\":\"fault\",\"fault\":\"\\udfff\",\"active\":true}", "event")]
    [InlineData("tocsin/v1/node/bn-1/status", "{\"state\":\"online\",\"st\\udc00\":1}", "status")]
    [InlineData("tocsin/v1/node/bn-1/status", "{\"st\\udc00\":1,\"state\":\"online\"}", "status")]
    [InlineData("tocsin/v1/node/sn-1/report", "{\"ep\":1,\"seq\":1,\"zz\\udc00\":1}", "report")]
    [InlineData("tocsin/v1/node/sn-1/report", "{\"ep\":1,\"seq\":1,\"note\":\"\\ud800\"}", "report")]
    public void Half_a_surrogate_pair_escaped_anywhere_is_refused_not_thrown_whatever_the_member_and_its_place(string topic, string json, string leaf)
    {
        // Valid UTF-8 and valid JSON, but not text: System.Text.Json throws only when that string or
        // name is read, and which ones are read depends on the member names and their order.
        MessageParseResult r = Parse(topic, json);
        Assert.False(r.Succeeded);
        Assert.Equal(leaf + ": payload has a string or name that is not valid Unicode (an unpaired surrogate escape)", r.Error);
    }

    [Fact]
    public void Escapes_that_decode_are_accepted()
    {
        var s = Assert.IsType<StatusMessage>(Parse("tocsin/v1/node/bn-1/status", "{\"state\":\"online\",\"fw\":\"0.1 \\u6c34 \\ud83c\\udf0a\"}").Message);
        Assert.Equal("0.1 \u6c34 \ud83c\udf0a", s.Firmware);
    }

    [Fact]
    public void Measurements_built_over_a_name_that_is_not_text_leave_it_out_instead_of_throwing()
    {
        // The parser refuses such payloads; the dictionary still never throws on its own.
        var measurements = new PayloadMeasurementDictionary(Encoding.UTF8.GetBytes("{\"x\\udc00\":1,\"depth\":{\"mm\":5}}"));
        Assert.Equal(new Dictionary<string, double> { ["depth.mm"] = 5 }, measurements.ToDictionary());
    }

    [Fact]
    public void A_payload_in_several_segments_is_parsed_and_its_measurements_read_whole()
    {
        byte[] json = Encoding.UTF8.GetBytes("""{"ep":1,"seq":7,"type":"reading","depth":{"mm":180,"level":"none"},"batt_mv":3900}""");
        var first = new Segment(json.AsMemory(0, 20));
        Segment last = first.Append(json.AsMemory(20));
        var sequence = new System.Buffers.ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
        var r = Assert.IsType<ReportMessage>(NodeMessageParser.Parse("sn-1", "report", sequence).Message);
        Assert.Equal(180, r.Measurements["depth.mm"]);
        Assert.Equal(3900, r.Measurements["batt_mv"]);
        Assert.Equal(2, r.Measurements.Count);
    }

    [Fact]
    public void A_depth_level_event_carries_its_level_and_previous_level()
    {
        var e = Assert.IsType<EventMessage>(Parse("tocsin/v1/node/sn-1/event", """{"ep":1,"floor":3,"seq":5,"up":9,"type":"depth_level","level":"red","from":"orange","depth":{"mm":400}}""").Message);
        Assert.True(e.IsLevelEvent);
        Assert.Equal(SensorLevel.Red, e.Level);
        Assert.Equal(SensorLevel.Orange, e.From);
        Assert.Null(e.Header.UtcMs);
    }

    [Fact]
    public void A_fault_event_names_the_fault_and_whether_it_is_active()
    {
        var e = Assert.IsType<EventMessage>(Parse("tocsin/v1/node/bn-1/event", """{"ep":1,"floor":1,"seq":2,"type":"fault","fault":"amplifier","active":true}""").Message);
        Assert.Equal(("amplifier", true), (e.Fault, e.Active));
        Assert.False(e.IsLevelEvent);
    }

    [Fact]
    public void A_result_carries_the_command_and_its_state()
    {
        var r = Assert.IsType<ResultMessage>(Parse("tocsin/v1/node/bn-1/result", """{"ep":1,"floor":8,"seq":8,"up":5013,"cmd":"cfg-3","cseq":1043,"kind":"config","state":"rejected","reason":"expired"}""").Message);
        Assert.Equal(("cfg-3", 1043L, "config", "rejected", "expired"), (r.CommandId, r.CommandSeq, r.Kind, r.State, r.Reason));
    }

    [Theory]
    [InlineData("tocsin/v1/node/bn-1/result", """{"ep":1,"seq":8,"cmd":"x","kind":"k","state":"done"}""", "result: \"cseq\" is required")]
    [InlineData("tocsin/v1/node/bn-1/result", """{"ep":1,"seq":8,"cmd":"x","cseq":0,"kind":"k","state":"done"}""", "result: \"cseq\" must be a positive integer")]
    [InlineData("tocsin/v1/node/bn-1/report", """{"ep":1,"seq":"8"}""", "report: \"seq\" must be a positive integer")]
    [InlineData("tocsin/v1/node/bn-1/report", """{"seq":8}""", "report: \"ep\" is required")]
    [InlineData("tocsin/v1/node/sn-1/event", """{"ep":1,"seq":2,"type":"depth_level","level":"purple"}""", "event: \"level\" must be none, blue, yellow, orange or red")]
    [InlineData("tocsin/v1/node/sn-1/event", """{"ep":1,"seq":2,"type":"depth_level"}""", "event: \"level\" is required")]
    [InlineData("tocsin/v1/node/sn-1/report", """{"ep":1,"seq":2,"depth":{"level":3}}""", "report: \"depth.level\" must be a string of 1 to 8 characters")]
    [InlineData("tocsin/v1/node/bn-1/hb", """{"ob":{"q":-1}}""", "hb: \"ob.q\" must be a non-negative integer")]
    [InlineData("tocsin/v1/node/bn-1/hb", """[1,2]""", "hb: payload must be a JSON object")]
    [InlineData("tocsin/v1/node/bn-1/hb", """{"t":""", "hb: payload is not valid JSON")]
    [InlineData("tocsin/v1/node/bn-1/cmd", """{}""", "\"cmd\" is not a topic nodes publish")]
    [InlineData("tocsin/v1/area/c1/cmd", """{}""", "\"tocsin/v1/area/c1/cmd\" is not a node topic")]
    public void Malformed_payloads_are_refused_with_a_clear_message(string topic, string json, string error)
    {
        MessageParseResult r = Parse(topic, json);
        Assert.False(r.Succeeded);
        Assert.Equal(error, r.Error);
    }

    [Fact]
    public void Unknown_fields_are_ignored_as_the_contract_promises()
    {
        Assert.True(Parse("tocsin/v1/node/bn-1/result", """{"ep":1,"seq":8,"cmd":"x","cseq":9,"kind":"k","state":"done","future":{"a":[1]}}""").Succeeded);
    }

    [Fact]
    public void Oversized_payloads_are_refused()
    {
        string big = "{\"x\":\"" + new string('a', NodeMessageParser.MaxPayloadBytes) + "\"}";
        Assert.Contains("too large", Parse("tocsin/v1/node/bn-1/hb", big).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_ack_payload_is_the_contract_shape()
    {
        Assert.Equal("""{"ep":1712345,"upto":42}""", Encoding.ASCII.GetString(OutboxAck.Serialize(1712345, 42)));
        Assert.Equal("tocsin/v1/node/sn-1/ack", OutboxAck.Topic("sn-1"));
    }

    private sealed class Segment : System.Buffers.ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
