using Tocsin.Controller.Alerts;
using Tocsin.Controller.Coverage;
using Tocsin.Controller.FanOut;
using Tocsin.Controller.Ingest;
using Tocsin.Controller.Nodes;
using Tocsin.Controller.Regions;
using Tocsin.Controller.Tests.Support;
using Xunit;

namespace Tocsin.Controller.Tests.Coverage;

/// <summary>
/// Map: c1 1000 and c2 2000 in s1, c3 3000 in s2. Speakers: bn-a 400 and bn-b 500 in c1, bn-c 1500 in
/// c2, bn-d 2500 in c3. By the deadline bn-a succeeded, bn-b failed, bn-c was silent (it played only
/// later), bn-d was playing.
/// </summary>
public sealed class CoverageCalculatorTests
{
    private readonly FakeClock _clock = new();
    private readonly RegionMap _map = TestData.SmallMap();
    private readonly NodeRecord[] _nodes =
    [
        TestData.Speaker("bn-a", "c1", 400), TestData.Speaker("bn-b", "c1", 500), TestData.Speaker("bn-c", "c2", 1500), TestData.Speaker("bn-d", "c3", 2500),
    ];

    private readonly DeliveryLedger _ledger = new();
    private readonly Alert _alert;
    private readonly FanOutPlanner _planner = new(new FakeCommandSequence());
    private readonly DateTimeOffset _deadline;
    private long _seq;

    public CoverageCalculatorTests()
    {
        // A drill, so the district-wide alert needs no second person in the test.
        _alert = TestData.Ok(TestData.Create(TestData.Draft(kind: AlertKind.Drill, target: AlertTarget.WholeDistrict())).Dispatch(TestData.Operator, _clock.Now));
        FanOutPlan plan = _planner.PlanBroadcast(_alert, Keyed(), _clock.Now);
        _ledger.Track(plan, _clock.Now);
        _clock.Advance(TimeSpan.FromSeconds(5));
        Report(plan, "bn-a", "playing");
        Report(plan, "bn-a", "succeeded");
        Report(plan, "bn-b", "failed", "no_load_current");
        Report(plan, "bn-d", "playing");
        _deadline = _clock.Advance(TimeSpan.FromMinutes(1));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Report(plan, "bn-c", "playing");
    }

    private IEnumerable<KeyedNode> Keyed() => _nodes.Select(n => new KeyedNode(n, TestData.KeyFor(n.Id)));

    private void Report(FanOutPlan plan, string node, string state, string? reason = null) =>
        _ledger.Record(new ResultMessage(node, new OutboxHeader(1, 1, ++_seq, _clock.NowMs, 1), plan.Command.CommandId, plan.Command.Seq, "broadcast", state, reason), _clock.Now);

    private AlertCoverage Compute(DateTimeOffset? deadline = null) =>
        CoverageCalculator.ForAlert(_alert, _map, _nodes, _ledger.DeliveriesOfAlert(_alert.Id), deadline ?? _deadline);

    [Fact]
    public void Community_figures_count_played_or_succeeded_speakers_times_their_coverage()
    {
        AlertCoverage c = Compute();
        Assert.Equal(["c1", "c2", "c3"], c.Communities.Select(x => x.CommunityId));
        Assert.Equal(new CoverageFigures(1000, 900, 400, 2, 1), c.Communities[0].Figures);
        Assert.Equal(new CoverageFigures(2000, 1500, 0, 1, 0), c.Communities[1].Figures);
        Assert.Equal(new CoverageFigures(3000, 2500, 2500, 1, 1), c.Communities[2].Figures);
        Assert.Equal(400.0 / 900, c.Communities[0].Figures.Ratio, 9);
        Assert.Equal(0.4, c.Communities[0].Figures.ResidentRatio, 9);
    }

    [Fact]
    public void Street_and_district_figures_are_the_sums_of_their_communities()
    {
        AlertCoverage c = Compute();
        Assert.Equal(new StreetCoverage("s1", new CoverageFigures(3000, 2400, 400, 3, 1)), c.Streets[0]);
        Assert.Equal(new StreetCoverage("s2", new CoverageFigures(3000, 2500, 2500, 1, 1)), c.Streets[1]);
        Assert.Equal(new CoverageFigures(6000, 4900, 2900, 4, 2), c.District);
        Assert.Equal(2900.0 / 4900, c.District.Ratio, 9);
        Assert.Equal(2900.0 / 6000, c.District.ResidentRatio, 9);
    }

    [Fact]
    public void Silent_and_failed_speakers_are_listed_with_their_reasons_by_the_deadline()
    {
        AlertCoverage c = Compute();
        Assert.Equal([new SpeakerIssue("bn-c", "c2", 1500, DeliveryState.Pending, null)], c.Silent);
        Assert.Equal([new SpeakerIssue("bn-b", "c1", 500, DeliveryState.Failed, "no_load_current")], c.Failed);
    }

    [Fact]
    public void Results_after_the_deadline_count_when_the_deadline_is_later()
    {
        AlertCoverage c = Compute(_clock.Now);
        Assert.Equal(4400, c.District.ReachedPopulation);
        Assert.Empty(c.Silent);
    }

    [Fact]
    public void A_speaker_reached_by_an_earlier_version_still_counts_after_an_update()
    {
        AlertTransition t = _alert.Update(TestData.Operator, new AlertUpdate(WarningLevel.Orange), _clock.Now);
        foreach (FanOutPlan p in _planner.PlanEffect(t.Alert!, t.Effect, Keyed(), _clock.Now))
        {
            _ledger.Track(p, _clock.Now);
        }

        AlertCoverage c = CoverageCalculator.ForAlert(t.Alert!, _map, _nodes, _ledger.DeliveriesOfAlert(_alert.Id), _clock.Now);
        Assert.Equal(4400, c.District.ReachedPopulation);
        Assert.Equal(4, c.District.Speakers);
    }

    [Fact]
    public void A_targeted_community_without_speakers_shows_residents_nobody_reached()
    {
        NodeRecord[] only = [TestData.Speaker("bn-d", "c3", 2500)];
        var ledger = new DeliveryLedger();
        ledger.Track(_planner.PlanBroadcast(_alert, only.Select(n => new KeyedNode(n, TestData.KeyFor(n.Id))), _clock.Now), _clock.Now);
        AlertCoverage c = CoverageCalculator.ForAlert(_alert, _map, only, ledger.DeliveriesOfAlert(_alert.Id), _clock.Now);
        Assert.Equal(new CoverageFigures(1000, 0, 0, 0, 0), c.Communities[0].Figures);
        Assert.Equal(0, c.Communities[0].Figures.Ratio);
    }
}
