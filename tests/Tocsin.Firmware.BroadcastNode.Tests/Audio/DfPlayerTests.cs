using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.BroadcastNode.Audio;
using Tocsin.Simulator.Hardware;

namespace Tocsin.Firmware.BroadcastNode.Tests.Audio;

/// <summary>The DFPlayer serial protocol, against the simulated module and a raw line.</summary>
[TestClass]
public sealed class DfPlayerTests
{
    [TestMethod]
    public void Frames_carry_the_modules_checksum()
    {
        var frame = new byte[10];
        DfPlayerFrame.Encode(frame, 0, DfPlayerFrame.PlayTrack, 1);

        // The module's documented example: play track 1.
        CollectionAssert.AreEqual(new byte[] { 0x7E, 0xFF, 0x06, 0x03, 0x00, 0x00, 0x01, 0xFE, 0xF7, 0xEF }, frame);
        Assert.IsTrue(DfPlayerFrame.TryDecode(frame, 0, out byte command, out int parameter));
        Assert.AreEqual(DfPlayerFrame.PlayTrack, command);
        Assert.AreEqual(1, parameter);
        frame[6] = 2;
        Assert.IsFalse(DfPlayerFrame.TryDecode(frame, 0, out byte _, out int _));
    }

    [TestMethod]
    public void Commands_are_spaced_on_the_line_and_never_sent_back_to_back()
    {
        var line = new SimSerialLine();
        var player = new DfPlayer(line, null);
        player.SetVolume(20);
        player.Play(5, 0);
        player.Tick(0);
        Assert.AreEqual(10, line.TakeOutput().Length);
        player.Tick(20);
        Assert.AreEqual(0, line.TakeOutput().Length);
        player.Tick(50);
        Assert.AreEqual(10, line.TakeOutput().Length);
    }

    [TestMethod]
    public void Garbage_before_a_frame_is_skipped_and_the_frame_still_read()
    {
        var line = new SimSerialLine();
        var player = new DfPlayer(line, null);
        player.Play(7, 0);
        var answer = new byte[13];
        answer[0] = 0x13;
        answer[1] = 0x7E;
        answer[2] = 0x00;
        DfPlayerFrame.Encode(answer, 3, DfPlayerFrame.TrackFinished, 7);
        line.TypeBytes(answer);
        player.Tick(2_000);

        Assert.IsTrue(player.Finished);
        Assert.AreEqual(3, player.BytesDiscarded);
    }

    [TestMethod]
    public void A_duplicated_finish_message_ends_only_the_clip_it_names()
    {
        var clock = new SimClock(0);
        var sim = new SimClipPlayer(clock) { DuplicateFinish = true };
        sim.SetTrack(4, 1_000);
        sim.SetTrack(5, 1_000);
        var player = new DfPlayer(sim, null);
        player.Play(4, 0);
        for (int i = 0; i < 40; i++)
        {
            clock.Advance(50);
            player.Tick(clock.MonotonicMs());
        }

        Assert.IsTrue(player.Finished);
        player.Play(5, clock.MonotonicMs());
        clock.Advance(60);
        player.Tick(clock.MonotonicMs());
        Assert.IsFalse(player.Finished, "the second finish message for track 4 must not end track 5");
    }

    [TestMethod]
    public void Two_unanswered_queries_make_the_player_not_answering_and_an_answer_clears_it()
    {
        var clock = new SimClock(0);
        var sim = new SimClipPlayer(clock) { Dead = true };
        var player = new DfPlayer(sim, null);
        long t = 0;
        for (; t < 6_000 && !player.NotAnswering; t += 50)
        {
            player.Tick(t);
            clock.Advance(50);
        }

        Assert.IsTrue(player.NotAnswering, "not answering after " + t + " ms");
        Assert.IsTrue(t <= 2_000 + (2 * 1_000) + 200);
        sim.Dead = false;
        for (long end = t + DfPlayer.RecoveryPollMs + 2_000; t < end; t += 50)
        {
            player.Tick(t);
            clock.Advance(50);
        }

        Assert.IsFalse(player.NotAnswering);
        Assert.AreEqual(0, player.Status);
    }

    [TestMethod]
    public void A_missing_track_is_reported_with_the_modules_error_code()
    {
        var clock = new SimClock(0);
        var sim = new SimClipPlayer(clock);
        var player = new DfPlayer(sim, null);
        player.Play(42, 0);
        player.Tick(0);
        player.Tick(50);

        Assert.AreEqual(DfPlayerFrame.ErrorNotFound, player.ErrorCode);
        Assert.AreEqual(0, sim.Played.Count);
    }

    [TestMethod]
    public void The_volume_is_clamped_to_the_modules_range()
    {
        var clock = new SimClock(0);
        var sim = new SimClipPlayer(clock);
        var player = new DfPlayer(sim, null);
        player.SetVolume(99);
        player.Tick(0);

        Assert.AreEqual(30, sim.Volume);
        Assert.AreEqual(1, sim.FramesReceived);
        Assert.AreEqual(0, sim.BadFrames);
        Assert.IsTrue(Math.Abs(sim.Volume - 30) == 0);
    }

    [TestMethod]
    public void A_lost_finish_message_is_caught_by_the_busy_line_at_once()
    {
        var clock = new SimClock(0);
        var sim = new SimClipPlayer(clock) { SuppressFinish = true };
        sim.SetTrack(4, 1_000);
        var player = new DfPlayer(sim, sim.Busy);
        player.Play(4, 0);
        long t = 0;
        for (; t < 5_000 && !player.Finished; t += 50)
        {
            player.Tick(t);
            clock.Advance(50);
        }

        Assert.IsTrue(player.Finished);
        Assert.IsTrue(t <= 1_100, "finished at " + t);
    }

    [TestMethod]
    public void Without_busy_a_lost_finish_message_is_caught_by_the_next_status_poll()
    {
        var clock = new SimClock(0);
        var sim = new SimClipPlayer(clock) { SuppressFinish = true };
        sim.SetTrack(4, 1_000);
        var player = new DfPlayer(sim, null);
        player.Play(4, 0);
        long t = 0;
        for (; t < 5_000 && !player.Finished; t += 50)
        {
            player.Tick(t);
            clock.Advance(50);
        }

        Assert.IsTrue(player.Finished);
        Assert.IsTrue(t <= 1_000 + DfPlayer.PlayingPollMs + 300, "finished at " + t);
    }
}
