using Tocsin.Simulator.Reports;

namespace Tocsin.Simulator.Runs.Tests;

/// <summary>Each fault type, injected into a run of the real controller and firmware, does what it should and nothing is lost or doubled.</summary>
public sealed class FaultTests : IClassFixture<FaultGalleryRun>
{
    private readonly FaultGalleryRun _run;

    public FaultTests(FaultGalleryRun run)
    {
        _run = run;
    }

    private long Seen(string type, string key) => _run.Fault(type).Observed[key];

    [Fact]
    public void Nothing_is_lost_or_stored_twice_over_the_whole_run()
    {
        DeliverySummary m = _run.Report.Messages;
        Assert.True(m.Published > 100, "too few messages to judge: " + m.Published);
        Assert.Equal(0, m.Lost);
        Assert.Equal(0, m.Doubled);
        Assert.Equal(m.Published, m.Committed);
    }

    [Fact]
    public void Power_loss_sends_the_last_will_and_the_node_comes_back()
    {
        Assert.Equal(1, Seen("PowerLoss", "wills"));
        Assert.True(Seen("PowerLoss", "connects") >= 1);
        Assert.True(Seen("PowerLoss", "alarmsRaised") >= 1, "the node's going offline raises an alarm");
        Assert.Equal(1, Seen("PowerLoss", "nodesConnectedAfter"));
        Assert.Equal(0, Seen("PowerLoss", "messagesLostOnTargetsByEnd"));
    }

    [Fact]
    public void Reboot_reconnects_at_once()
    {
        Assert.True(Seen("Reboot", "connects") >= 1);
        Assert.Equal(1, Seen("Reboot", "nodesConnectedAfter"));
    }

    [Fact]
    public void A_network_cut_is_noticed_by_the_broker_and_the_backlog_is_delivered_after()
    {
        Assert.Equal(1, Seen("NetworkCut", "wills"));
        Assert.True(Seen("NetworkCut", "connectsRefused") >= 1, "reconnects during the cut must fail");
        Assert.Equal(1, Seen("NetworkCut", "nodesConnectedAfter"));
        Assert.Equal(0, Seen("NetworkCut", "messagesLostOnTargetsByEnd"));
    }

    [Fact]
    public void Packet_loss_drops_messages_that_resends_make_good()
    {
        Assert.True(Seen("PacketLoss", "networkLost") > 0);
        Assert.Equal(0, _run.Report.Messages.Lost);
    }

    [Fact]
    public void Delay_loses_nothing()
    {
        Assert.Equal(0, Seen("Delay", "networkLost"));
        Assert.Equal(0, _run.Report.Messages.Lost);
    }

    [Fact]
    public void A_broker_restart_drops_every_connection_and_all_come_back()
    {
        Assert.True(Seen("BrokerRestart", "connects") >= 9, "every node reconnects: " + Seen("BrokerRestart", "connects"));
        Assert.Equal(0, Seen("BrokerRestart", "messagesLostOnTargetsByEnd"));
    }

    [Fact]
    public void A_killed_controller_restarts_from_its_database_without_losing_or_doubling()
    {
        Assert.True(Seen("ControllerRestart", "connects") >= 9);
        Assert.True(Seen("ControllerRestart", "connectsRefused") >= 1, "nodes retried while it was down");
        Assert.Equal(0, _run.Report.Messages.Doubled);
    }

    [Fact]
    public void A_skewed_clock_makes_the_node_refuse_commands_it_cannot_trust()
    {
        Assert.True(Seen("ClockSkew", "commandsRefused") >= 1);
        AlertSummary c3 = _run.Report.Alerts.Single(a => a.Speakers == 2 && a.Coverage!.Communities[0].CommunityId == "kaiyuan-03");
        Assert.Equal(1, c3.Sounded);
    }

    [Fact]
    public void A_failed_sensor_reports_its_fault()
    {
        Assert.True(Seen("SensorFail", "nodeFaultEvents") >= 1);
        Assert.Contains(_run.Report.Timeline, e => e.Kind == "node-fault" && e.Subject == "sn-kaiyuan-01-1");
    }

    [Fact]
    public void A_stuck_relay_and_a_dead_amplifier_leave_those_speakers_silent_and_reported_failed()
    {
        AlertSummary c2 = _run.Report.Alerts.Single(a => a.Coverage != null && a.Coverage.Communities[0].CommunityId == "kaiyuan-02");
        Assert.Equal(0, c2.Sounded);
        Assert.Equal(0, c2.Coverage!.District.ReachedPopulation);
        Assert.Equal(2, c2.Coverage.Failed.Count + c2.Coverage.Silent.Count);
    }

    [Fact]
    public void An_opened_enclosure_is_reported()
    {
        Assert.True(Seen("Tamper", "nodeFaultEvents") >= 1);
    }

    [Fact]
    public void A_replayed_command_is_refused()
    {
        Assert.True(Seen("Replay", "injected") >= 1, "the attacker had a recorded envelope to replay");
        Assert.Equal(0, Seen("Replay", "actedOnAttack"));
    }

    [Fact]
    public void A_forged_command_is_refused_for_its_mac()
    {
        Assert.Equal(2, Seen("Forge", "injected"));
        Assert.Equal(0, Seen("Forge", "actedOnAttack"));
        Assert.True(Seen("Forge", "badMacRefused") >= 1 || _run.Report.Timeline.Any(e => e.Kind == "security"));

        // The refusing nodes' security events reach the operators as alarms.
        Assert.True(Seen("Forge", "securityAlarms") >= 1);
    }

    [Fact]
    public void Only_the_forgery_raises_security_alarms()
    {
        // A replayed command the node already has looks like the controller's own resend: refused
        // without an event. Nothing else in the gallery is an attack.
        foreach (FaultSummary f in _run.Report.Faults.Where(f => f.Type != "Forge"))
        {
            Assert.True(f.Observed["securityAlarms"] == 0, f.Type + " raised " + f.Observed["securityAlarms"] + " security alarms");
        }
    }

    [Fact]
    public void A_blocked_drain_floods_its_low_point_deeper_than_the_same_site_with_a_working_drain()
    {
        double blocked = _run.Report.Series.DepthMm["sn-kaiyuan-01-1"].Max(p => p[1]);
        double clear = _run.Report.Series.DepthMm["sn-kaiyuan-02-1"].Max(p => p[1]);
        Assert.True(blocked > clear + 20, "blocked " + blocked + " mm, clear " + clear + " mm");
    }
}
