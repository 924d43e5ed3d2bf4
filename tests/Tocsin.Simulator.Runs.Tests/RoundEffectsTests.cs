using Tocsin.Simulator.Deterministic;

namespace Tocsin.Simulator.Runs.Tests;

/// <summary>What a controller round tells the run waits in the round until it is retired, in order.</summary>
public sealed class RoundEffectsTests
{
    [Fact]
    public void Effects_are_held_in_each_rounds_list_and_applied_in_order_when_it_is_retired()
    {
        var effects = new RoundEffects();
        var seen = new List<string>();
        effects.Run(() => seen.Add("before"));
        Assert.Equal(["before"], seen);

        var first = new List<Action>();
        var second = new List<Action>();
        using (var worker = new ControllerRoundWorker())
        {
            worker.Begin(() =>
            {
                effects.HoldInto(first);
                effects.Run(() => seen.Add("commit 1"));
                effects.Run(() => seen.Add("warning 1"));
                effects.StopHolding();
            });
            worker.Begin(() =>
            {
                effects.HoldInto(second);
                effects.Run(() => seen.Add("commit 2"));
                effects.StopHolding();
            });
            seen.Add("nodes collected");
            worker.Wait();
            worker.Wait();
        }

        Assert.Equal(["before", "nodes collected"], seen);
        RoundEffects.Apply(first);
        Assert.Equal(["before", "nodes collected", "commit 1", "warning 1"], seen);
        RoundEffects.Apply(second);
        Assert.Empty(first);

        effects.Run(() => seen.Add("after"));
        Assert.Equal(["before", "nodes collected", "commit 1", "warning 1", "commit 2", "after"], seen);
    }
}
