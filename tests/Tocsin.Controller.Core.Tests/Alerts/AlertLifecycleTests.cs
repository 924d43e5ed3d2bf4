using Tocsin.Controller.Alerts;
using Tocsin.Controller.Tests.Support;
using Xunit;

namespace Tocsin.Controller.Tests.Alerts;

public sealed class AlertLifecycleTests
{
    private readonly FakeClock _clock = new();

    [Fact]
    public void A_live_level_III_alert_for_one_community_is_dispatched_by_its_creator_directly()
    {
        Alert a = TestData.Create(TestData.Draft(level: WarningLevel.Yellow));
        AlertTransition t = a.Dispatch(TestData.Operator, _clock.Advance(TimeSpan.FromMinutes(1)));
        Assert.True(t.Succeeded);
        Assert.Equal(AlertState.Dispatched, t.Alert.State);
        Assert.Equal(AlertEffect.Broadcast, t.Effect);
        Assert.Equal(_clock.Now, t.Alert.DispatchedAt);
        Assert.Equal(AuditAction.Dispatch, t.Audit.Action);
    }

    [Fact]
    public void A_live_level_I_alert_needs_a_second_person_to_approve()
    {
        Alert a = TestData.Create(TestData.Draft(level: WarningLevel.Red));
        AlertTransition direct = a.Dispatch(TestData.Operator, _clock.Now);
        Assert.False(direct.Succeeded);
        Assert.Equal(RefusalCode.ApprovalRequired, direct.Refusal);
        Assert.Contains("second person", direct.Reason, StringComparison.Ordinal);
        Assert.Same(a, direct.Alert);
        Assert.True(direct.Audit!.Refused);

        Alert pending = TestData.Ok(a.Submit(TestData.Operator, _clock.Now));
        Assert.Equal(RefusalCode.ApprovalRequired, pending.Dispatch(TestData.Operator, _clock.Now).Refusal);
        Alert approved = TestData.Ok(pending.Approve(TestData.Approver, _clock.Advance(TimeSpan.FromMinutes(2))));
        Assert.Equal(("ap-chen", _clock.Now), (approved.ApprovedBy, approved.ApprovedAt));
        Alert sent = TestData.Ok(approved.Dispatch(TestData.Operator, _clock.Now));
        Assert.Equal(AlertState.Dispatched, sent.State);
    }

    [Fact]
    public void The_creator_cannot_approve_their_own_alert_even_as_an_approver()
    {
        Alert a = TestData.Create(TestData.Draft(level: WarningLevel.Orange), by: TestData.Approver);
        Alert pending = TestData.Ok(a.Submit(TestData.Approver, _clock.Now));
        AlertTransition t = pending.Approve(TestData.Approver, _clock.Now);
        Assert.Equal(RefusalCode.SamePerson, t.Refusal);
        Assert.Equal(AlertState.PendingApproval, t.Alert!.State);
        Assert.True(t.Audit!.Refused);
        Assert.True(pending.Approve(TestData.Admin, _clock.Now).Succeeded);
    }

    [Fact]
    public void An_operator_cannot_approve()
    {
        Alert pending = TestData.Ok(TestData.Create(TestData.Draft(level: WarningLevel.Red)).Submit(TestData.Operator, _clock.Now));
        Assert.Equal(RefusalCode.RoleNotAllowed, pending.Approve(TestData.OtherOperator, _clock.Now).Refusal);
    }

    [Fact]
    public void A_live_district_wide_alert_at_level_IV_needs_a_second_person()
    {
        Alert a = TestData.Create(TestData.Draft(level: WarningLevel.Blue, target: AlertTarget.WholeDistrict()));
        Assert.Equal(RefusalCode.ApprovalRequired, a.Dispatch(TestData.Operator, _clock.Now).Refusal);
    }

    [Fact]
    public void A_district_wide_level_I_drill_is_dispatched_without_a_second_person_and_stays_a_drill()
    {
        Alert a = TestData.Create(TestData.Draft(kind: AlertKind.Drill, level: WarningLevel.Red, target: AlertTarget.WholeDistrict()));
        Alert sent = TestData.Ok(a.Dispatch(TestData.Operator, _clock.Now));
        Assert.Equal("drill", sent.CommandMode);
        Alert updated = TestData.Ok(sent.Update(TestData.Operator, new AlertUpdate(WarningLevel.Red, TestData.Message(2)), _clock.Now));
        Assert.Equal(AlertKind.Drill, updated.Kind);
        Assert.Equal("drill", updated.CommandMode);
    }

