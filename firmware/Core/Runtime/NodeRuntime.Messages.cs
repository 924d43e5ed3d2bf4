using Tocsin.Firmware.Config;
using Tocsin.Firmware.Console;
using Tocsin.Firmware.Delivery;
using Tocsin.Firmware.Diagnostics;
using Tocsin.Firmware.Hardware;
using Tocsin.Firmware.Json;
using Tocsin.Firmware.Mqtt;
using Tocsin.Firmware.Security;
using Tocsin.Firmware.Util;

namespace Tocsin.Firmware.Runtime;

/// <summary>Inbound messages (commands, acknowledgements), results, heartbeat and status payloads.</summary>
public sealed partial class NodeRuntime
{
    private void PublishResultFor(long seq, string id, string kind, string state, string reason)
    {
        _recent.Record(seq, id, kind, state, reason);
        JsonWriter w = Outbox.Begin(OutboxStream.Result);
        WriteTime(w);
        w.Property("up", UptimeMs);
        w.Property("cmd", id);
        w.Property("cseq", seq);
        w.Property("kind", kind);
        w.Property("state", state);
        if (reason != null)
        {
            w.Property("reason", reason);
        }

        Outbox.Commit();
    }

    private void Dispatch(MqttInboundMessage message, long nowMs)
    {
        string topic = message.Topic;
        if (topic == _ackTopic)
        {
            if (!message.Retain)
            {
                HandleAck(message.Payload, nowMs);
            }

            return;
        }

        if (topic == _nodeCommandTopic || topic == _areaCommandTopic)
        {
            if (message.Retain)
            {
                // A retained command would re-fire after every reconnect or power-up: never act on it.
                _security.Count(CommandRejection.Retained, null, nowMs);
                return;
            }

            HandleCommand(message.Payload, nowMs);
            return;
        }

        _module.OnMessage(message, nowMs);
    }

    private void HandleAck(byte[] payload, long nowMs)
    {
        JsonReader r = _ackReader;
        r.Reset(payload, 0, payload.Length);
        long epoch = -1;
        long upto = -1;
        if (!r.Read() || r.TokenType != JsonTokenType.BeginObject)
        {
            Log.Warn("outbox", "ack is not a JSON object");
            return;
        }

        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.NameEquals("ep"))
            {
                r.Read();
                r.TryGetInt64(out epoch);
            }
            else if (r.NameEquals("upto"))
            {
                r.Read();
                r.TryGetInt64(out upto);
            }
            else
            {
                r.SkipNextValue();
            }
        }

        if (r.Error != null || epoch < 0 || upto < 0)
        {
            Log.Warn("outbox", "ack ignored: needs integer \"ep\" and \"upto\"" + (r.Error == null ? string.Empty : "; " + r.Error));
            return;
        }

        Outbox.Acknowledge((int)epoch, upto, nowMs);
    }

    private void HandleCommand(byte[] payload, long nowMs)
    {
        VerifiedCommand c = _command;
        string rejection = Verifier.Verify(payload, payload.Length, c);
        if (rejection == null)
        {
            CommandsAccepted++;
            Execute(c, nowMs);
            return;
        }

        if (rejection == CommandRejection.NotAddressed)
        {
            return;
        }

        if (rejection == CommandRejection.Replayed || rejection == CommandRejection.TooOld)
        {
            RepeatResult(c, rejection, nowMs);
            return;
        }

        if (c.Id != null && rejection != CommandRejection.BadMac)
        {
            // The MAC was good, so the controller sent it: tell it why it will not act.
            Log.Warn("auth", "command " + c.Id + " refused: " + rejection
                + (Verifier.LastDetail == null ? string.Empty : " (" + Verifier.LastDetail + ")"));
            PublishResult(c, ResultState.Rejected, rejection);
            return;
        }

        _security.Count(rejection, Verifier.LastDetail, nowMs);
    }

    // A command seen before: its result again, as the controller resends until it hears one. One too
    // old for the replay window that is not among the recent results (overtaken by 64 newer commands
    // before it arrived) is refused, and the controller told so, or it would resend it until it expires.
    // The MAC was good either way; at most one answer per interval, however many copies come.
    private void RepeatResult(VerifiedCommand c, string rejection, long nowMs)
    {
        _security.Count(rejection, c.Id, nowMs);
        int at = _recent.IndexOf(c.Seq);
        if ((at < 0 && rejection != CommandRejection.TooOld) || nowMs - _lastRepeatResultMs < RepeatResultIntervalMs)
        {
            return;
        }

        _lastRepeatResultMs = nowMs;
        if (at < 0)
        {
            Log.Warn("auth", "command " + c.Id + " refused: too old for the replay window");
            PublishResult(c, ResultState.Rejected, CommandRejection.TooOld);
            return;
        }

        PublishResultFor(c.Seq, _recent.IdAt(at), _recent.KindAt(at), _recent.StateAt(at), _recent.ReasonAt(at));
    }

    private void Execute(VerifiedCommand c, long nowMs)
    {
        if (!c.FreshnessChecked && _module.NeedsTrustedTime(c))
        {
            Log.Warn("auth", "command " + c.Id + " refused: no trusted time to check its expiry");
            PublishResult(c, ResultState.Rejected, CommandRejection.NoTrustedTime);
            return;
        }

        if (CoreCommands.TryExecute(this, c, nowMs))
        {
            return;
        }

        if (!_module.HandleCommand(c, nowMs))
        {
            PublishResult(c, ResultState.Rejected, CommandRejection.UnknownKind);
        }
    }

    private void PublishHeartbeat(long nowMs)
    {
        // Shortened at random, never lengthened: the controller's missed-heartbeat limit (from hb_s) holds.
        _nextHeartbeatMs = nowMs + ShortenedAtRandom(_heartbeatPeriodMs);
        JsonWriter w = _heartbeat;
        w.Reset();
        w.BeginObject();
        WriteTime(w);
        w.Property("up_s", UptimeMs / 1000);

        // The period itself, so the controller judges "missed heartbeats" by this node's own setting.
        w.Property("hb_s", _heartbeatPeriodMs / 1000);
        w.Property("rssi", _hw.System.RssiDbm());
        w.Property("mem", _hw.System.FreeMemoryBytes());
        w.Name("ob");
        w.BeginObject();
        w.Property("q", Outbox.Count);
        w.Property("next", Outbox.NextSeq);
        w.Property("drop", Outbox.DroppedCount);
        w.EndObject();
        w.Property("rej", _security.TotalRejected);
        w.Property("cfg", SettingsLoadResult.ToText(Settings.LoadResult));
        _module.WriteHeartbeat(w);
        w.EndObject();
        if (w.Overflowed)
        {
            Log.Error("hb", "heartbeat larger than its buffer; not sent");
            return;
        }

        Session.Publish(_heartbeatTopic, w.Buffer, w.Length, 0, false);
    }

    private byte[] StatusPayload(bool online)
    {
        var w = new JsonWriter(256);
        w.BeginObject();
        w.Property("state", online ? "online" : "offline");
        w.Property("kind", Kind);
        if (online)
        {
            w.Property("fw", FirmwareVersion);
            w.Property("boot", _hw.System.BootReason);
            w.Property("cfg", SettingsLoadResult.ToText(Settings.LoadResult));
            w.Property("ep", Outbox.Epoch);
            w.Property("community", Settings.GetText(Core.Community));
        }

        w.EndObject();
        return w.ToArray();
    }
}
