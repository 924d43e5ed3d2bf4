using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.Delivery;
using Tocsin.Firmware.Diagnostics;
using Tocsin.Firmware.Json;
using Tocsin.Firmware.Tests.Support;
using Tocsin.Simulator.Hardware;

namespace Tocsin.Firmware.Tests.Delivery;

[TestClass]
public sealed class OutboxTests
{
    private static long Enqueue(Outbox outbox, int value, int stream = OutboxStream.Report)
    {
        JsonWriter w = outbox.Begin(stream);
        w.Property("value", value);
        return outbox.Commit();
    }

    private static List<JsonElement> Sent(NodeHarness h, string leaf = "report") =>
        h.PublishedTo(leaf).Select(p => JsonDocument.Parse(p.Payload).RootElement.Clone()).ToList();

    private static NodeHarness Connected()
    {
        var h = new NodeHarness();
        h.Tick(10);
        return h;
    }

    [TestMethod]
    public void Messages_get_increasing_sequence_numbers_and_go_out_oldest_first()
    {
        var h = Connected();
        for (int i = 0; i < 5; i++)
        {
            Enqueue(h.Runtime.Outbox, i);
        }

        h.Tick(10);
        var sent = Sent(h);
        CollectionAssert.AreEqual(new long[] { 1, 2, 3, 4, 5 }, sent.Select(e => e.GetProperty("seq").GetInt64()).ToArray());
        CollectionAssert.AreEqual(new[] { 0, 1, 2, 3, 4 }, sent.Select(e => e.GetProperty("value").GetInt32()).ToArray());
        Assert.IsTrue(sent.All(e => e.GetProperty("ep").GetInt32() == h.Runtime.Outbox.Epoch));
        Assert.IsTrue(h.PublishedTo("report").All(p => p.Qos == 1 && !p.Retain));
    }

    [TestMethod]
    public void No_more_than_the_window_is_in_flight_and_acks_release_the_rest()
    {
        var h = Connected();
        for (int i = 0; i < 14; i++)
        {
            Enqueue(h.Runtime.Outbox, i);
        }

        h.Tick(10);
        Assert.AreEqual(8, Sent(h).Count);
        h.Ack(8);
        h.Tick(10);
        Assert.AreEqual(14, Sent(h).Count);
        Assert.AreEqual(6, h.Runtime.Outbox.Count);
    }

    [TestMethod]
    public void An_acknowledgement_frees_every_message_up_to_it_wherever_reused_slots_put_them()
    {
        // Freed slots are reused lowest first, so newer messages can sit before older ones and after gaps.
        var h = Connected();
        Outbox outbox = h.Runtime.Outbox;
        for (int i = 0; i < 4; i++)
        {
            Enqueue(outbox, i);
        }

        // Slots [1, 2, 3, 4] -> [-, -, 3, 4] -> [5, -, 3, 4]: a free slot before held ones, the newest first.
        outbox.Acknowledge(outbox.Epoch, 2, 10);
        Assert.AreEqual(2, outbox.Count);
        Enqueue(outbox, 4);
        outbox.Acknowledge(outbox.Epoch, 4, 20);
        Assert.AreEqual(1, outbox.Count);
        Assert.AreEqual(5, outbox.OldestSeq);

        // [5, 6, 7, -]: all of them.
        Enqueue(outbox, 5);
        Enqueue(outbox, 6);
        outbox.Acknowledge(outbox.Epoch, 7, 30);
        Assert.AreEqual(0, outbox.Count);
    }

    [TestMethod]
    public void Unacknowledged_messages_are_resent_after_the_resend_interval()
    {
        var h = Connected();
        Enqueue(h.Runtime.Outbox, 1);
        h.Tick(10);
        Assert.AreEqual(1, Sent(h).Count);
        h.Run(29_000, 1000);
        Assert.AreEqual(1, Sent(h).Count);
        h.Run(2000, 1000);
        Assert.AreEqual(2, Sent(h).Count);
        Assert.AreEqual(1, h.Runtime.Outbox.ResendCount);
        h.Ack(1);
        h.Run(60_000, 1000);
        Assert.AreEqual(2, Sent(h).Count);
        Assert.AreEqual(0, h.Runtime.Outbox.Count);
    }

