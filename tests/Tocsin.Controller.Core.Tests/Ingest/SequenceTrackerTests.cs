using System.Text.Json;
using Tocsin.Controller.Ingest;
using Xunit;

namespace Tocsin.Controller.Tests.Ingest;

public sealed class SequenceTrackerTests
{
    [Fact]
    public void Messages_in_order_advance_the_acknowledgement()
    {
        var t = new SequenceTracker();
        Assert.Equal(SequenceOutcome.New, t.Accept(7, 1, 1).Outcome);
        SequenceAcceptance a = t.Accept(7, 1, 2);
        Assert.Equal(SequenceOutcome.New, a.Outcome);
        Assert.Equal(2, a.Upto);
        Assert.True(a.ShouldAcknowledge);
    }

    [Fact]
    public void A_redelivered_message_is_a_duplicate_but_is_acknowledged_again()
    {
        var t = new SequenceTracker();
        t.Accept(7, 1, 1);
        t.Accept(7, 1, 2);
        SequenceAcceptance a = t.Accept(7, 1, 1);
        Assert.Equal(SequenceOutcome.Duplicate, a.Outcome);
        Assert.True(a.ShouldAcknowledge);
        Assert.Equal(2, a.Upto);
    }

    [Fact]
    public void A_duplicate_above_the_prefix_is_recognised_too()
    {
        var t = new SequenceTracker();
        t.Accept(7, 1, 1);
        t.Accept(7, 1, 3);
        Assert.Equal(SequenceOutcome.Duplicate, t.Accept(7, 1, 3).Outcome);
    }

    [Fact]
    public void A_hole_holds_the_acknowledgement_back_and_is_reported_as_an_open_gap()
    {
        var t = new SequenceTracker();
        t.Accept(7, 1, 1);
        SequenceAcceptance a = t.Accept(7, 1, 4);
        Assert.Equal(1, a.Upto);
        Assert.Equal([new SequenceRange(2, 3)], t.OpenGaps);
        Assert.Equal(4, t.HighestReceived);

        t.Accept(7, 1, 3);
        Assert.Equal([new SequenceRange(2, 2)], t.OpenGaps);
        Assert.Equal(4, t.Accept(7, 1, 2).Upto);
        Assert.Empty(t.OpenGaps);
        Assert.Equal(0, t.LostCount);
    }

    [Fact]
    public void Numbers_below_the_floor_that_never_arrived_become_recorded_lost_gaps()
    {
        var t = new SequenceTracker();
        t.Accept(7, 1, 1);
        t.Accept(7, 1, 3);
        SequenceAcceptance a = t.Accept(7, 6, 7);
        Assert.Equal([new SequenceRange(2, 2), new SequenceRange(4, 5)], a.NewlyLost);
        Assert.Equal(5, a.Upto);
        Assert.Equal(3, t.LostCount);
        Assert.Equal([new SequenceRange(2, 2), new SequenceRange(4, 5)], t.LostRanges);
        Assert.Equal([new SequenceRange(6, 6)], t.OpenGaps);
        Assert.Equal(7, t.Accept(7, 6, 6).Upto);
    }

    [Fact]
    public void A_first_message_with_a_high_floor_records_everything_before_it_as_lost()
    {
        var t = new SequenceTracker();
        SequenceAcceptance a = t.Accept(7, 40, 42);
        Assert.Equal([new SequenceRange(1, 39)], a.NewlyLost);
        Assert.Equal(39, a.Upto);
        Assert.Equal(39, t.LostCount);
    }

    [Fact]
    public void A_number_recorded_lost_that_arrives_after_all_is_new_and_no_longer_lost()
    {
        var t = new SequenceTracker();
        t.Accept(7, 1, 1);
        t.Accept(7, 5, 5);
        SequenceAcceptance late = t.Accept(7, 3, 3);
        Assert.Equal(SequenceOutcome.New, late.Outcome);
        Assert.True(late.Recovered);
        Assert.Equal(2, t.LostCount);
        Assert.Equal([new SequenceRange(2, 2), new SequenceRange(4, 4)], t.LostRanges);
    }

    [Fact]
    public void A_new_epoch_resets_the_tracker()
    {
        var t = new SequenceTracker();
        t.Accept(7, 1, 1);
        t.Accept(7, 1, 2);
        SequenceAcceptance a = t.Accept(8, 1, 1);
        Assert.True(a.EpochChanged);
        Assert.Equal(SequenceOutcome.New, a.Outcome);
        Assert.Equal(8, t.Epoch);
        Assert.Equal(1, a.Upto);
    }

    [Fact]
    public void A_late_message_from_a_retired_epoch_does_not_drag_the_tracker_back()
    {
        var t = new SequenceTracker();
        t.Accept(7, 1, 1);
        t.Accept(8, 1, 1);
        SequenceAcceptance stale = t.Accept(7, 1, 2);
        Assert.Equal(SequenceOutcome.StaleEpoch, stale.Outcome);
        Assert.False(stale.ShouldAcknowledge);
        Assert.Equal(8, t.Epoch);
        Assert.Equal(SequenceOutcome.New, t.Accept(8, 1, 2).Outcome);
    }

    [Fact]
    public void The_state_survives_a_restart_through_a_json_snapshot()
    {
        var t = new SequenceTracker();
        t.Accept(7, 1, 1);
        t.Accept(7, 1, 4);
        t.Accept(7, 3, 5);
        t.Accept(8, 1, 1);
        t.Accept(8, 1, 3);
        string json = JsonSerializer.Serialize(t.Export());
        var restored = SequenceTracker.FromSnapshot(JsonSerializer.Deserialize<SequenceSnapshot>(json)!);
        Assert.Equal(t.Epoch, restored.Epoch);
        Assert.Equal(t.Upto, restored.Upto);
        Assert.Equal(t.OpenGaps, restored.OpenGaps);
        Assert.Equal(SequenceOutcome.Duplicate, restored.Accept(8, 1, 3).Outcome);
        Assert.Equal(SequenceOutcome.StaleEpoch, restored.Accept(7, 1, 6).Outcome);
        Assert.Equal(3, restored.Accept(8, 1, 2).Upto);
    }

    [Fact]
    public void Too_many_out_of_order_numbers_settle_the_oldest_hole_as_lost()
    {
        var t = new SequenceTracker();
        for (long s = 3; s < 3 + SequenceTracker.MaxPending + 1; s++)
        {
            t.Accept(1, 1, s);
        }

        Assert.Equal(2 + SequenceTracker.MaxPending + 1, t.Upto);
        Assert.Equal([new SequenceRange(1, 2)], t.LostRanges);
    }

    [Fact]
    public void A_book_keeps_one_tracker_per_node()
    {
        var book = new SequenceBook();
        var h = new OutboxHeader(1, 1, 1, null, null);
        Assert.Equal(SequenceOutcome.New, book.Accept(new ResultMessage("bn-1", h, "c", 1, "k", "done", null)).Outcome);
        Assert.Equal(SequenceOutcome.New, book.Accept(new ResultMessage("bn-2", h, "c", 1, "k", "done", null)).Outcome);
        Assert.Equal(SequenceOutcome.Duplicate, book.Accept(new ResultMessage("bn-1", h, "c", 1, "k", "done", null)).Outcome);
        SequenceBook restored = SequenceBook.FromSnapshots(book.Export());
        Assert.Equal(2, restored.Count);
        Assert.Equal(1, restored.For("bn-2").Upto);
    }
}
