using Tocsin.Simulator.Deterministic;

namespace Tocsin.Simulator.Runs.Tests;

/// <summary>The thread that runs controller rounds beside the nodes' steps.</summary>
public sealed class ControllerRoundWorkerTests
{
    [Fact]
    public void A_round_runs_on_another_thread_and_is_done_when_wait_returns()
    {
        using var worker = new ControllerRoundWorker();
        int caller = Environment.CurrentManagedThreadId;
        int ranOn = 0;
        var done = false;
        worker.Begin(() =>
        {
            ranOn = Environment.CurrentManagedThreadId;
            Thread.Sleep(20);
            done = true;
        });
        worker.Wait();

        Assert.True(done);
        Assert.NotEqual(caller, ranOn);
        Assert.True(worker.BusySeconds > 0);
    }

    [Fact]
    public void What_a_round_throws_is_thrown_by_wait_and_the_worker_goes_on()
    {
        using var worker = new ControllerRoundWorker();
        worker.Begin(() => throw new InvalidOperationException("round failed"));
        Assert.Equal("round failed", Assert.Throws<InvalidOperationException>(worker.Wait).Message);

        var ran = false;
        worker.Begin(() => ran = true);
        worker.Wait();
        Assert.True(ran);
    }

    [Fact]
    public void Rounds_begun_together_run_one_at_a_time_in_order_and_are_waited_for_oldest_first()
    {
        using var worker = new ControllerRoundWorker();
        using var release = new ManualResetEventSlim();
        var order = new List<int>();
        worker.Begin(() =>
        {
            release.Wait();
            order.Add(1);
        });
        worker.Begin(() => throw new InvalidOperationException("second failed"));
        worker.Begin(() => order.Add(3));
        Assert.Equal(3, worker.Outstanding);

        release.Set();
        worker.Wait();
        Assert.Contains(1, order);
        Assert.Equal("second failed", Assert.Throws<InvalidOperationException>(worker.Wait).Message);
        worker.Wait();
        Assert.Equal([1, 3], order);
        Assert.Equal(0, worker.Outstanding);
    }
}
