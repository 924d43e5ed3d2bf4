using Tocsin.Firmware.Diagnostics;
using Tocsin.Firmware.Hardware;
using Tocsin.Firmware.Json;
using Tocsin.Firmware.Mqtt;

namespace Tocsin.Firmware.Delivery;

/// <summary>
/// Store and forward for everything a node must not lose (readings, events, command results).
/// Each message gets the next sequence number and is written to its own flash slot before it is
/// sent; only the controller's cumulative acknowledgement ("upto") frees it, so broker restarts,
/// dropped queues and reboots lose nothing. Delivery is oldest first with a small window and
/// go-back-N resend. RAM holds each slot's sequence number and stream and the last record written,
/// so capacity costs flash, not heap.
/// When full, the oldest message is evicted and counted (<see cref="DroppedCount"/>); every sent
/// message carries "floor" (the oldest sequence still held) so the controller can record the gap.
/// </summary>
public sealed class Outbox
{
    private const string MetaKey = "obm";

    private readonly IFlashStore _flash;
    private readonly LogRing _log;
    private readonly OutboxSlotTable _slots;
    private readonly JsonWriter _writer;
    private readonly byte[] _record;
    private readonly byte[] _send;
    private readonly byte[] _meta = new byte[OutboxMeta.Bytes];
    private readonly int _newEpoch;
    private long _recordSeq;
    private int _recordLength;
    private long _nextSeq = 1;
    private long _sentUpToSeq;
    private long _lastProgressMs;
    private int _epoch;
    private int _pendingStream;

    /// <summary>
    /// Creates an outbox of <paramref name="capacity"/> slots for payloads up to
    /// <paramref name="maxPayloadBytes"/>; <paramref name="epochSeed"/> names a fresh store.
    /// </summary>
    public Outbox(IFlashStore flash, LogRing log, int capacity, int maxPayloadBytes, int epochSeed)
    {
        _flash = flash;
        _log = log;
        _slots = new OutboxSlotTable(capacity);
        _writer = new JsonWriter(maxPayloadBytes);
        _record = new byte[maxPayloadBytes + OutboxRecord.OverheadBytes];
        _send = new byte[maxPayloadBytes + 64];
        _newEpoch = epochSeed == 0 ? 1 : epochSeed & 0x7FFFFFFF;
        Window = 8;
        ResendAfterMs = 30000;
    }

    /// <summary>Messages sent but not yet acknowledged at most.</summary>
    public int Window { get; set; }

    /// <summary>With no acknowledgement progress for this long, everything unacknowledged is resent.</summary>
    public long ResendAfterMs { get; set; }

    /// <summary>
    /// When everything unacknowledged is sent again if no acknowledgement comes first (monotonic ms);
    /// <see cref="long.MaxValue"/> with nothing in flight.
    /// </summary>
    public long ResendDueMs => _slots.Held > 0 && _sentUpToSeq > 0 && _slots.CountAtOrBelow(_sentUpToSeq) > 0 ? _lastProgressMs + ResendAfterMs : long.MaxValue;

    /// <summary>Slots in all.</summary>
    public int Capacity => _slots.Capacity;

    /// <summary>Messages held (sent or not) awaiting acknowledgement.</summary>
    public int Count => _slots.Held;

    /// <summary>The sequence number the next message will get.</summary>
    public long NextSeq => _nextSeq;

    /// <summary>Identifies this store's sequence space; changes only if flash was wiped.</summary>
    public int Epoch => _epoch;

    /// <summary>Messages evicted unsent because the outbox was full (persisted).</summary>
    public int DroppedCount { get; private set; }

    /// <summary>Messages refused because they did not fit one slot.</summary>
    public int OversizeCount { get; private set; }

    /// <summary>Flash writes that failed (the message was lost; its sequence number leaves a gap).</summary>
    public int FlashErrorCount { get; private set; }

    /// <summary>Corrupt slots found and discarded at boot.</summary>
    public int CorruptCount { get; private set; }

    /// <summary>Go-back-N resend rounds started.</summary>
    public int ResendCount { get; private set; }

    /// <summary>Publishes made (including resends).</summary>
    public int PublishCount { get; private set; }