    [TestMethod]
    public void Nothing_is_lost_through_an_outage_and_a_reboot_and_order_is_kept()
    {
        var h = Connected();
        h.Link.NextConnect = ConnectBehaviour.Refuse;
        h.Link.DropConnection();
        for (int i = 0; i < 10; i++)
        {
            Enqueue(h.Runtime.Outbox, i);
            h.Run(60_000, 5000);
        }

        h.Reboot();
        h.Run(5000, 1000);
        for (int i = 10; i < 12; i++)
        {
            Enqueue(h.Runtime.Outbox, i);
        }

        h.Link.NextConnect = ConnectBehaviour.Accept;
        for (int round = 0; round < 5 && h.Runtime.Outbox.Count > 0; round++)
        {
            h.Run(400_000, 1000);
            long highest = Sent(h).Select(e => e.GetProperty("seq").GetInt64()).DefaultIfEmpty(0).Max();
            h.Ack(highest);
        }

        var values = Sent(h).GroupBy(e => e.GetProperty("seq").GetInt64()).OrderBy(g => g.Key).Select(g => g.First().GetProperty("value").GetInt32()).ToArray();
        CollectionAssert.AreEqual(Enumerable.Range(0, 12).ToArray(), values);
        Assert.AreEqual(0, h.Runtime.Outbox.DroppedCount);
    }

    [TestMethod]
    public void Sequence_numbers_are_never_reused_after_a_reboot_even_when_all_were_acknowledged()
    {
        var h = Connected();
        Enqueue(h.Runtime.Outbox, 1);
        Enqueue(h.Runtime.Outbox, 2);
        h.Tick(10);
        h.Ack(2);
        int epoch = h.Runtime.Outbox.Epoch;
        h.Reboot();
        Assert.AreEqual(3, Enqueue(h.Runtime.Outbox, 3));
        Assert.AreEqual(epoch, h.Runtime.Outbox.Epoch);
    }

    [TestMethod]
    public void When_full_the_oldest_message_is_evicted_counted_and_the_gap_is_visible_as_floor()
    {
        var h = Connected();
        h.Link.DropConnection();
        h.Link.NextConnect = ConnectBehaviour.Refuse;
        int capacity = h.Runtime.Outbox.Capacity;
        for (int i = 0; i < capacity + 3; i++)
        {
            Enqueue(h.Runtime.Outbox, i);
        }

        Assert.AreEqual(3, h.Runtime.Outbox.DroppedCount);
        Assert.AreEqual(capacity, h.Runtime.Outbox.Count);
        h.Link.NextConnect = ConnectBehaviour.Accept;
        h.Run(400_000, 1000);
        var first = Sent(h).First();
        Assert.AreEqual(4, first.GetProperty("seq").GetInt64());
        Assert.AreEqual(4, first.GetProperty("floor").GetInt64());
        h.Reboot();
        Assert.AreEqual(3, h.Runtime.Outbox.DroppedCount, "the drop count survives a reboot");
    }

    [TestMethod]
    public void Acknowledgements_for_another_epoch_or_retained_ones_change_nothing()
    {
        var h = Connected();
        Enqueue(h.Runtime.Outbox, 1);
        h.Link.Deliver(h.Topic("ack"), System.Text.Encoding.UTF8.GetBytes("{\"ep\":" + (h.Runtime.Outbox.Epoch + 1) + ",\"upto\":99}"));
        h.Link.Deliver(h.Topic("ack"), System.Text.Encoding.UTF8.GetBytes("{\"ep\":" + h.Runtime.Outbox.Epoch + ",\"upto\":99}"), retain: true);
        h.Link.Deliver(h.Topic("ack"), System.Text.Encoding.UTF8.GetBytes("{\"upto\":\"x\"}"));
        h.Tick(10);
        Assert.AreEqual(1, h.Runtime.Outbox.Count);
    }

    [TestMethod]
    public void A_message_stored_in_the_modules_tick_goes_out_in_that_same_tick()
    {
        var h = Connected();
        bool store = true;
        h.Module.OnTick = _ =>
        {
            if (store)
            {
                store = false;
                Enqueue(h.Runtime.Outbox, 7);
            }
        };

        h.Tick(10);
        Assert.AreEqual(1, Sent(h).Count, "sent by the tick that stored it, not a loop later");
        Assert.AreEqual(7, Sent(h)[0].GetProperty("value").GetInt32());
    }

    [TestMethod]
    public void The_message_just_stored_is_sent_from_ram_and_older_ones_are_read_back_from_flash()
    {
        var h = Connected();
        Enqueue(h.Runtime.Outbox, 1);
        Enqueue(h.Runtime.Outbox, 2);
        int reads = h.Flash.ReadCount;
        h.Tick(10);
        CollectionAssert.AreEqual(new[] { 1, 2 }, Sent(h).Select(e => e.GetProperty("value").GetInt32()).ToArray());
        Assert.AreEqual(reads + 1, h.Flash.ReadCount, "only the older message needed its slot read");

        Enqueue(h.Runtime.Outbox, 3);
        h.Ack(2);
        h.Tick(10);
        Assert.AreEqual(3, Sent(h)[2].GetProperty("value").GetInt32());
        Assert.AreEqual(reads + 1, h.Flash.ReadCount);
    }

