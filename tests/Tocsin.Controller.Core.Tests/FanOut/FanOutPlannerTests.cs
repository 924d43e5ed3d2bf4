using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Tocsin.Controller.Alerts;
using Tocsin.Controller.FanOut;
using Tocsin.Controller.Nodes;
using Tocsin.Controller.Tests.Support;
using Xunit;

namespace Tocsin.Controller.Tests.FanOut;

public sealed class FanOutPlannerTests
{
    private readonly FakeClock _clock = new();
    private readonly FakeCommandSequence _seq = new();

    private static List<KeyedNode> Speakers(params NodeRecord[] nodes) => nodes.Select(n => new KeyedNode(n, TestData.KeyFor(n.Id))).ToList();

    private static List<KeyedNode> Standard() => Speakers(
        TestData.Speaker("bn-c1-a", "c1", 400), TestData.Speaker("bn-c1-b", "c1", 500), TestData.Speaker("bn-c2-a", "c2", 1500),
        TestData.Speaker("bn-c3-a", "c3", 2500), TestData.Speaker("bn-c1-old", "c1", 50, revoked: true), TestData.Sensor("sn-c1", "c1"));

    private Alert Dispatched(AlertTarget target, AlertKind kind = AlertKind.Live) =>
        TestData.Ok(TestData.Create(TestData.Draft(kind: kind, target: target)).Dispatch(TestData.Operator, _clock.Now));

    /// <summary>Checks every MAC of <paramref name="envelope"/> against the formula in docs/command-authentication.md; returns the signed node ids.</summary>
    private static List<string> VerifyEnvelope(byte[] envelope, byte[] expectedCommand)
    {
        using JsonDocument doc = JsonDocument.Parse(envelope);
        Assert.Equal(1, doc.RootElement.GetProperty("v").GetInt32());
        string raw = doc.RootElement.GetProperty("cmd").GetRawText();
        Assert.Equal(expectedCommand, Encoding.UTF8.GetBytes(raw));
        var ids = new List<string>();
        foreach (JsonProperty mac in doc.RootElement.GetProperty("mac").EnumerateObject())
        {
            byte[] input = [.. "tocsin-cmd-v1"u8, 0, .. Encoding.UTF8.GetBytes(mac.Name), 0, .. expectedCommand];
            byte[] expected = HMACSHA256.HashData(TestData.KeyFor(mac.Name), input)[..16];
            Assert.Equal(expected, Convert.FromBase64String(mac.Value.GetString()!));
            ids.Add(mac.Name);
        }

        return ids;
    }

    [Fact]
    public void A_broadcast_is_one_signed_publish_per_community_verifying_for_every_speaker()
    {
        Alert alert = Dispatched(AlertTarget.ForStreets("s1"));
        FanOutPlan plan = new FanOutPlanner(_seq).PlanBroadcast(alert, Standard(), _clock.Now);
        Assert.Equal(["c1", "c2"], plan.Communities.Select(c => c.CommunityId));
        Assert.Equal("tocsin/v1/area/c1/cmd", plan.Communities[0].Topic);
        Assert.Equal(["bn-c1-a", "bn-c1-b"], plan.Communities[0].NodeIds);
        Assert.Equal(["bn-c2-a"], plan.Communities[1].NodeIds);
        foreach (CommunityEnvelopes c in plan.Communities)
        {
            byte[] envelope = Assert.Single(c.Envelopes);
            Assert.Equal(c.NodeIds, VerifyEnvelope(envelope, plan.Command.CommandBytes));
        }

        Assert.Empty(plan.CommunitiesWithoutSpeakers);
    }

    [Fact]
    public void The_command_carries_the_alert_version_id_sequence_mode_and_validity()
    {
        Alert alert = Dispatched(AlertTarget.ForCommunities("c1"));
        FanOutPlan plan = new FanOutPlanner(_seq).PlanBroadcast(alert, Standard(), _clock.Now);
        using JsonDocument cmd = JsonDocument.Parse(plan.Command.CommandBytes);
        JsonElement c = cmd.RootElement;
        Assert.Equal("a-20261129-0007.v1", c.GetProperty("id").GetString());
        Assert.Equal(1001, c.GetProperty("seq").GetInt64());
        Assert.Equal("broadcast", c.GetProperty("kind").GetString());
        Assert.Equal("live", c.GetProperty("mode").GetString());
        Assert.Equal(_clock.NowMs, c.GetProperty("iss").GetInt64());
        Assert.Equal(alert.ExpiresAt.ToUnixTimeMilliseconds(), c.GetProperty("exp").GetInt64());
        Assert.Equal(plan.Command.Seq, c.GetProperty("seq").GetInt64());
    }

