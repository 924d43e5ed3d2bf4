using Tocsin.Simulator.Reports;
using Xunit;

namespace Tocsin.Simulator.Tests.Reports;

public sealed class OutboxKeySetTests
{
    [Fact]
    public void Behaves_as_a_set_for_keys_in_any_order_and_repeated()
    {
        var random = new Random(7);
        var set = new OutboxKeySet();
        var expected = new HashSet<long>();
        for (int i = 0; i < 20_000; i++)
        {
            // Mostly the next sequence of one of three epochs, some resends, some out of order.
            long epoch = random.Next(1, 4);
            long seq = random.Next(0, 10) == 0 ? random.Next(1, 3000) : (i / 3) + 1;
            long key = NodeTally.Key(epoch, seq);
            Assert.Equal(expected.Add(key), set.Add(key));
        }

        Assert.Equal(expected.Count, set.Count);
        Assert.Equal(expected.Order(), set);
        for (long seq = 0; seq < 8000; seq++)
        {
            long key = NodeTally.Key(2, seq);
            Assert.Equal(expected.Contains(key), set.Contains(key));
        }
    }

    [Fact]
    public void Keys_in_sequence_are_kept_as_one_run_per_epoch()
    {
        var set = new OutboxKeySet();
        for (long seq = 1; seq <= 5000; seq++)
        {
            Assert.True(set.Add(NodeTally.Key(3, seq)));
        }

        Assert.False(set.Add(NodeTally.Key(3, 4999)));
        for (long seq = 1; seq <= 10; seq++)
        {
            set.Add(NodeTally.Key(4, seq));
        }

        Assert.Equal(5010, set.Count);
        Assert.Equal(2, set.RunCount);
    }

    [Fact]
    public void A_gap_filled_later_joins_its_neighbours_into_one_run()
    {
        var set = new OutboxKeySet();
        set.Add(1);
        set.Add(2);
        set.Add(5);
        set.Add(4);
        Assert.Equal(2, set.RunCount);
        Assert.True(set.Add(3));
        Assert.Equal(1, set.RunCount);
        Assert.Equal([1L, 2, 3, 4, 5], set);
        Assert.False(set.Contains(0));
        Assert.False(set.Contains(6));
    }
}
