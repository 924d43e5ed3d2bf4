using Tocsin.Simulator.Deterministic;

namespace Tocsin.Simulator.Runs.Tests;

/// <summary>What a controller round tells the run waits for the main thread, in order.</summary>
public sealed class RoundEffectsTests
{
    [Fact]
    public void Effects_are_held_during_a_round_and_applied_in_order_after_it()
    {
        var effects = new RoundEffects();
        var seen = new List<string>();
        effects.Run(() => seen.Add("before"));
        Assert.Equal(["before"], seen);

        effects.Defer();
        using (var worker = new ControllerRoundWorker())
        {
            worker.Begin(() =>
            {
                effects.Run(() => seen.Add("commit"));
                effects.Run(() => seen.Add("warning"));
            });
            seen.Add("nodes collected");
            worker.Wait();
        }

        Assert.Equal(["before", "nodes collected"], seen);
        effects.Apply();
        Assert.Equal(["before", "nodes collected", "commit", "warning"], seen);

        effects.Run(() => seen.Add("after"));
        effects.Apply();
        Assert.Equal(["before", "nodes collected", "commit", "warning", "after"], seen);
    }
}
