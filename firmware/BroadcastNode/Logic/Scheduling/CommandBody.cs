using Tocsin.Firmware.BroadcastNode.Audio;
using Tocsin.Firmware.Json;

namespace Tocsin.Firmware.BroadcastNode.Scheduling;

/// <summary>
/// The body of the broadcast node's commands (docs/broadcast-node.md), read in one pass whatever
/// the kind; each kind then checks the fields it needs. Unknown fields are ignored, as everywhere
/// in the contract; a known field of the wrong type or out of bounds is an error with a reason.
/// </summary>
public sealed class CommandBody
{
    /// <summary>Longest hazard word kept.</summary>
    public const int MaxHazardChars = 24;

    /// <summary>Largest clip number the player addresses.</summary>
    public const int MaxClip = 2999;

    // The verifier lets strings of up to 256 bytes through; so must the body reader, or an unknown
    // long field (a headline, a description) would make a valid command malformed.
    private readonly JsonReader _reader = new JsonReader(256);

    /// <summary>Clip numbers.</summary>
    public readonly int[] Clips = new int[Broadcast.MaxClips];

    /// <summary>"level" (<see cref="AlertLevel"/>), or <see cref="AlertLevel.Unknown"/> when absent.</summary>
    public int Level;

    /// <summary>"hazard", or null.</summary>
    public string Hazard;

    /// <summary>"siren" (<see cref="SirenPattern"/>), or <see cref="SirenPattern.Unknown"/> when absent.</summary>
    public int Siren;

    /// <summary>"siren_s", or -1 when absent.</summary>
    public int SirenS;

    /// <summary>Entries in <see cref="Clips"/>; -1 when "clips" is absent.</summary>
    public int ClipCount;

    /// <summary>"repeat", or -1 when absent.</summary>
    public int Repeat;

    /// <summary>"start" (UTC ms), or 0.</summary>
    public long StartUtcMs;

    /// <summary>"expires" (UTC ms), or 0.</summary>
    public long ExpiresUtcMs;

    /// <summary>"zones" as a mask (bit 0 = zone 1), or 0 for all.</summary>
    public int ZoneMask;

    /// <summary>"broadcast": the broadcast a cancel or all-clear names, or null.</summary>
    public string TargetId;

    /// <summary>"all": a cancel of everything the command's mode may stop.</summary>
    public bool All;

    /// <summary>"type" of a test: <see cref="BroadcastKind.SilentTest"/>, <see cref="BroadcastKind.GrowlTest"/>, or -1.</summary>
    public int TestKind;

    /// <summary>What was wrong, or null.</summary>
    public string Error;

    /// <summary>Reads the body object in <c>payload[start..start+length)</c>; false with <see cref="Error"/> set when it is wrong.</summary>
    public bool Parse(byte[] payload, int start, int length)
    {
        Level = AlertLevel.Unknown;
        Hazard = null;
        Siren = SirenPattern.Unknown;
        SirenS = -1;
        ClipCount = -1;
        Repeat = -1;
        StartUtcMs = 0;
        ExpiresUtcMs = 0;
        ZoneMask = 0;
        TargetId = null;
        All = false;
        TestKind = -1;
        Error = null;
        if (start < 0)
        {
            return true;
        }

        JsonReader r = _reader;
        r.Reset(payload, start, length);
        r.Read();
        while (Error == null && r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            ReadMember(r);
        }

        if (Error == null && r.Error != null)
        {
            Error = r.Error;
        }

        return Error == null;
    }

    private void ReadMember(JsonReader r)
    {
        if (r.NameEquals("level"))
        {
            Level = r.Read() && r.TokenType == JsonTokenType.String ? AlertLevel.Parse(r.GetString()) : AlertLevel.Unknown;
            Check(Level != AlertLevel.Unknown, "\"level\" must be I, II, III, IV or info");
        }
        else if (r.NameEquals("hazard"))
        {
            Hazard = r.Read() && r.TokenType == JsonTokenType.String ? r.GetString() : null;
            Check(Hazard != null && Hazard.Length <= MaxHazardChars, "\"hazard\" must be a string of at most 24 characters");
        }
        else if (r.NameEquals("siren"))
        {
            Siren = r.Read() && r.TokenType == JsonTokenType.String ? SirenPattern.Parse(r.GetString()) : SirenPattern.Unknown;
            Check(Siren != SirenPattern.Unknown, "\"siren\" must be none, wail, steady, hilo or pulse");
        }
        else if (r.NameEquals("siren_s"))
        {
            SirenS = (int)ReadInteger(r, 1, Broadcast.MaxSirenMs / 1000, "\"siren_s\"");
        }
        else if (r.NameEquals("repeat"))
        {
            Repeat = (int)ReadInteger(r, 1, Broadcast.MaxRepeat, "\"repeat\"");
        }
        else if (r.NameEquals("start"))
        {
            StartUtcMs = ReadInteger(r, 1, long.MaxValue, "\"start\"");
        }
        else if (r.NameEquals("expires"))
        {
            ExpiresUtcMs = ReadInteger(r, 1, long.MaxValue, "\"expires\"");
        }
        else if (r.NameEquals("clips"))
        {
            ClipCount = ReadList(r, Clips, MaxClip, "\"clips\"");
        }
        else if (r.NameEquals("zones"))
        {
            ReadZones(r);
        }
        else if (r.NameEquals("broadcast"))
        {
            TargetId = r.Read() && r.TokenType == JsonTokenType.String ? r.GetString() : null;
            Check(TargetId != null && TargetId.Length > 0 && TargetId.Length <= 48, "\"broadcast\" must name a broadcast id");
        }
        else if (r.NameEquals("all"))
        {
            Check(r.Read() && r.TryGetBool(out All), "\"all\" must be true or false");
        }
        else if (r.NameEquals("type"))
        {
            bool isString = r.Read() && r.TokenType == JsonTokenType.String;
            TestKind = isString && r.ValueEquals("silent") ? BroadcastKind.SilentTest : (isString && r.ValueEquals("growl") ? BroadcastKind.GrowlTest : -1);
            Check(TestKind >= 0, "\"type\" must be silent or growl");
        }
        else
        {
            r.SkipNextValue();
        }
    }

    private void ReadZones(JsonReader r)
    {
        var zones = new int[BroadcastSettings.MaxZones];
        int n = ReadList(r, zones, BroadcastSettings.MaxZones, "\"zones\"");
        for (int i = 0; i < n; i++)
        {
            ZoneMask |= 1 << (zones[i] - 1);
        }

        Check(Error != null || n > 0, "\"zones\" must list at least one zone");
    }

    private long ReadInteger(JsonReader r, long min, long max, string name)
    {
        if (!r.Read() || !r.TryGetInt64(out long value) || value < min || value > max)
        {
            Check(false, name + " must be an integer from " + min.ToString() + " to " + max.ToString());
            return -1;
        }

        return value;
    }

    private int ReadList(JsonReader r, int[] into, int max, string name)
    {
        if (!r.Read() || r.TokenType != JsonTokenType.BeginArray)
        {
            Check(false, name + " must be an array");
            return 0;
        }

        int n = 0;
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (n == into.Length || !r.TryGetInt64(out long value) || value < 1 || value > max)
            {
                Check(false, name + " takes at most " + into.Length.ToString() + " integers from 1 to " + max.ToString());
                r.Skip();
                return 0;
            }

            into[n++] = (int)value;
        }

        return n;
    }

    private void Check(bool ok, string message)
    {
        if (!ok && Error == null)
        {
            Error = message;
        }
    }
}
