using Tocsin.Firmware.Hardware;
using Tocsin.Firmware.Json;
using Tocsin.Firmware.Util;

namespace Tocsin.Firmware.Security;

/// <summary>
/// Checks a command envelope (see docs/command-authentication.md):
/// <c>{"v":1,"cmd":{...},"mac":{"&lt;node id&gt;":"&lt;base64 of 16 bytes&gt;",...}}</c>.
/// The MAC for this node is HMAC-SHA256 under this node's own key over
/// "tocsin-cmd-v1" 0x00 node-id 0x00 followed by the exact bytes of the "cmd" value, truncated to
/// 16 bytes. Order of checks: shape, MAC, fields, freshness, then the replay window, which is
/// persisted last and only for a command that passed everything else.
/// </summary>
public sealed partial class CommandVerifier
{
    /// <summary>Bytes of each node's truncated MAC (128 bits).</summary>
    public const int MacBytes = 16;

    /// <summary>Domain separation prefix of the MAC input.</summary>
    public const string DomainTag = "tocsin-cmd-v1";

    private const int MaxIdChars = 48;
    private const int MaxKindChars = 24;

    private readonly IHmacSha256 _hmac;
    private readonly IClock _clock;
    private readonly ReplayWindow _window;
    private readonly JsonReader _reader = new JsonReader(256);
    private readonly byte[] _mac = new byte[MacBytes];
    private readonly byte[] _macInput;
    private byte[] _key;
    private byte[] _nodeIdBytes;
    private string _nodeId;

    /// <summary>Creates a verifier for payloads up to <paramref name="maxPayloadBytes"/>.</summary>
    public CommandVerifier(IHmacSha256 hmac, IClock clock, ReplayWindow window, int maxPayloadBytes)
    {
        _hmac = hmac;
        _clock = clock;
        _window = window;
        _macInput = new byte[maxPayloadBytes + 80];
        MaxLifetimeMs = 7L * 24 * 3600 * 1000;
        MaxClockSkewMs = 5L * 60 * 1000;
    }

    /// <summary>Longest validity (expiry minus issue time) any command may claim.</summary>
    public long MaxLifetimeMs { get; set; }

    /// <summary>How far in the future a command's issue time may be, for clock skew.</summary>
    public long MaxClockSkewMs { get; set; }

    /// <summary>Detail of the last rejection (e.g. the JSON error), for the log.</summary>
    public string LastDetail { get; private set; }

    /// <summary>Sets this node's id and 32-byte key (from provisioning).</summary>
    public void SetIdentity(string nodeId, byte[] key)
    {
        _nodeId = nodeId;
        _nodeIdBytes = nodeId == null ? null : Utf8.GetBytes(nodeId);
        _key = key;
    }

    /// <summary>
    /// Verifies <c>payload[0..length)</c> into <paramref name="result"/>. Returns null when the
    /// command may act, otherwise one of the <see cref="CommandRejection"/> words.
    /// </summary>
    public string Verify(byte[] payload, int length, VerifiedCommand result)
    {
        result.Clear();
        LastDetail = null;
        if (_key == null || _nodeIdBytes == null)
        {
            return CommandRejection.NoKey;
        }

        if (length + _nodeIdBytes.Length + 16 > _macInput.Length)
        {
            return Reject(CommandRejection.Malformed, "payload too large");
        }

        string shape = ReadEnvelope(payload, length, out int cmdStart, out int cmdEnd, out bool haveMac);
        if (shape != null)
        {
            return shape;
        }

        if (!haveMac)
        {
            return CommandRejection.NotAddressed;
        }

        if (!MacMatches(payload, cmdStart, cmdEnd - cmdStart))
        {
            return Reject(CommandRejection.BadMac, null);
        }

        string fields = ReadCommand(payload, cmdStart, cmdEnd - cmdStart, result);
        if (fields != null)
        {
            return fields;
        }

        string fresh = CheckFreshness(result);
        if (fresh != null)
        {
            return fresh;
        }

        ReplayCheck replay = _window.Check(result.Seq);
        if (replay == ReplayCheck.Seen)
        {
            return CommandRejection.Replayed;
        }

        if (replay == ReplayCheck.TooOld)
        {
            return CommandRejection.TooOld;
        }

        if (!_window.Accept(result.Seq))
        {
            return Reject(CommandRejection.StorageFailed, "replay window not persisted");
        }

        result.Payload = payload;
        return null;
    }

