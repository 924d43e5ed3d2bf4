using Tocsin.Simulator.World;
using Xunit;

namespace Tocsin.Simulator.Tests.World;

public sealed class LowPointBasinTests
{
    public static TheoryData<int, int> Variants()
    {
        var data = new TheoryData<int, int>();
        for (int c = 0; c < 5; c++)
        {
            for (int d = 0; d < 5; d++)
            {
                data.Add(c, d);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void A_typical_low_point_stays_dry_through_a_day_of_moderate_rain_and_floods_in_a_downpour(int catchment, int drain)
    {
        LowPointBasin basin = LowPointBasin.Typical(catchment, drain);
        for (int minute = 0; minute < 24 * 60; minute++)
        {
            basin.Step(8, 1);
        }

        Assert.Equal(0, basin.DepthMm);
        for (int minute = 0; minute < 30; minute++)
        {
            basin.Step(60, 1);
        }

        Assert.True(basin.DepthMm >= 100, "depth after 30 min of 60 mm/h: " + basin.DepthMm);
    }

    [Fact]
    public void Typical_low_points_differ_in_catchment_and_in_the_rain_their_drains_keep_up_with()
    {
        LowPointBasin smallest = LowPointBasin.Typical(0, 0);
        LowPointBasin largest = LowPointBasin.Typical(4, 4);
        Assert.Equal(15, smallest.CatchmentRatio);
        Assert.Equal(39, largest.CatchmentRatio);
        Assert.Equal(LowPointBasin.RunoffMmPerMinute(10, 15, 0.85), smallest.DrainMmPerMinute, 9);
        Assert.Equal(LowPointBasin.RunoffMmPerMinute(30, 39, 0.85), largest.DrainMmPerMinute, 9);
        Assert.Equal(LowPointBasin.Typical(2, 3).DrainMmPerMinute, LowPointBasin.Typical(7, 8).DrainMmPerMinute, 9);
    }

    [Fact]
    public void Drains_sized_for_a_rain_rate_keep_up_with_exactly_that_rate_and_no_more()
    {
        double drain = LowPointBasin.RunoffMmPerMinute(20, 25, 0.8);
        var basin = new LowPointBasin(25, 0.8, drain, 1500);
        basin.Step(20, 60);
        Assert.Equal(0, basin.DepthMm, 6);
        basin.Step(30, 60);
        Assert.Equal(10.0 / 60 * 0.8 * 25 * 60, basin.DepthMm, 6);
        basin.Step(0, 1000);
        Assert.Equal(0, basin.DepthMm);
    }
}