    [Fact]
    public void The_broadcast_body_uses_the_field_names_of_the_node_parser()
    {
        AlertDraft draft = TestData.Draft() with
        {
            Level = WarningLevel.Yellow,
            Message = new AlertMessage("t", "x", [101, 102], SirenPattern.HiLo, 2, SirenSeconds: 20, Zones: [1, 3]),
            StartsAt = FakeClock.Start.AddMinutes(10),
        };
        Alert alert = TestData.Ok(TestData.Create(draft).Dispatch(TestData.Operator, _clock.Now));
        FanOutPlan plan = new FanOutPlanner(_seq).PlanBroadcast(alert, Standard(), _clock.Now);
        using JsonDocument cmd = JsonDocument.Parse(plan.Command.CommandBytes);
        JsonElement body = cmd.RootElement.GetProperty("body");
        Assert.Equal("a-20261129-0007", body.GetProperty("alert").GetString());
        Assert.Equal("waterlogging", body.GetProperty("hazard").GetString());
        Assert.Equal("III", body.GetProperty("level").GetString());
        Assert.Equal("hilo", body.GetProperty("siren").GetString());
        Assert.Equal(20, body.GetProperty("siren_s").GetInt32());
        Assert.Equal([101, 102], body.GetProperty("clips").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(2, body.GetProperty("repeat").GetInt32());
        Assert.Equal(FakeClock.Start.AddMinutes(10).ToUnixTimeMilliseconds(), body.GetProperty("start").GetInt64());
        Assert.Equal([1, 3], body.GetProperty("zones").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public void Revoked_nodes_sensors_and_untargeted_communities_get_nothing()
    {
        Alert alert = Dispatched(AlertTarget.ForCommunities("c1"));
        FanOutPlan plan = new FanOutPlanner(_seq).PlanBroadcast(alert, Standard(), _clock.Now);
        Assert.Equal(["bn-c1-a", "bn-c1-b"], plan.Addressed.Select(a => a.NodeId));
    }

    [Fact]
    public void A_community_without_speakers_is_listed_so_operators_see_nobody_hears_it()
    {
        Alert alert = Dispatched(AlertTarget.ForCommunities("c1", "c2"));
        FanOutPlan plan = new FanOutPlanner(_seq).PlanBroadcast(alert, Speakers(TestData.Speaker("bn-c1-a", "c1", 10)), _clock.Now);
        Assert.Equal(["c2"], plan.CommunitiesWithoutSpeakers);
    }

    [Fact]
    public void A_large_community_is_split_into_envelopes_of_at_most_100_macs_over_the_same_bytes()
    {
        var many = Speakers(Enumerable.Range(0, 250).Select(i => TestData.Speaker("bn-" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), "c3", 1)).ToArray());
        FanOutPlan plan = new FanOutPlanner(_seq).PlanBroadcast(Dispatched(AlertTarget.ForCommunities("c3")), many, _clock.Now);
        CommunityEnvelopes c = Assert.Single(plan.Communities);
        Assert.Equal(3, c.Envelopes.Count);
        var signed = c.Envelopes.SelectMany(e => VerifyEnvelope(e, plan.Command.CommandBytes)).ToList();
        Assert.Equal(c.NodeIds, signed);
        Assert.All(c.Envelopes, e => Assert.True(JsonDocument.Parse(e).RootElement.GetProperty("mac").EnumerateObject().Count() <= 100));
    }

    [Fact]
    public void For_a_broker_that_delivers_to_each_member_every_speaker_gets_an_envelope_with_only_its_own_mac()
    {
        var options = FanOutOptions.Default with { MaxNodesPerEnvelope = 1 };
        FanOutPlan plan = new FanOutPlanner(_seq, options).PlanBroadcast(Dispatched(AlertTarget.ForStreets("s1")), Standard(), _clock.Now);
        CommunityEnvelopes c1 = plan.Communities[0];
        Assert.Equal(2, c1.Envelopes.Count);
        for (int i = 0; i < c1.Envelopes.Count; i++)
        {
            string member = Assert.Single(c1.MembersOf(i));
            Assert.Equal(c1.NodeIds[i], member);
            Assert.Equal([member], VerifyEnvelope(c1.Envelopes[i], plan.Command.CommandBytes));
        }

        Assert.Empty(c1.MembersOf(2));
    }

    [Fact]
    public void A_drill_is_signed_in_drill_mode_and_the_mac_covers_the_mode()
    {
        Alert drill = Dispatched(AlertTarget.ForCommunities("c1"), AlertKind.Drill);
        FanOutPlan plan = new FanOutPlanner(_seq).PlanBroadcast(drill, Standard(), _clock.Now);
        Assert.Equal("drill", plan.Command.Mode);
        Assert.Contains("\"mode\":\"drill\"", Encoding.UTF8.GetString(plan.Command.CommandBytes), StringComparison.Ordinal);
        byte[] live = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(plan.Command.CommandBytes).Replace("\"mode\":\"drill\"", "\"mode\":\"live\"", StringComparison.Ordinal));
        byte[] envelope = plan.Communities[0].Envelopes[0];
        string forged = Encoding.UTF8.GetString(envelope).Replace("\"mode\":\"drill\"", "\"mode\":\"live\"", StringComparison.Ordinal);
        Assert.Throws<Xunit.Sdk.EqualException>(() => VerifyEnvelope(Encoding.UTF8.GetBytes(forged), live));
    }

    [Fact]
    public void An_update_cancels_the_previous_version_then_broadcasts_the_new_one()
    {
        Alert v1 = Dispatched(AlertTarget.ForCommunities("c1"));
        AlertTransition t = v1.Update(TestData.Operator, new AlertUpdate(WarningLevel.Blue), _clock.Now);
        var plans = new FanOutPlanner(_seq).PlanEffect(t.Alert!, t.Effect, Standard(), _clock.Now);
        Assert.Equal(["a-20261129-0007.v1.cancel", "a-20261129-0007.v2"], plans.Select(p => p.Command.CommandId));
        Assert.True(plans[0].Command.Seq < plans[1].Command.Seq);
        using JsonDocument cancel = JsonDocument.Parse(plans[0].Command.CommandBytes);
        Assert.Equal("cancel", cancel.RootElement.GetProperty("kind").GetString());
        Assert.Equal("a-20261129-0007.v1", cancel.RootElement.GetProperty("body").GetProperty("broadcast").GetString());
    }

    [Fact]
    public void Cancel_and_all_clear_name_the_version_on_air_in_the_alerts_own_mode()
    {
        Alert drill = Dispatched(AlertTarget.ForCommunities("c1"), AlertKind.Drill);
        var planner = new FanOutPlanner(_seq);
        AlertTransition cancelled = drill.Cancel(TestData.Operator, _clock.Now);
        FanOutPlan cancel = Assert.Single(planner.PlanEffect(cancelled.Alert!, cancelled.Effect, Standard(), _clock.Now));
        Assert.Equal(("a-20261129-0007.v1.cancel", "cancel", "drill"), (cancel.Command.CommandId, cancel.Command.Kind, cancel.Command.Mode));
        Assert.True(cancel.Command.ExpiresUtcMs >= drill.ExpiresAt.ToUnixTimeMilliseconds());

        AlertTransition cleared = drill.AllClear(TestData.Operator, _clock.Now);
        FanOutPlan clear = Assert.Single(planner.PlanEffect(cleared.Alert!, cleared.Effect, Standard(), _clock.Now));
        using JsonDocument cmd = JsonDocument.Parse(clear.Command.CommandBytes);
        Assert.Equal(("a-20261129-0007.allclear", "allclear"), (clear.Command.CommandId, clear.Command.Kind));
        Assert.Equal("a-20261129-0007.v1", cmd.RootElement.GetProperty("body").GetProperty("broadcast").GetString());
        Assert.Equal(_clock.NowMs + (long)TimeSpan.FromMinutes(30).TotalMilliseconds, clear.Command.ExpiresUtcMs);
    }

    [Fact]
    public void An_effect_of_none_plans_nothing()
    {
        Assert.Empty(new FanOutPlanner(_seq).PlanEffect(Dispatched(AlertTarget.ForCommunities("c1")), AlertEffect.None, Standard(), _clock.Now));
    }

    [Fact]
    public void A_resend_is_the_same_command_bytes_for_one_node_on_its_own_topic()
    {
        FanOutPlan plan = new FanOutPlanner(_seq).PlanBroadcast(Dispatched(AlertTarget.ForCommunities("c1")), Standard(), _clock.Now);
        FanOutCommand stored = JsonSerializer.Deserialize<FanOutCommand>(JsonSerializer.Serialize(plan.Command))!;
        NodeEnvelope resend = FanOutPlanner.Resend(stored, "bn-c1-b", TestData.KeyFor("bn-c1-b"));
        Assert.Equal("tocsin/v1/node/bn-c1-b/cmd", resend.Topic);
        Assert.Equal(["bn-c1-b"], VerifyEnvelope(resend.Payload, plan.Command.CommandBytes));
    }

    [Fact]
    public void Every_command_id_fits_the_firmware_id_alphabet_and_length()
    {
        string longest = new('a', 32);
        foreach (string id in new[] { CommandIds.Broadcast(longest, 999), CommandIds.Cancel(longest, 999), CommandIds.AllClear(longest) })
        {
            Assert.InRange(id.Length, 1, 48);
            Assert.All(id, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-'));
        }
    }

    [Fact]
    public void Command_ids_parse_back_to_alert_version_and_kind()
    {
        Assert.True(CommandIds.TryParse("a-1.v12", out string? a, out int v, out string? k));
        Assert.Equal(("a-1", 12, "broadcast"), (a, v, k));
        Assert.True(CommandIds.TryParse("a-1.v3.cancel", out a, out v, out k));
        Assert.Equal(("a-1", 3, "cancel"), (a, v, k));
        Assert.True(CommandIds.TryParse("a-1.allclear", out a, out _, out k));
        Assert.Equal(("a-1", "allclear"), (a, k));
        Assert.False(CommandIds.TryParse("cfg-3", out _, out _, out _));
        Assert.False(CommandIds.TryParse("a-1.vx", out _, out _, out _));
    }
}
