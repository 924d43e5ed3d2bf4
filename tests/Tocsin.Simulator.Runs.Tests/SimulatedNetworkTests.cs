using System.Text;
using Tocsin.Controller.Ingest;
using Tocsin.Controller.Mqtt;
using Tocsin.Firmware.Hardware;
using Tocsin.Simulator.Deterministic;

namespace Tocsin.Simulator.Runs.Tests;

/// <summary>The simulated broker and network: connects, order, loss, wills, cuts, restarts, topic rules.</summary>
public sealed class SimulatedNetworkTests
{
    private readonly VirtualTimeProvider _time = new(1_000_000);
    private readonly SimulatedNetwork _net;
    private readonly List<InboundMessage> _received = [];
    private readonly List<(string Node, bool Clean)> _disconnects = [];

    public SimulatedNetworkTests()
    {
        _net = new SimulatedNetwork(_time, seed: 1);
        _net.Conditions.LatencyMs = 10;
        _net.Conditions.JitterMs = 0;
        _net.MessageReceived += _received.Add;
        _net.NodeDisconnected += (n, c) => _disconnects.Add((n, c));
    }

    private void After(long ms)
    {
        _time.Set(_time.UtcMs + ms);
        _net.Advance(_time.UtcMs);
    }

    private SimulatedLink Connected(string node, int keepAliveS = 60)
    {
        var link = new SimulatedLink(node);
        link.BeginConnect(new MqttConnectRequest
        {
            ClientId = node, UserName = node, Password = "pw", KeepAliveS = keepAliveS,
            WillTopic = "tocsin/v1/node/" + node + "/status", WillPayload = Encoding.UTF8.GetBytes("{\"state\":\"offline\"}"),
        });
        Assert.Equal(MqttLinkState.Connecting, link.State);
        _net.Collect(link);
        After(200);
        Assert.Equal(MqttLinkState.Connected, link.State);
        return link;
    }

