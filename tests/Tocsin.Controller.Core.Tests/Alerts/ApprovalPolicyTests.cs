using Tocsin.Controller.Alerts;
using Tocsin.Controller.Tests.Support;
using Xunit;

namespace Tocsin.Controller.Tests.Alerts;

public sealed class ApprovalPolicyTests
{
    [Theory]
    [InlineData(WarningLevel.Red)]
    [InlineData(WarningLevel.Orange)]
    public void A_live_level_I_or_II_alert_needs_a_second_person(WarningLevel level)
    {
        Assert.True(ApprovalPolicy.NeedsSecondPerson(AlertKind.Live, level, districtWide: false));
    }

    [Theory]
    [InlineData(WarningLevel.Yellow)]
    [InlineData(WarningLevel.Blue)]
    [InlineData(WarningLevel.Info)]
    public void A_live_district_wide_alert_needs_a_second_person_at_any_level(WarningLevel level)
    {
        Assert.True(ApprovalPolicy.NeedsSecondPerson(AlertKind.Live, level, districtWide: true));
        Assert.False(ApprovalPolicy.NeedsSecondPerson(AlertKind.Live, level, districtWide: false));
    }

    [Theory]
    [InlineData(WarningLevel.Red, true)]
    [InlineData(WarningLevel.Orange, false)]
    [InlineData(WarningLevel.Blue, true)]
    public void A_drill_never_needs_a_second_person(WarningLevel level, bool districtWide)
    {
        Assert.False(ApprovalPolicy.NeedsSecondPerson(AlertKind.Drill, level, districtWide));
    }

    [Fact]
    public void Only_approvers_and_admins_other_than_the_author_may_approve()
    {
        Assert.Null(ApprovalPolicy.CheckApprover(TestData.Approver, TestData.Operator.Id));
        Assert.Null(ApprovalPolicy.CheckApprover(TestData.Admin, TestData.Operator.Id));
        Assert.Equal(RefusalCode.RoleNotAllowed, ApprovalPolicy.CheckApprover(TestData.OtherOperator, TestData.Operator.Id)!.Value.Code);
        Assert.Equal(RefusalCode.SamePerson, ApprovalPolicy.CheckApprover(TestData.Approver, TestData.Approver.Id)!.Value.Code);
    }
}
