using Tocsin.Simulator.Deterministic;

namespace Tocsin.Simulator.Runs.Tests;

public sealed class NodeSchedulerTests
{
    [Fact]
    public void Nodes_come_due_in_their_slot_in_index_order_and_once()
    {
        var s = new NodeScheduler(nodes: 4, resolutionMs: 100, horizonMs: 5000);
        s.At(3, 250, 0);
        s.At(1, 300, 0);
        s.At(2, 1000, 0);
        var due = new List<int>();
        s.TakeDue(200, due);
        Assert.Empty(due);
        s.TakeDue(300, due);
        Assert.Equal([1, 3], due);
        s.TakeDue(300, due);
        Assert.Empty(due);
    }

    [Fact]
    public void Moving_a_node_earlier_wins_and_the_stale_entry_is_skipped()
    {
        var s = new NodeScheduler(2, 100, 5000);
        s.At(0, 2000, 0);
        s.At(0, 500, 0);
        var due = new List<int>();
        s.TakeDue(500, due);
        Assert.Equal([0], due);
        s.TakeDue(2000, due);
        Assert.Empty(due);
    }

    [Fact]
    public void A_node_woken_in_a_slot_already_taken_steps_in_the_next()
    {
        var s = new NodeScheduler(1, 100, 5000);
        var due = new List<int>();
        s.TakeDue(1000, due);
        s.At(0, 1000, 1000);
        s.TakeDue(1100, due);
        Assert.Equal([0], due);
    }

    [Fact]
    public void Beyond_the_horizon_is_refused()
    {
        var s = new NodeScheduler(1, 100, 1000);
        Assert.Throws<ArgumentOutOfRangeException>(() => s.At(0, 10_000, 0));
    }
}