    [TestMethod]
    public void A_message_whose_flash_write_failed_never_replaces_the_one_held_in_ram()
    {
        var h = Connected();
        Enqueue(h.Runtime.Outbox, 1);
        h.Flash.FailWrites = true;
        Assert.AreEqual(-1, Enqueue(h.Runtime.Outbox, 2));
        h.Flash.FailWrites = false;
        h.Tick(10);
        CollectionAssert.AreEqual(new[] { 1 }, Sent(h).Select(e => e.GetProperty("value").GetInt32()).ToArray());
        Assert.AreEqual(1, Sent(h)[0].GetProperty("seq").GetInt64());
    }

    [TestMethod]
    public void A_slot_found_corrupt_when_sending_is_discarded_and_the_next_message_still_goes()
    {
        var h = Connected();
        Enqueue(h.Runtime.Outbox, 1);
        Enqueue(h.Runtime.Outbox, 2);
        h.Flash.Corrupt("ob0", 12);
        h.Tick(10);
        Assert.AreEqual(1, h.Runtime.Outbox.CorruptCount);
        CollectionAssert.AreEqual(new[] { 2 }, Sent(h).Select(e => e.GetProperty("value").GetInt32()).ToArray());
        Assert.AreEqual(1, h.Runtime.Outbox.Count);
    }

    [TestMethod]
    public void A_corrupt_slot_between_messages_is_skipped_without_sending_the_older_one_again()
    {
        var h = Connected();
        Enqueue(h.Runtime.Outbox, 1);
        Enqueue(h.Runtime.Outbox, 2);
        Enqueue(h.Runtime.Outbox, 3);
        h.Flash.Corrupt("ob1", 12);
        h.Tick(10);

        Assert.AreEqual(1, h.Runtime.Outbox.CorruptCount);
        CollectionAssert.AreEqual(new[] { 1, 3 }, Sent(h).Select(e => e.GetProperty("value").GetInt32()).ToArray());
        h.Ack(3);
        Assert.AreEqual(0, h.Runtime.Outbox.Count);
        Assert.AreEqual(long.MaxValue, h.Runtime.Outbox.ResendDueMs);
    }

    [TestMethod]
    public void A_corrupt_slot_is_discarded_at_boot_and_the_rest_is_kept()
    {
        var flash = new SimFlashStore();
        var log = new LogRing(8, null);
        var outbox = new Outbox(flash, log, 8, 128, 77);
        outbox.Load();
        Enqueue(outbox, 1);
        Enqueue(outbox, 2);
        flash.Corrupt("ob0", 12);

        var restored = new Outbox(flash, log, 8, 128, 78);
        restored.Load();
        Assert.AreEqual(1, restored.Count);
        Assert.AreEqual(1, restored.CorruptCount);
        Assert.AreEqual(2, restored.OldestSeq);
        Assert.AreEqual(3, restored.NextSeq);
        Assert.AreEqual(77, restored.Epoch);
    }

    [TestMethod]
    public void A_wiped_meta_record_starts_a_new_epoch_so_the_controller_never_confuses_sequences()
    {
        var flash = new SimFlashStore();
        var outbox = new Outbox(flash, new LogRing(8, null), 8, 128, 77);
        outbox.Load();
        Enqueue(outbox, 1);
        flash.Corrupt("obm", 0);

        var restored = new Outbox(flash, new LogRing(8, null), 8, 128, 91);
        Assert.IsFalse(restored.Load());
        Assert.AreEqual(91, restored.Epoch);
        Assert.AreEqual(2, restored.NextSeq, "held messages still push the next number past them");
    }

    [TestMethod]
    public void A_message_too_large_for_a_slot_is_refused_and_counted()
    {
        var outbox = new Outbox(new SimFlashStore(), new LogRing(8, null), 8, 64, 1);
        outbox.Load();
        JsonWriter w = outbox.Begin(OutboxStream.Event);
        w.Property("text", new string('x', 100));
        Assert.AreEqual(-1, outbox.Commit());
        Assert.AreEqual(1, outbox.OversizeCount);
        Assert.AreEqual(0, outbox.Count);
    }

    [TestMethod]
    public void A_failed_flash_write_loses_only_that_message_and_leaves_a_visible_gap()
    {
        var flash = new SimFlashStore();
        var outbox = new Outbox(flash, new LogRing(8, null), 8, 128, 1);
        outbox.Load();
        Enqueue(outbox, 1);
        flash.FailWrites = true;
        Assert.AreEqual(-1, Enqueue(outbox, 2));
        flash.FailWrites = false;
        Assert.AreEqual(3, Enqueue(outbox, 3));
        Assert.AreEqual(2, outbox.FlashErrorCount, "the slot and the meta record both failed");
        Assert.AreEqual(2, outbox.Count);
    }
}