    private static bool Publish(SimulatedLink link, string leaf, string json)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        return link.Publish("tocsin/v1/node/" + link.NodeId + "/" + leaf, bytes, bytes.Length, 1, false);
    }

    [Fact]
    public void Publishes_arrive_after_the_latency_in_the_order_sent()
    {
        _net.Conditions.JitterMs = 50;
        SimulatedLink link = Connected("bn-1");
        for (int i = 0; i < 20; i++)
        {
            Assert.True(Publish(link, "report", "{\"seq\":" + i + "}"));
        }

        _net.Collect(link);
        After(5);
        Assert.True(_received.Count < 20);
        After(200);
        Assert.Equal(20, _received.Count);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => "{\"seq\":" + i + "}"), _received.Select(m => Encoding.UTF8.GetString(m.Payload.Span)));
    }

    [Fact]
    public void Loss_drops_a_share_of_messages_and_counts_them()
    {
        _net.Conditions.LossRatio = 0.5;
        SimulatedLink link = Connected("bn-1");
        for (int i = 0; i < 1000; i++)
        {
            Publish(link, "hb", "{}");
        }

        _net.Collect(link);
        After(100);
        Assert.InRange(_received.Count, 400, 600);
        Assert.Equal(1000 - _received.Count, _net.Tally.Lost);
    }

    [Fact]
    public void A_severed_connection_gets_its_will_when_keep_alive_runs_out_and_a_clean_one_never()
    {
        SimulatedLink severed = Connected("bn-1", keepAliveS: 10);
        SimulatedLink clean = Connected("bn-2");
        severed.Sever();
        clean.Disconnect();
        _net.Collect(severed);
        _net.Collect(clean);
        After(14_000);
        Assert.DoesNotContain(_received, m => m.Topic.EndsWith("/status", StringComparison.Ordinal));
        After(1_100);
        InboundMessage will = Assert.Single(_received);
        Assert.Equal("tocsin/v1/node/bn-1/status", will.Topic);
        Assert.True(will.Retain);
        Assert.Contains(("bn-2", true), _disconnects);
        Assert.Contains(("bn-1", false), _disconnects);
    }

    [Fact]
    public async Task A_connection_that_comes_back_and_subscribes_again_gets_each_message_once()
    {
        const string topic = "tocsin/v1/area/c1/cmd";
        SimulatedLink link = Connected("bn-1");
        Assert.True(link.Subscribe(topic, 1));
        _net.Collect(link);
        link.Sever();
        _net.Collect(link);
        link.BeginConnect(new MqttConnectRequest { ClientId = "bn-1", UserName = "bn-1", Password = "pw", KeepAliveS = 60 });
        _net.Collect(link);
        After(200);
        Assert.Equal(MqttLinkState.Connected, link.State);
        Assert.True(link.Subscribe(topic, 1));
        _net.Collect(link);

        await _net.PublishAsync(topic, "{}"u8.ToArray(), CancellationToken.None);
        After(100);
        Assert.NotNull(link.TryReceive());
        Assert.Null(link.TryReceive());
    }

    [Fact]
    public void A_link_that_reconnects_before_the_broker_noticed_its_loss_takes_the_old_connection_over_and_keeps_its_session()
    {
        SimulatedLink link = Connected("bn-1", keepAliveS: 10);
        link.Sever();
        _net.Collect(link);
        After(2_000);
        link.BeginConnect(new MqttConnectRequest
        {
            ClientId = "bn-1", UserName = "bn-1", Password = "pw", KeepAliveS = 10,
            WillTopic = "tocsin/v1/node/bn-1/status", WillPayload = Encoding.UTF8.GetBytes("{\"state\":\"offline\"}"),
        });
        _net.Collect(link);
        After(200);
        Assert.Equal(MqttLinkState.Connected, link.State);

        // The broker closed the connection it still held, without a DISCONNECT: its will went out.
        InboundMessage will = Assert.Single(_received);
        Assert.Equal("tocsin/v1/node/bn-1/status", will.Topic);
        _received.Clear();

        // The loss notice of the old connection (15 s after the sever) must not end the new session.
        After(20_000);
        Assert.True(_net.IsConnected("bn-1"));
        Assert.True(Publish(link, "hb", "{}"));
        _net.Collect(link);
        After(100);
        Assert.Equal("tocsin/v1/node/bn-1/hb", Assert.Single(_received).Topic);
    }

    [Fact]
    public void A_cut_node_cannot_connect_until_restored()
    {
        SimulatedLink link = Connected("bn-1");
        _net.Cut("bn-1", link);
        Assert.Equal(MqttLinkState.Disconnected, link.State);
        var retry = new SimulatedLink("bn-1");
        retry.BeginConnect(new MqttConnectRequest { ClientId = "bn-1", UserName = "bn-1", Password = "pw", KeepAliveS = 60 });
        _net.Collect(retry);
        After(6_000);
        Assert.Equal(MqttLinkState.Failed, retry.State);
        _net.Restore("bn-1");
        Assert.Same(retry, retry);
        Connected("bn-1");
    }

    [Fact]
    public void A_stopped_broker_drops_everyone_and_routes_nothing()
    {
        SimulatedLink link = Connected("bn-1");
        _net.StopBroker();
        Assert.Equal(MqttLinkState.Disconnected, link.State);
        Assert.False(Publish(link, "hb", "{}"));
        _net.StartBroker();
        Connected("bn-1");
    }

    [Fact]
    public void Commands_reach_only_connected_nodes_subscribed_to_the_topic()
    {
        SimulatedLink subscribed = Connected("bn-1");
        SimulatedLink other = Connected("bn-2");
        Assert.True(subscribed.Subscribe("tocsin/v1/area/c1/cmd", 1));
        _net.Collect(subscribed);
        _net.PublishToMembersAsync("tocsin/v1/area/c1/cmd", "{}"u8.ToArray(), ["bn-1", "bn-2", "bn-3"], CancellationToken.None);
        After(100);
        Assert.NotNull(subscribed.TryReceive());
        Assert.Null(other.TryReceive());
        Assert.Equal(2, _net.Tally.Undeliverable);
        Assert.Equal(("tocsin/v1/area/c1/cmd", "{}"u8.ToArray()), _net.CapturedCommand("bn-1"));
        Assert.Null(_net.CapturedCommand("bn-9"));
    }

    [Fact]
    public async Task Held_controller_sends_go_out_on_release_in_the_order_sent_and_none_before()
    {
        SimulatedLink link = Connected("bn-1");
        foreach (string topic in (string[])["tocsin/v1/node/bn-1/ack", "tocsin/v1/area/c/cmd", "tocsin/v1/node/bn-1/cmd"])
        {
            Assert.True(link.Subscribe(topic, 1));
        }

        _net.Collect(link);
        var held = new HeldControllerSends();
        _net.HoldControllerSends(held);
        await _net.SendToNodeAsync("bn-1", "tocsin/v1/node/bn-1/ack", Encoding.UTF8.GetBytes("1"), CancellationToken.None);
        await _net.PublishToMembersAsync("tocsin/v1/area/c/cmd", Encoding.UTF8.GetBytes("2"), ["bn-1"], CancellationToken.None);
        await _net.SendToNodeAsync("bn-1", "tocsin/v1/node/bn-1/cmd", Encoding.UTF8.GetBytes("3"), CancellationToken.None);
        After(1_000);
        Assert.Null(link.TryReceive());
        Assert.Equal(0, _net.Tally.ToNodes);

        Assert.Equal(3, held.Count);
        _net.StopHoldingControllerSends();
        _net.ReleaseControllerSends(held);
        Assert.Equal(0, held.Count);
        After(1_000);
        var payloads = new List<string>();
        while (link.TryReceive() is { } m)
        {
            payloads.Add(Encoding.UTF8.GetString(m.Payload));
        }

        Assert.Equal(["1", "2", "3"], payloads);
        Assert.Equal(Encoding.UTF8.GetBytes("3"), _net.CapturedCommand("bn-1")!.Value.Payload);

        // Not held any more: the next send goes straight on the wire.
        await _net.SendToNodeAsync("bn-1", "tocsin/v1/node/bn-1/ack", Encoding.UTF8.GetBytes("4"), CancellationToken.None);
        After(1_000);
        Assert.Equal("4", Encoding.UTF8.GetString(link.TryReceive()!.Payload));
    }

    [Fact]
    public void With_an_inbox_what_reaches_the_controller_waits_until_taken_and_handed_over_in_order()
    {
        _net.KeepControllerInbox();
        SimulatedLink link = Connected("sn-1");
        Assert.True(Publish(link, "report", "{\"seq\":1}"));
        Assert.True(Publish(link, "report", "{\"seq\":2}"));
        _net.Collect(link);
        After(100);
        Assert.Empty(_received);
        Assert.Equal(2, _net.ControllerInboxCount);

        List<InboundMessage> taken = _net.TakeControllerInbox();
        Assert.Equal(0, _net.ControllerInboxCount);
        Assert.Empty(_received);
        _net.DeliverToController(taken);
        Assert.Equal(["{\"seq\":1}", "{\"seq\":2}"], _received.Select(m => Encoding.UTF8.GetString(m.Payload.Span)));
    }

    [Fact]
    public void The_inbox_is_parsed_ahead_as_far_as_asked_results_left_to_the_engine_and_a_new_inbox_from_its_start()
    {
        _net.KeepControllerInbox();
        SimulatedLink link = Connected("sn-1");
        Assert.True(Publish(link, "report", "{\"seq\":1}"));
        Assert.True(Publish(link, "result", "{\"seq\":2}"));
        Assert.True(Publish(link, "hb", "{\"up_s\":3}"));
        Assert.True(Publish(link, "hb", "{\"up_s\":4}"));
        _net.Collect(link);
        After(100);

        // Two messages' worth of waiting: it asks before each message and stops at the third.
        int asked = 0;
        _net.ParseControllerInbox(() => ++asked <= 2);
        Assert.Equal(3, asked);

        // Waiting again, it goes on from the third: asked once for each of the two left.
        asked = 0;
        _net.ParseControllerInbox(() => { asked++; return true; });
        Assert.Equal(2, asked);
        List<InboundMessage> taken = _net.TakeControllerInbox();
        Assert.Equal([true, false, true, true], taken.Select(m => m.Parsed != null));

        // The engine's own parse, which it now skips.
        MessageParseResult own = NodeMessageParser.Parse(taken[0].Topic, taken[0].Payload);
        Assert.Equal((own.Succeeded, own.Error, own.Message?.GetType()), (taken[0].Parsed!.Succeeded, taken[0].Parsed!.Error, taken[0].Parsed!.Message?.GetType()));
        Assert.Equal("{\"up_s\":4}", Encoding.UTF8.GetString(taken[3].Payload.Span));

        // The next inbox is parsed from its first message.
        Assert.True(Publish(link, "hb", "{\"up_s\":5}"));
        _net.Collect(link);
        After(100);
        _net.ParseControllerInbox(() => true);
        Assert.NotNull(Assert.Single(_net.TakeControllerInbox()).Parsed);
    }

    [Fact]
    public void A_killed_controller_loses_what_waited_in_its_inbox()
    {
        _net.KeepControllerInbox();
        SimulatedLink link = Connected("sn-1");
        Assert.True(Publish(link, "report", "{\"seq\":1}"));
        _net.Collect(link);
        After(100);
        Assert.Equal(1, _net.ControllerInboxCount);

        _net.DetachController();
        Assert.Equal(0, _net.ControllerInboxCount);
        Assert.Empty(_net.TakeControllerInbox());
    }

    [Fact]
    public void A_detached_controller_hears_nothing_even_later_through_the_inbox()
    {
        _net.KeepControllerInbox();
        SimulatedLink link = Connected("sn-1");
        _net.DetachController();
        Assert.True(Publish(link, "report", "{\"seq\":1}"));
        _net.Collect(link);
        After(100);
        Assert.Equal(0, _net.ControllerInboxCount);
    }
}