    [Fact]
    public void Drills_are_never_dispatched_as_live_whatever_happens_to_them()
    {
        Alert a = TestData.Create(TestData.Draft(kind: AlertKind.Drill));
        var seen = new List<Alert> { a };
        seen.Add(TestData.Ok(a.Submit(TestData.Operator, _clock.Now)));
        seen.Add(TestData.Ok(seen[^1].Approve(TestData.Approver, _clock.Now)));
        seen.Add(TestData.Ok(seen[^1].Dispatch(TestData.Operator, _clock.Now)));
        seen.Add(TestData.Ok(seen[^1].Update(TestData.Operator, new AlertUpdate(WarningLevel.Red), _clock.Now)));
        seen.Add(TestData.Ok(seen[^1].AllClear(TestData.Operator, _clock.Now)));
        Assert.All(seen, s => Assert.Equal("drill", s.CommandMode));
        Assert.Equal("live", AlertKinds.CommandMode(AlertKind.Live));
    }

    [Fact]
    public void An_update_bumps_the_version_and_redispatches_to_the_same_targets()
    {
        Alert sent = TestData.Ok(TestData.Create(TestData.Draft(target: AlertTarget.ForStreets("s1"))).Dispatch(TestData.Operator, _clock.Now));
        AlertTransition t = sent.Update(TestData.OtherOperator, new AlertUpdate(WarningLevel.Blue, TestData.Message(2)), _clock.Advance(TimeSpan.FromMinutes(5)));
        Assert.True(t.Succeeded);
        Assert.Equal(2, t.Alert.Version);
        Assert.Equal(WarningLevel.Blue, t.Alert.Level);
        Assert.Equal(sent.CommunityIds, t.Alert.CommunityIds);
        Assert.Equal(AlertEffect.BroadcastUpdate, t.Effect);
        Assert.Equal((AuditAction.Update, 2), (t.Audit.Action, t.Audit.Version));
    }

    [Fact]
    public void Raising_a_dispatched_alert_to_level_II_waits_for_a_second_person_while_the_current_version_stays_on_air()
    {
        Alert sent = TestData.Ok(TestData.Create(TestData.Draft(level: WarningLevel.Yellow)).Dispatch(TestData.Operator, _clock.Now));
        AlertTransition requested = sent.Update(TestData.Operator, new AlertUpdate(WarningLevel.Orange), _clock.Now);
        Assert.True(requested.Succeeded);
        Assert.Equal(AlertEffect.None, requested.Effect);
        Assert.Equal(AuditAction.RequestUpdate, requested.Audit.Action);
        Assert.Equal((1, WarningLevel.Yellow, AlertState.Dispatched), (requested.Alert.Version, requested.Alert.Level, requested.Alert.State));

        Assert.Equal(RefusalCode.SamePerson, requested.Alert.Approve(TestData.Admin with { Id = "op-li" }, _clock.Now).Refusal);
        AlertTransition approved = requested.Alert.Approve(TestData.Approver, _clock.Now);
        Assert.Equal(AlertEffect.BroadcastUpdate, approved.Effect);
        Assert.Equal((2, WarningLevel.Orange), (approved.Alert!.Version, approved.Alert.Level));
        Assert.Null(approved.Alert.PendingUpdate);
    }

    [Fact]
    public void A_pending_update_can_be_declined()
    {
        Alert sent = TestData.Ok(TestData.Create(TestData.Draft()).Dispatch(TestData.Operator, _clock.Now));
        Alert requested = TestData.Ok(sent.Update(TestData.Operator, new AlertUpdate(WarningLevel.Red), _clock.Now));
        Alert declined = TestData.Ok(requested.Reject(TestData.Approver, "not confirmed", _clock.Now));
        Assert.Null(declined.PendingUpdate);
        Assert.Equal(1, declined.Version);
    }

    [Fact]
    public void Cancel_is_one_action_for_any_operator_on_a_dispatched_alert_that_needed_approval()
    {
        Alert pending = TestData.Ok(TestData.Create(TestData.Draft(level: WarningLevel.Red)).Submit(TestData.Operator, _clock.Now));
        Alert sent = TestData.Ok(TestData.Ok(pending.Approve(TestData.Approver, _clock.Now)).Dispatch(TestData.Approver, _clock.Now));
        AlertTransition t = sent.Cancel(TestData.OtherOperator, _clock.Now);
        Assert.True(t.Succeeded);
        Assert.Equal(AlertState.Cancelled, t.Alert.State);
        Assert.Equal(AlertEffect.Cancel, t.Effect);
        Assert.Equal("op-wang", t.Alert.EndedBy);
    }

