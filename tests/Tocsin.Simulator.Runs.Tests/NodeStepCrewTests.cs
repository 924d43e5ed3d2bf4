using System.Collections.Concurrent;
using Tocsin.Simulator.Deterministic;

namespace Tocsin.Simulator.Runs.Tests;

/// <summary>The crew that steps a slot's nodes on the calling thread and whoever helps.</summary>
public sealed class NodeStepCrewTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void Every_item_is_stepped_exactly_once_slot_after_slot(int helpers)
    {
        using var crew = new NodeStepCrew(helpers);
        using var worker = new ControllerRoundWorker(crew.Help);
        for (int slot = 0; slot < 2_000; slot++)
        {
            int count = slot % 7 * 9;
            var items = Enumerable.Range(slot * 100, count).ToList();
            var counts = new int[count];
            worker.Begin(slot % 3 == 0 ? null : () => Thread.SpinWait(slot % 50));
            crew.Run(items, i => Interlocked.Increment(ref counts[i - (slot * 100)]));
            worker.Wait();
            Assert.All(counts, c => Assert.Equal(1, c));
        }
    }

    [Fact]
    public void The_round_worker_helps_with_the_slot_once_its_round_is_done()
    {
        using var crew = new NodeStepCrew(0);
        using var worker = new ControllerRoundWorker(crew.Help);
        var threads = new ConcurrentDictionary<int, int>();
        using var helping = new ManualResetEventSlim();
        worker.Begin(null);
        crew.Run(Enumerable.Range(0, 200).ToList(), i =>
        {
            threads.AddOrUpdate(Environment.CurrentManagedThreadId, 1, (_, n) => n + 1);
            if (threads.Count > 1)
            {
                helping.Set();
            }

            // Hold the caller until the worker has joined (or long enough that it cannot have).
            if (i < 100)
            {
                helping.Wait(TimeSpan.FromSeconds(5));
            }
        });
        worker.Wait();

        Assert.Equal(2, threads.Count);
        Assert.Equal(200, threads.Values.Sum());
    }

    [Fact]
    public void A_failing_step_is_thrown_by_run_after_the_others_were_stepped_and_the_crew_goes_on()
    {
        using var crew = new NodeStepCrew(1);
        var stepped = new ConcurrentBag<int>();
        var e = Assert.Throws<InvalidOperationException>(() => crew.Run(Enumerable.Range(0, 50).ToList(), i =>
        {
            if (i == 7)
            {
                throw new InvalidOperationException("node 7 failed");
            }

            stepped.Add(i);
        }));

        Assert.Equal("node 7 failed", e.Message);
        Assert.Equal(49, stepped.Count);
        int after = 0;
        crew.Run([1, 2, 3], _ => Interlocked.Increment(ref after));
        Assert.Equal(3, after);
    }

    [Fact]
    public void Help_outside_a_slot_does_nothing_and_dispose_is_idempotent()
    {
        var crew = new NodeStepCrew(2);
        crew.Help();
        crew.Dispose();
        crew.Dispose();
        Assert.Throws<ObjectDisposedException>(() => crew.Run([1], _ => { }));
    }
}
