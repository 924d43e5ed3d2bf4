using Tocsin.Controller.Alerts;
using Tocsin.Controller.Tests.Support;
using Xunit;

namespace Tocsin.Controller.Tests.Alerts;

public sealed class AlertCreationTests
{
    [Fact]
    public void A_created_alert_is_a_draft_with_resolved_targets_and_an_audit_entry()
    {
        AlertTransition t = Alert.Create(TestData.Draft(target: AlertTarget.ForStreets("s1")), TestData.Operator, TestData.SmallMap(), FakeClock.Start);
        Assert.True(t.Succeeded);
        Assert.Equal(AlertState.Draft, t.Alert.State);
        Assert.Equal(1, t.Alert.Version);
        Assert.Equal(["c1", "c2"], t.Alert.CommunityIds);
        Assert.False(t.Alert.IsDistrictWide);
        Assert.Equal(FakeClock.Start, t.Alert.StartsAt);
        Assert.Equal(new AuditEntry("a-20261129-0007", 1, AuditAction.Create, "op-li", FakeClock.Start, false, t.Audit.Detail), t.Audit);
        Assert.Equal(AlertEffect.None, t.Effect);
    }

    [Fact]
    public void Naming_every_street_makes_an_alert_district_wide()
    {
        Alert a = TestData.Create(TestData.Draft(target: AlertTarget.ForStreets("s1", "s2")));
        Assert.True(a.IsDistrictWide);
        Assert.Equal(["c1", "c2", "c3"], a.CommunityIds);
        Assert.True(TestData.Create(TestData.Draft(target: AlertTarget.WholeDistrict())).IsDistrictWide);
    }

    [Fact]
    public void Unknown_targets_and_bad_content_are_all_reported_and_no_alert_is_created()
    {
        AlertDraft draft = TestData.Draft(target: AlertTarget.ForCommunities("c1", "c9"), id: "bad id!") with
        {
            Message = new AlertMessage("", "t", [0, 3000], SirenPattern.Wail, 9, SirenSeconds: 0, Zones: [1, 1, 9]),
            ExpiresAt = FakeClock.Start.AddHours(30),
        };
        AlertTransition t = Alert.Create(draft, TestData.Operator, TestData.SmallMap(), FakeClock.Start);
        Assert.False(t.Succeeded);
        Assert.Null(t.Alert);
        Assert.Equal(RefusalCode.InvalidInput, t.Refusal);
        Assert.Equal(
            ["$.id", "$.message.title", "$.message.clips[0]", "$.message.clips[1]", "$.message.repeat", "$.message.sirenSeconds", "$.message.zones[1]", "$.message.zones[2]", "$.expiresAt", "$.target.ids[1]"],
            t.Errors.Select(e => e.Path));
    }

    [Fact]
    public void An_alert_without_siren_needs_a_clip()
    {
        AlertDraft draft = TestData.Draft() with { Message = new AlertMessage("t", "x", [], SirenPattern.None) };
        AlertTransition t = Alert.Create(draft, TestData.Operator, TestData.SmallMap(), FakeClock.Start);
        Assert.Contains(t.Errors, e => e.Path == "$.message.clips");
    }

    [Fact]
    public void An_alert_valid_for_more_than_24_hours_is_refused_because_nodes_refuse_it()
    {
        AlertTransition t = Alert.Create(TestData.Draft(validFor: TimeSpan.FromHours(25)), TestData.Operator, TestData.SmallMap(), FakeClock.Start);
        Assert.Contains(t.Errors, e => e.Path == "$.expiresAt" && e.Message.Contains("24 hours", StringComparison.Ordinal));
    }

    [Fact]
    public void Alert_ids_have_a_date_and_number_form()
    {
        Assert.Equal("a-20261129-0007", AlertIds.Format(FakeClock.Start, 7));
        Assert.True(AlertIds.IsValid("a-20261129-0007"));
        Assert.False(AlertIds.IsValid("a.1"));
        Assert.False(AlertIds.IsValid(new string('a', 33)));
    }
}
