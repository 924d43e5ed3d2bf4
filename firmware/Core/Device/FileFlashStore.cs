using System;
using System.IO;
using Tocsin.Firmware.Hardware;

namespace Tocsin.Firmware.Device;

/// <summary>
/// <see cref="IFlashStore"/> on the ESP32's internal flash drive (<c>I:\</c>), one file per key:
/// <c>I:\&lt;key&gt;.bin</c>. nanoframework.md lists no System.IO.FileSystem signatures, so this
/// adapter keeps to the most basic API: <c>FileStream(path, FileMode, FileAccess)</c> with
/// Read/Write/Length/Flush, <c>File.Exists</c> and <c>File.Delete</c> (no rename).
/// </summary>
/// <remarks>
/// Without a rename, a replace goes: write <c>&lt;key&gt;.new</c> completely, delete the old file,
/// write <c>&lt;key&gt;.bin</c> again from the same bytes, delete <c>&lt;key&gt;.new</c>. A power cut
/// can stop that anywhere, so the temporary copy ends with a trailer (length + magic) written
/// after the data: a <c>.new</c> whose trailer checks out was written completely and holds the
/// newest value, even when <c>.bin</c> is missing, empty or half-written; one whose trailer does
/// not is a cut during the first step and is ignored. Callers still check their own CRCs.
/// </remarks>
public sealed class FileFlashStore : IFlashStore
{
    private const string Root = "I:\\";
    private const int TrailerBytes = 8;

    /// <inheritdoc />
    public byte[] Read(string key)
    {
        try
        {
            byte[] pending = ReadPending(PendingPath(key));
            return pending ?? ReadFile(MainPath(key));
        }
        catch (Exception)
        {
            // IOException mostly, but the native driver may surface other types: a storage error
            // must read as "absent or unreadable", never stop the node loop.
            return null;
        }
    }

    /// <inheritdoc />
    public bool Write(string key, byte[] data, int count)
    {
        if (data == null || count < 0 || count > data.Length)
        {
            return false;
        }

        string pending = PendingPath(key);
        string main = MainPath(key);
        try
        {
            WriteFile(pending, data, count, true);
            if (File.Exists(main))
            {
                File.Delete(main);
            }

            WriteFile(main, data, count, false);
            File.Delete(pending);
            return true;
        }
        catch (Exception)
        {
            // Flash full or driver error: report it; a complete .new left behind is still read
            // back correctly, and the next Write starts the sequence over.
            return false;
        }
    }

    /// <inheritdoc />
    public void Delete(string key)
    {
        try
        {
            // The temporary copy first: a complete .new left behind would bring the key back.
            string pending = PendingPath(key);
            if (File.Exists(pending))
            {
                File.Delete(pending);
            }

            string main = MainPath(key);
            if (File.Exists(main))
            {
                File.Delete(main);
            }
        }
        catch (Exception)
        {
            // Best effort, as the interface allows; the outbox tolerates a stale slot (CRC, sequence).
        }
    }

    // Short names on purpose: where the drive is SPIFFS, an object name is limited to 32 bytes.
    private static string MainPath(string key) => Root + key + ".bin";

    private static string PendingPath(string key) => Root + key + ".new";

    private static void WriteFile(string path, byte[] data, int count, bool withTrailer)
    {
        using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write))
        {
            if (count > 0)
            {
                stream.Write(data, 0, count);
            }

            if (withTrailer)
            {
                var trailer = new byte[TrailerBytes];
                trailer[0] = (byte)count;
                trailer[1] = (byte)(count >> 8);
                trailer[2] = (byte)(count >> 16);
                trailer[3] = (byte)(count >> 24);
                trailer[4] = (byte)'T';
                trailer[5] = (byte)'c';
                trailer[6] = (byte)'s';
                trailer[7] = (byte)'n';
                stream.Write(trailer, 0, TrailerBytes);
            }

            stream.Flush();
        }
    }

    /// <summary>Returns the data of a complete temporary copy, or null when there is none.</summary>
    private static byte[] ReadPending(string path)
    {
        byte[] raw = ReadFile(path);
        if (raw == null || raw.Length < TrailerBytes)
        {
            return null;
        }

        int at = raw.Length - TrailerBytes;
        int length = raw[at] | (raw[at + 1] << 8) | (raw[at + 2] << 16) | (raw[at + 3] << 24);
        if (length != at || raw[at + 4] != (byte)'T' || raw[at + 5] != (byte)'c'
            || raw[at + 6] != (byte)'s' || raw[at + 7] != (byte)'n')
        {
            return null;
        }

        var data = new byte[length];
        Array.Copy(raw, 0, data, 0, length);
        return data;
    }

    private static byte[] ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read))
        {
            int length = (int)stream.Length;
            var data = new byte[length];
            int read = 0;
            while (read < length)
            {
                int n = stream.Read(data, read, length - read);
                if (n <= 0)
                {
                    // Shorter than its own length: treat as unreadable rather than return zeros.
                    return null;
                }

                read += n;
            }

            return data;
        }
    }
}
