using Tocsin.Controller.Alerts;
using Tocsin.Controller.Nodes;
using Tocsin.Controller.Regions;
using Xunit;

namespace Tocsin.Controller.Tests.Support;

/// <summary>A small district: street s1 (c1 1000, c2 2000), street s2 (c3 3000); 6000 residents.</summary>
public static class TestData
{
    public static readonly Actor Operator = new("op-li", "Li", OperatorRole.Operator);
    public static readonly Actor OtherOperator = new("op-wang", "Wang", OperatorRole.Operator);
    public static readonly Actor Approver = new("ap-chen", "Chen", OperatorRole.Approver);
    public static readonly Actor Admin = new("ad-zhao", "Zhao", OperatorRole.Admin);

    public static RegionMap SmallMap()
    {
        var district = new District("d", "District", [
            new Street("s1", "Street one", [new Community("c1", "One", 1000), new Community("c2", "Two", 2000)]),
            new Street("s2", "Street two", [new Community("c3", "Three", 3000)]),
        ]);
        RegionLoadResult r = RegionMap.Create(district);
        Assert.True(r.Succeeded, string.Join("\n", r.Errors));
        return r.Map;
    }

    public static NodeRecord Speaker(string id, string community, int covered, bool revoked = false) =>
        new(id, NodeKind.Broadcast, community, null, string.Empty, covered, revoked, FakeClock.Start);

    public static NodeRecord Sensor(string id, string community) =>
        new(id, NodeKind.Sensor, community, null, string.Empty, 0, false, FakeClock.Start);

    public static byte[] KeyFor(string nodeId) => System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("key:" + nodeId));

    public static AlertMessage Message(int clips = 1) => new("Waterlogging", "Water is rising", Enumerable.Range(101, clips).ToList(), SirenPattern.Wail, 3);

    public static AlertDraft Draft(
        AlertKind kind = AlertKind.Live,
        WarningLevel level = WarningLevel.Yellow,
        AlertTarget? target = null,
        string id = "a-20261129-0007",
        TimeSpan? validFor = null) =>
        new(id, kind, Hazard.Waterlogging, level, target ?? AlertTarget.ForCommunities("c1"), Message(), FakeClock.Start + (validFor ?? TimeSpan.FromHours(2)));

    /// <summary>Creates an alert or fails the test.</summary>
    public static Alert Create(AlertDraft draft, Actor? by = null, RegionMap? map = null)
    {
        AlertTransition t = Alert.Create(draft, by ?? Operator, map ?? SmallMap(), FakeClock.Start);
        Assert.True(t.Succeeded, t.Reason);
        return t.Alert;
    }

    /// <summary>Asserts success and returns the new alert.</summary>
    public static Alert Ok(AlertTransition t)
    {
        Assert.True(t.Succeeded, t.Reason);
        return t.Alert;
    }
}
