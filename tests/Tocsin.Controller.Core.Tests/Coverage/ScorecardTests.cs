using Tocsin.Controller.Coverage;
using Tocsin.Controller.Nodes;
using Tocsin.Controller.Tests.Support;
using Xunit;

namespace Tocsin.Controller.Tests.Coverage;

public sealed class ScorecardTests
{
    private static readonly NodeRecord[] Nodes =
    [
        TestData.Speaker("bn-a", "c1", 1000), TestData.Speaker("bn-c", "c2", 2000), TestData.Speaker("bn-d", "c3", 2500),
        TestData.Speaker("bn-old", "c3", 500, revoked: true), TestData.Sensor("sn-1", "c1"),
    ];

    [Fact]
    public void Terminal_coverage_counts_only_healthy_active_speakers_against_the_district_population()
    {
        DistrictScorecard s = Scorecard.Compute(TestData.SmallMap(), Nodes, new HashSet<string> { "bn-a", "bn-c", "bn-d", "bn-old" }, null, null);
        Assert.Equal(5500, s.HealthyCoveredPopulation);
        Assert.Equal(5500.0 / 6000, s.TerminalCoverage.Value!.Value, 9);
        Assert.True(s.TerminalCoverage.Met);
        Assert.Equal(0.90, s.TerminalCoverage.Target);

        DistrictScorecard degraded = Scorecard.Compute(TestData.SmallMap(), Nodes, new HashSet<string> { "bn-a", "bn-c" }, null, null);
        Assert.False(degraded.TerminalCoverage.Met);
    }

    [Fact]
    public void Warning_reach_is_reached_over_targeted_residents_against_92_percent()
    {
        var coverage = new AlertCoverage("a", FakeClock.Start, new CoverageFigures(6000, 5600, 5550, 3, 3), [], [], [], []);
        DistrictScorecard s = Scorecard.Compute(TestData.SmallMap(), Nodes, new HashSet<string>(), coverage, null);
        Assert.Equal(0.925, s.WarningReach.Value!.Value, 9);
        Assert.True(s.WarningReach.Met);
        Assert.False(Scorecard.Compute(TestData.SmallMap(), Nodes, new HashSet<string>(), coverage with { District = new CoverageFigures(6000, 5600, 5500, 3, 3) }, null).WarningReach.Met);
    }

    [Fact]
    public void Without_an_alert_warning_reach_is_not_measured()
    {
        DistrictScorecard s = Scorecard.Compute(TestData.SmallMap(), Nodes, new HashSet<string>(), null, null);
        Assert.Null(s.WarningReach.Value);
        Assert.False(s.WarningReach.Met);
    }

    [Fact]
    public void Reports_are_on_time_within_the_allowed_delay_and_untimed_ones_count_against_the_target()
    {
        DateTimeOffset at = FakeClock.Start;
        long t = at.ToUnixTimeMilliseconds();
        ReportTiming[] reports =
        [
            new("sn-1", t, at.AddSeconds(10)),
            new("sn-1", t, at.AddSeconds(60)),
            new("sn-1", t, at.AddSeconds(61)),
            new("sn-2", null, at),
        ];
        TimelinessFigures f = Timeliness.Evaluate(reports, TimeSpan.FromSeconds(60));
        Assert.Equal(new TimelinessFigures(4, 2, 1, 1), f);
        Assert.Equal(0.5, f.Ratio);
        DistrictScorecard s = Scorecard.Compute(TestData.SmallMap(), Nodes, new HashSet<string>(), null, f);
        Assert.False(s.ReportsOnTime.Met);
        Assert.True(Scorecard.Compute(TestData.SmallMap(), Nodes, new HashSet<string>(), null, Timeliness.Evaluate(reports[..2], TimeSpan.FromSeconds(60))).ReportsOnTime.Met);
    }

    [Fact]
    public void The_plan_targets_are_90_92_and_100_percent()
    {
        Assert.Equal(new PlanTargets(0.90, 0.92, 1.00), PlanTargets.District);
    }
}
