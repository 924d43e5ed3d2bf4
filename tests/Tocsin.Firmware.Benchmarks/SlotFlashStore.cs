using Tocsin.Firmware.Hardware;

namespace Tocsin.Firmware.Benchmarks;

/// <summary>
/// Flash whose writes copy into buffers kept per key (no allocation once warm). Reads return a new
/// array, as the device adapter does, so that cost is counted against the firmware.
/// </summary>
internal sealed class SlotFlashStore : IFlashStore
{
    private readonly Dictionary<string, (byte[] Data, int Length)> _slots = new(StringComparer.Ordinal);

    public byte[] Read(string key)
    {
        if (!_slots.TryGetValue(key, out var slot) || slot.Length < 0)
        {
            return null!;
        }

        return slot.Data.AsSpan(0, slot.Length).ToArray();
    }

    public bool Write(string key, byte[] data, int count)
    {
        if (!_slots.TryGetValue(key, out var slot) || slot.Data.Length < count)
        {
            slot = (new byte[Math.Max(count, 512)], 0);
        }

        Array.Copy(data, slot.Data, count);
        _slots[key] = (slot.Data, count);
        return true;
    }

    public void Delete(string key)
    {
        if (_slots.TryGetValue(key, out var slot))
        {
            _slots[key] = (slot.Data, -1);
        }
    }
}
