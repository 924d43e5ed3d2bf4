using Tocsin.Simulator.Deterministic;

namespace Tocsin.Simulator.Runs.Tests;

/// <summary>One slot's node steps shared between the main thread and the controller's round thread.</summary>
public sealed class SharedSlotStepsTests
{
    [Fact]
    public void Without_a_helper_the_calling_thread_steps_every_node_once_in_order()
    {
        var steps = new SharedSlotSteps();
        var stepped = new List<int>();
        steps.Run([4, 9, 2], stepped.Add);

        Assert.Equal([4, 9, 2], stepped);
        Assert.Equal(0, steps.HelperSteps);
        Assert.False(steps.IsOpen);
        Assert.False(steps.TryHelp());
    }

    [Fact]
    public void A_helper_takes_nodes_the_main_thread_has_not_and_every_node_steps_exactly_once()
    {
        var steps = new SharedSlotSteps();
        using var helperStepped = new ManualResetEventSlim();
        var counts = new int[64];
        using var stop = new CancellationTokenSource();
        Thread helper = StartHelper(steps, stop.Token);
        int helperThread = helper.ManagedThreadId;
        try
        {
            steps.Run([.. Enumerable.Range(0, 64)], CountWaitingForHelper(counts, helperThread, helperStepped, "the helper"));
        }
        finally
        {
            stop.Cancel();
            helper.Join();
        }

        Assert.All(counts, c => Assert.Equal(1, c));
        Assert.InRange(steps.HelperSteps, 1, 64);
        Assert.False(steps.IsOpen);
    }

    [Fact]
    public void Slots_one_after_another_with_a_helper_never_lose_or_repeat_a_step()
    {
        var steps = new SharedSlotSteps();
        using var stop = new CancellationTokenSource();
        Thread helper = StartHelper(steps, stop.Token);
        long total = 0;
        try
        {
            for (int slot = 0; slot < 2000; slot++)
            {
                // Sizes from 1 to 600 nodes, past the first buffer's length.
                int size = 1 + (slot * 37 % 600);
                var counts = new int[size];
                steps.Run([.. Enumerable.Range(0, size)], i => Interlocked.Increment(ref counts[i]));
                Assert.All(counts, c => Assert.Equal(1, c));
                total += size;
            }
        }
        finally
        {
            stop.Cancel();
            helper.Join();
        }

        Assert.InRange(steps.HelperSteps, 0, total);
    }

    [Fact]
    public void What_a_step_throws_on_the_helper_is_thrown_by_run_after_the_other_steps_finished()
    {
        var steps = new SharedSlotSteps();
        using var helperFailed = new ManualResetEventSlim();
        var counts = new int[32];
        using var stop = new CancellationTokenSource();
        Thread helper = StartHelper(steps, stop.Token);
        int helperThread = helper.ManagedThreadId;
        try
        {
            var e = Assert.Throws<InvalidOperationException>(() => steps.Run([.. Enumerable.Range(0, 32)], i =>
            {
                Interlocked.Increment(ref counts[i]);
                if (Environment.CurrentManagedThreadId == helperThread && !helperFailed.IsSet)
                {
                    helperFailed.Set();
                    throw new InvalidOperationException("board " + i + " failed");
                }

                if (i == 0)
                {
                    Assert.True(helperFailed.Wait(TimeSpan.FromSeconds(30)), "the helper never took a step");
                }
            }));
            Assert.StartsWith("board ", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            stop.Cancel();
            helper.Join();
        }

        // The failure stopped no other board: every one stepped once.
        Assert.All(counts, c => Assert.Equal(1, c));
        Assert.False(steps.IsOpen);
    }

    [Fact]
    public void The_round_thread_helps_between_its_rounds_and_still_runs_them_in_order()
    {
        var steps = new SharedSlotSteps();
        using var worker = new ControllerRoundWorker(steps);
        var order = new List<int>();
        int workerThread = 0;
        worker.Begin(() =>
        {
            workerThread = Environment.CurrentManagedThreadId;
            order.Add(1);
        });
        worker.Wait();

        using var helperStepped = new ManualResetEventSlim();
        var counts = new int[200];
        steps.Run([.. Enumerable.Range(0, 200)], CountWaitingForHelper(counts, workerThread, helperStepped, "the round thread"));

        worker.Begin(() => order.Add(2));
        worker.Wait();
        Assert.All(counts, c => Assert.Equal(1, c));
        Assert.True(steps.HelperSteps > 0);
        Assert.Equal([1, 2], order);
    }

    // A step that counts each node's steps. Node 0 is usually the main thread's first: it holds on to it
    // until the helper has stepped one, so the helper surely takes part (if the helper took node 0, it did).
    private static Action<int> CountWaitingForHelper(int[] counts, int helperThread, ManualResetEventSlim helperStepped, string helper) => i =>
    {
        Interlocked.Increment(ref counts[i]);
        if (Environment.CurrentManagedThreadId == helperThread)
        {
            helperStepped.Set();
        }
        else if (i == 0)
        {
            Assert.True(helperStepped.Wait(TimeSpan.FromSeconds(30)), helper + " never took a step");
        }
    };

    // A thread standing in for the round thread: it looks for steps until told to stop.
    private static Thread StartHelper(SharedSlotSteps steps, CancellationToken stop)
    {
        var helper = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                steps.TryHelp();
            }
        });
        helper.Start();
        return helper;
    }
}