    /// <summary>The oldest sequence number still held, or <see cref="NextSeq"/> when empty.</summary>
    public long OldestSeq
    {
        get
        {
            int slot = _slots.FindMinAbove(0);
            return slot < 0 ? _nextSeq : _slots.SeqAt(slot);
        }
    }

    /// <summary>Restores the outbox from flash at boot; false if the meta record had to be reset.</summary>
    public bool Load()
    {
        bool metaOk = ReadMeta();
        _recordSeq = 0;
        for (int slot = 0; slot < _slots.Capacity; slot++)
        {
            _slots.Clear(slot);
            byte[] data = _flash.Read(OutboxSlotTable.Key(slot));
            if (data == null)
            {
                continue;
            }

            if (!OutboxRecord.TryRead(data, out long seq, out int stream, out int _) || seq <= 0)
            {
                CorruptCount++;
                _flash.Delete(OutboxSlotTable.Key(slot));
                continue;
            }

            _slots.Set(slot, seq, stream);
            if (seq >= _nextSeq)
            {
                _nextSeq = seq + 1;
            }
        }

        _sentUpToSeq = 0;
        if (CorruptCount > 0)
        {
            _log.Warn("outbox", CorruptCount.ToString() + " corrupt slot(s) discarded");
        }

        return metaOk;
    }

    /// <summary>
    /// Starts a message for <paramref name="stream"/>: returns the shared writer with
    /// <c>{"seq":N</c> already written. Add fields, then call <see cref="Commit"/>.
    /// </summary>
    public JsonWriter Begin(int stream)
    {
        _pendingStream = stream;
        _writer.Reset();
        _writer.BeginObject();
        _writer.Property("seq", _nextSeq);
        return _writer;
    }

    /// <summary>
    /// Closes the message begun with <see cref="Begin"/> and stores it. Returns its sequence
    /// number, or -1 if it was too large or flash refused it (both counted and logged).
    /// </summary>
    public long Commit()
    {
        _writer.EndObject();
        if (_writer.Overflowed)
        {
            OversizeCount++;
            _log.Error("outbox", "message too large for a slot; dropped");
            return -1;
        }

        if (_slots.Held == _slots.Capacity)
        {
            EvictOldest();
        }

        int slot = _slots.FindFree();
        long seq = _nextSeq;
        _nextSeq++;
        WriteMeta();
        int length = OutboxRecord.Write(_record, seq, _pendingStream, _writer.Buffer, _writer.Length);
        _recordSeq = 0;
        if (!_flash.Write(OutboxSlotTable.Key(slot), _record, length))
        {
            FlashErrorCount++;
            _log.Error("outbox", "flash write failed; message " + seq.ToString() + " lost");
            return -1;
        }

        _slots.Set(slot, seq, _pendingStream);

        // The record stays in RAM until the next commit: sending it from there spares a flash read (a
        // fresh array on the device) and a CRC check. Flash that corrupted it after the write is then
        // noticed only if it must be read back (a resend after newer messages, or at boot).
        _recordSeq = seq;
        _recordLength = length;
        return seq;
    }

    /// <summary>
    /// Frees every message up to and including <paramref name="uptoSeq"/>, which the controller
    /// has stored. Acknowledgements for another epoch are ignored.
    /// </summary>
    public void Acknowledge(int epoch, long uptoSeq, long nowMs)
    {
        if (epoch != _epoch || _slots.Held == 0)
        {
            return;
        }

        // Stops once every held message was seen: they sit in the lowest free slots, so an
        // acknowledgement reads a few entries of the table, not all of them (320 on a sensor).
        bool progressed = false;
        int unseen = _slots.Held;
        for (int slot = 0; slot < _slots.Capacity && unseen > 0; slot++)
        {
            long seq = _slots.SeqAt(slot);
            if (seq == 0)
            {
                continue;
            }

            unseen--;
            if (seq <= uptoSeq)
            {
                _flash.Delete(OutboxSlotTable.Key(slot));
                _slots.Clear(slot);
                progressed = true;
            }
        }

        if (progressed)
        {
            _lastProgressMs = nowMs;
        }
    }

