using Tocsin.Firmware.Json;

namespace Tocsin.Firmware.Security;

/// <summary>Reading the fields of the authenticated "cmd" object.</summary>
public sealed partial class CommandVerifier
{
    private string ReadCommand(byte[] payload, int start, int length, VerifiedCommand c)
    {
        JsonReader r = _reader;
        r.Reset(payload, start, length);
        r.Read();
        bool haveSeq = false;
        bool haveIss = false;
        bool haveExp = false;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.NameEquals("id"))
            {
                c.Id = ReadToken(r, MaxIdChars);
                if (c.Id == null)
                {
                    return Reject(CommandRejection.Malformed, "\"id\" must be 1-48 of A-Z a-z 0-9 . _ : -");
                }
            }
            else if (r.NameEquals("kind"))
            {
                c.Kind = ReadToken(r, MaxKindChars);
                if (c.Kind == null)
                {
                    return Reject(CommandRejection.Malformed, "\"kind\" must be 1-24 of A-Z a-z 0-9 . _ : -");
                }
            }
            else if (r.NameEquals("mode"))
            {
                if (!r.Read())
                {
                    return Reject(CommandRejection.Malformed, r.Error);
                }

                c.Mode = r.ValueEquals("live") ? CommandMode.Live
                    : r.ValueEquals("drill") ? CommandMode.Drill
                    : r.ValueEquals("test") ? CommandMode.Test : CommandMode.Unknown;
                if (c.Mode == CommandMode.Unknown)
                {
                    return Reject(CommandRejection.Malformed, "\"mode\" must be live, drill or test");
                }
            }
            else if (r.NameEquals("seq"))
            {
                haveSeq = r.Read() && r.TryGetInt64(out c.Seq) && c.Seq > 0;
                if (!haveSeq)
                {
                    return Reject(CommandRejection.Malformed, "\"seq\" must be a positive integer");
                }
            }
            else if (r.NameEquals("iss"))
            {
                haveIss = r.Read() && r.TryGetInt64(out c.IssuedUtcMs) && c.IssuedUtcMs > 0;
                if (!haveIss)
                {
                    return Reject(CommandRejection.Malformed, "\"iss\" must be a positive integer (UTC ms)");
                }
            }
            else if (r.NameEquals("exp"))
            {
                haveExp = r.Read() && r.TryGetInt64(out c.ExpiresUtcMs) && c.ExpiresUtcMs > 0;
                if (!haveExp)
                {
                    return Reject(CommandRejection.Malformed, "\"exp\" must be a positive integer (UTC ms)");
                }
            }
            else if (r.NameEquals("body"))
            {
                if (!r.Read() || r.TokenType != JsonTokenType.BeginObject)
                {
                    return Reject(CommandRejection.Malformed, "\"body\" must be an object");
                }

                c.BodyStart = r.TokenStart;
                if (!r.Skip())
                {
                    return Reject(CommandRejection.Malformed, r.Error);
                }

                c.BodyLength = r.TokenEnd - c.BodyStart;
            }
            else if (!r.SkipNextValue())
            {
                return Reject(CommandRejection.Malformed, r.Error);
            }
        }

        if (r.Error != null)
        {
            return Reject(CommandRejection.Malformed, r.Error);
        }

        if (c.Id == null || c.Kind == null || c.Mode == CommandMode.Unknown || !haveSeq || !haveIss || !haveExp)
        {
            return Reject(CommandRejection.Malformed, "\"cmd\" needs id, seq, kind, mode, iss and exp");
        }

        return null;
    }

    // Ids and kinds are restricted to a safe alphabet: they are echoed into topics, logs and the console.
    private static string ReadToken(JsonReader r, int maxChars)
    {
        if (!r.Read() || r.TokenType != JsonTokenType.String)
        {
            return null;
        }

        string s = r.GetString();
        if (s == null || s.Length == 0 || s.Length > maxChars)
        {
            return null;
        }

        for (int i = 0; i < s.Length; i++)
        {
            char ch = s[i];
            bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')
                || ch == '.' || ch == '_' || ch == ':' || ch == '-';
            if (!ok)
            {
                return null;
            }
        }

        return s;
    }
}
