using Tocsin.Firmware.Hardware;

namespace Tocsin.Simulator.Hardware;

/// <summary>
/// Flash in memory. It survives a simulated reboot (keep the instance, rebuild the node) and can
/// be told to fail writes or to corrupt a record, for the storage fault tests.
/// </summary>
public sealed class SimFlashStore : IFlashStore
{
    private readonly Dictionary<string, byte[]> _blobs = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    /// <summary>When true every write fails (worn-out or full flash).</summary>
    public bool FailWrites { get; set; }

    /// <summary>When set, writes of more bytes than this fail (a flash with only that much room left).</summary>
    public int? FailWritesLargerThan { get; set; }

    /// <summary>Writes done (a wear measure).</summary>
    public int WriteCount { get; private set; }

    /// <summary>Reads done (each one a flash access and a fresh array on the device).</summary>
    public int ReadCount { get; private set; }

    /// <summary>Bytes stored in all.</summary>
    public int TotalBytes
    {
        get
        {
            lock (_gate)
            {
                return _blobs.Values.Sum(b => b.Length);
            }
        }
    }

    /// <summary>Keys present.</summary>
    public IReadOnlyCollection<string> Keys
    {
        get
        {
            lock (_gate)
            {
                return _blobs.Keys.ToArray();
            }
        }
    }

    /// <inheritdoc />
    public byte[] Read(string key)
    {
        lock (_gate)
        {
            ReadCount++;
            return _blobs.TryGetValue(key, out byte[]? data) ? (byte[])data.Clone() : null!;
        }
    }

    /// <inheritdoc />
    public bool Write(string key, byte[] data, int count)
    {
        lock (_gate)
        {
            if (FailWrites || count > FailWritesLargerThan)
            {
                return false;
            }

            WriteCount++;

            // Records are rewritten in place at the same size (a sensor's rain ring every minute): reuse
            // the stored array instead of allocating 1.4 KB per write. Reads hand out copies, so no caller holds it.
            if (_blobs.TryGetValue(key, out byte[]? stored) && stored.Length == count)
            {
                data.AsSpan(0, count).CopyTo(stored);
            }
            else
            {
                _blobs[key] = data.AsSpan(0, count).ToArray();
            }

            return true;
        }
    }

    /// <inheritdoc />
    public void Delete(string key)
    {
        lock (_gate)
        {
            _blobs.Remove(key);
        }
    }

    /// <summary>Flips one bit of a stored record (a corrupted sector).</summary>
    public void Corrupt(string key, int byteIndex = 0)
    {
        lock (_gate)
        {
            _blobs[key][byteIndex] ^= 0x10;
        }
    }

    /// <summary>Stores raw bytes as if written by other firmware.</summary>
    public void Put(string key, byte[] data)
    {
        lock (_gate)
        {
            _blobs[key] = (byte[])data.Clone();
        }
    }
}