    private string ReadEnvelope(byte[] payload, int length, out int cmdStart, out int cmdEnd, out bool haveMac)
    {
        cmdStart = -1;
        cmdEnd = -1;
        haveMac = false;
        bool haveVersion = false;
        JsonReader r = _reader;
        r.Reset(payload, 0, length);
        if (!r.Read() || r.TokenType != JsonTokenType.BeginObject)
        {
            return Reject(CommandRejection.Malformed, r.Error ?? "envelope is not an object");
        }

        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.NameEquals("v"))
            {
                if (!r.Read() || !r.TryGetInt64(out long version))
                {
                    return Reject(CommandRejection.Malformed, r.Error ?? "\"v\" is not an integer");
                }

                if (version != 1)
                {
                    return Reject(CommandRejection.UnsupportedVersion, "v=" + version.ToString());
                }

                haveVersion = true;
            }
            else if (r.NameEquals("cmd"))
            {
                if (!r.Read() || r.TokenType != JsonTokenType.BeginObject)
                {
                    return Reject(CommandRejection.Malformed, r.Error ?? "\"cmd\" is not an object");
                }

                cmdStart = r.TokenStart;
                if (!r.Skip())
                {
                    return Reject(CommandRejection.Malformed, r.Error);
                }

                cmdEnd = r.TokenEnd;
            }
            else if (r.NameEquals("mac"))
            {
                string macError = ReadMacs(r, out haveMac);
                if (macError != null)
                {
                    return macError;
                }
            }
            else if (!r.SkipNextValue())
            {
                return Reject(CommandRejection.Malformed, r.Error);
            }
        }

        if (r.Error != null || !r.IsComplete)
        {
            return Reject(CommandRejection.Malformed, r.Error ?? "envelope not complete");
        }

        if (!haveVersion || cmdStart < 0)
        {
            return Reject(CommandRejection.Malformed, haveVersion ? "missing \"cmd\"" : "missing \"v\"");
        }

        return null;
    }

    private string ReadMacs(JsonReader r, out bool haveMac)
    {
        haveMac = false;
        if (!r.Read() || r.TokenType != JsonTokenType.BeginObject)
        {
            return Reject(CommandRejection.Malformed, r.Error ?? "\"mac\" is not an object");
        }

        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            bool mine = r.NameEquals(_nodeId);
            if (!r.Read())
            {
                return Reject(CommandRejection.Malformed, r.Error);
            }

            if (!mine)
            {
                if (!r.Skip())
                {
                    return Reject(CommandRejection.Malformed, r.Error);
                }

                continue;
            }

            // Escaped characters are legal JSON ("\u002B" for '+'), so the text is decoded first.
            if (r.TokenType != JsonTokenType.String
                || !Base64.TryDecode(r.GetString(), _mac, out int n)
                || n != MacBytes)
            {
                return Reject(CommandRejection.Malformed, "this node's MAC is not 16 bytes of base64");
            }

            haveMac = true;
        }

        return r.Error != null ? Reject(CommandRejection.Malformed, r.Error) : null;
    }

    private bool MacMatches(byte[] payload, int cmdStart, int cmdLength)
    {
        int p = Utf8.Encode(DomainTag, _macInput, 0);
        _macInput[p++] = 0;
        System.Array.Copy(_nodeIdBytes, 0, _macInput, p, _nodeIdBytes.Length);
        p += _nodeIdBytes.Length;
        _macInput[p++] = 0;
        System.Array.Copy(payload, cmdStart, _macInput, p, cmdLength);
        p += cmdLength;
        byte[] full = _hmac.Compute(_key, _macInput, 0, p);
        return full != null && full.Length >= MacBytes && ConstantTime.AreEqual(full, 0, _mac, 0, MacBytes);
    }

    private string CheckFreshness(VerifiedCommand c)
    {
        if (c.ExpiresUtcMs <= c.IssuedUtcMs)
        {
            return Reject(CommandRejection.Malformed, "\"exp\" is not after \"iss\"");
        }

        if (c.ExpiresUtcMs - c.IssuedUtcMs > MaxLifetimeMs)
        {
            return Reject(CommandRejection.LifetimeTooLong, null);
        }

        if (!_clock.TryGetUtcMs(out long now))
        {
            c.FreshnessChecked = false;
            return null;
        }

        if (now >= c.ExpiresUtcMs)
        {
            return Reject(CommandRejection.Expired, "expired " + (now - c.ExpiresUtcMs).ToString() + " ms ago");
        }

        if (c.IssuedUtcMs > now + MaxClockSkewMs)
        {
            return Reject(CommandRejection.NotYetValid, "issued " + (c.IssuedUtcMs - now).ToString() + " ms ahead");
        }

        c.FreshnessChecked = true;
        return null;
    }

    private string Reject(string reason, string detail)
    {
        LastDetail = detail;
        return reason;
    }
}