    /// <summary>
    /// Sends what is due: when connected, up to <see cref="Window"/> unacknowledged messages,
    /// oldest first; after <see cref="ResendAfterMs"/> without progress, starts over from the oldest.
    /// </summary>
    public void Tick(long nowMs, MqttSession session, string[] streamTopics)
    {
        if (!session.IsConnected)
        {
            _sentUpToSeq = 0;
            return;
        }

        if (_slots.Held == 0)
        {
            return;
        }

        int inFlight = _slots.CountAtOrBelow(_sentUpToSeq);
        if (inFlight > 0 && nowMs - _lastProgressMs >= ResendAfterMs)
        {
            ResendCount++;
            _sentUpToSeq = 0;
            inFlight = 0;
        }

        long floor = OldestSeq;
        while (inFlight < Window)
        {
            int slot = _slots.FindMinAbove(_sentUpToSeq);
            long seq = slot < 0 ? 0 : _slots.SeqAt(slot);
            int corrupt = CorruptCount;
            if (slot < 0 || !SendSlot(slot, floor, session, streamTopics))
            {
                break;
            }

            // Past it either way; a slot found unreadable was dropped, not sent, so nothing is in flight for it.
            _sentUpToSeq = seq;
            if (CorruptCount != corrupt)
            {
                continue;
            }

            if (inFlight == 0)
            {
                _lastProgressMs = nowMs;
            }

            inFlight++;
        }
    }

    private bool SendSlot(int slot, long floor, MqttSession session, string[] streamTopics)
    {
        byte[] data;
        long seq;
        int stream;
        int length;
        bool readable;
        if (_recordSeq != 0 && _slots.SeqAt(slot) == _recordSeq)
        {
            data = _record;
            seq = _recordSeq;
            stream = _slots.StreamAt(slot);
            length = _recordLength - OutboxRecord.OverheadBytes;
            readable = true;
        }
        else
        {
            data = _flash.Read(OutboxSlotTable.Key(slot));
            readable = OutboxRecord.TryRead(data, out seq, out stream, out length);
        }

        if (!readable || seq != _slots.SeqAt(slot) || stream >= streamTopics.Length)
        {
            CorruptCount++;
            _log.Error("outbox", "slot " + slot.ToString() + " unreadable; message " + _slots.SeqAt(slot).ToString() + " lost");
            _flash.Delete(OutboxSlotTable.Key(slot));
            _slots.Clear(slot);
            return true;
        }

        // Stored payloads start with {"seq":..; the epoch and floor are current facts, so they are
        // spliced in at send time rather than stored.
        _writer.Reset();
        _writer.BeginObject();
        _writer.Property("ep", _epoch);
        _writer.Property("floor", floor);
        int head = _writer.Length;
        System.Array.Copy(_writer.Buffer, 0, _send, 0, head);
        _send[head] = (byte)',';
        System.Array.Copy(data, OutboxRecord.HeaderBytes + 1, _send, head + 1, length - 1);
        int total = head + length;
        if (!session.Publish(streamTopics[stream], _send, total, 1, false))
        {
            return false;
        }

        PublishCount++;
        return true;
    }

    private void EvictOldest()
    {
        int slot = _slots.FindMinAbove(0);
        if (slot < 0)
        {
            return;
        }

        _log.Warn("outbox", "full; oldest message " + _slots.SeqAt(slot).ToString() + " evicted");
        _flash.Delete(OutboxSlotTable.Key(slot));
        _slots.Clear(slot);
        DroppedCount++;
    }

    private bool ReadMeta()
    {
        byte[] data = _flash.Read(MetaKey);
        if (!OutboxMeta.TryRead(data, out long nextSeq, out int epoch, out int dropped))
        {
            bool existed = data != null;
            _nextSeq = 1;
            _epoch = _newEpoch;
            DroppedCount = 0;
            if (existed)
            {
                _log.Error("outbox", "meta record corrupt; new epoch " + _epoch.ToString());
            }

            WriteMeta();
            return !existed;
        }

        _nextSeq = nextSeq;
        _epoch = epoch;
        DroppedCount = dropped;
        return true;
    }

    private void WriteMeta()
    {
        OutboxMeta.Write(_meta, _nextSeq, _epoch, DroppedCount);
        if (!_flash.Write(MetaKey, _meta, OutboxMeta.Bytes))
        {
            FlashErrorCount++;
        }
    }
}
