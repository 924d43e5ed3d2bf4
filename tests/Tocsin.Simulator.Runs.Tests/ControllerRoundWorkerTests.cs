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
    public void A_second_round_cannot_start_before_the_first_was_waited_for()
    {
        using var worker = new ControllerRoundWorker();
        using var release = new ManualResetEventSlim();
        worker.Begin(release.Wait);
        Assert.Throws<InvalidOperationException>(() => worker.Begin(() => { }));
        release.Set();
        worker.Wait();
    }
}