    [Fact]
    public void Cancelling_before_dispatch_sends_nothing_and_a_final_alert_cannot_be_cancelled_again()
    {
        Alert draft = TestData.Create(TestData.Draft());
        AlertTransition t = draft.Cancel(TestData.Operator, _clock.Now);
        Assert.Equal(AlertEffect.None, t.Effect);
        Assert.Equal(RefusalCode.WrongState, t.Alert!.Cancel(TestData.Operator, _clock.Now).Refusal);
    }

    [Fact]
    public void All_clear_ends_a_dispatched_alert_and_plays_the_all_clear()
    {
        Alert sent = TestData.Ok(TestData.Create(TestData.Draft()).Dispatch(TestData.Operator, _clock.Now));
        AlertTransition t = sent.AllClear(TestData.Operator, _clock.Now);
        Assert.Equal((AlertState.AllClear, AlertEffect.AllClear), (t.Alert!.State, t.Effect));
        Assert.Equal(RefusalCode.WrongState, TestData.Create(TestData.Draft()).AllClear(TestData.Operator, _clock.Now).Refusal);
        Assert.Equal(RefusalCode.WrongState, t.Alert.Update(TestData.Operator, new AlertUpdate(WarningLevel.Red), _clock.Now).Refusal);
    }

    [Fact]
    public void An_alert_expires_only_once_its_validity_has_ended()
    {
        Alert sent = TestData.Ok(TestData.Create(TestData.Draft(validFor: TimeSpan.FromHours(1))).Dispatch(TestData.Operator, _clock.Now));
        Assert.Equal(RefusalCode.Expired, sent.Expire(_clock.Advance(TimeSpan.FromMinutes(59))).Refusal);
        Assert.True(sent.IsOnAir(_clock.Now));
        Alert expired = TestData.Ok(sent.Expire(_clock.Advance(TimeSpan.FromMinutes(1))));
        Assert.Equal((AlertState.Expired, "system"), (expired.State, expired.EndedBy));
        Assert.False(sent.IsOnAir(_clock.Now));
    }

    [Fact]
    public void An_expired_draft_cannot_be_dispatched()
    {
        Alert a = TestData.Create(TestData.Draft(validFor: TimeSpan.FromHours(1)));
        AlertTransition t = a.Dispatch(TestData.Operator, _clock.Advance(TimeSpan.FromHours(2)));
        Assert.Equal(RefusalCode.Expired, t.Refusal);
    }

    [Fact]
    public void Dispatch_of_a_dispatched_alert_is_refused_naming_its_state()
    {
        Alert sent = TestData.Ok(TestData.Create(TestData.Draft()).Dispatch(TestData.Operator, _clock.Now));
        AlertTransition t = sent.Dispatch(TestData.Operator, _clock.Now);
        Assert.Equal(RefusalCode.WrongState, t.Refusal);
        Assert.Contains("Dispatched", t.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_declined_alert_goes_back_to_draft()
    {
        Alert pending = TestData.Ok(TestData.Create(TestData.Draft(level: WarningLevel.Red)).Submit(TestData.Operator, _clock.Now));
        Assert.Equal(RefusalCode.RoleNotAllowed, pending.Reject(TestData.OtherOperator, "no", _clock.Now).Refusal);
        Alert back = TestData.Ok(pending.Reject(TestData.Approver, "wrong area", _clock.Now));
        Assert.Equal(AlertState.Draft, back.State);
    }

    [Fact]
    public void A_stored_alert_reads_back_equal_through_json()
    {
        Alert sent = TestData.Ok(TestData.Create(TestData.Draft()).Dispatch(TestData.Operator, _clock.Now));
        string json = System.Text.Json.JsonSerializer.Serialize(sent);
        Alert back = System.Text.Json.JsonSerializer.Deserialize<Alert>(json)!;
        Assert.Equal(sent.Id, back.Id);
        Assert.Equal(sent.CommunityIds, back.CommunityIds);
        Assert.Equal(sent.Message.Clips, back.Message.Clips);
        Assert.Equal(sent.State, back.State);
        Assert.Equal(sent.DispatchedAt, back.DispatchedAt);
    }
}
