namespace Tocsin.Firmware.Hardware;

/// <summary>
/// Persistent key/blob storage in the board's flash. Keys are short ASCII names. A write either
/// replaces the whole blob or leaves the old one (the adapter writes a temporary file and renames),
/// so a power cut mid-write never leaves half a record; callers still check their own CRCs.
/// </summary>
public interface IFlashStore
{
    /// <summary>Returns the stored blob, or null if the key is absent or unreadable.</summary>
    byte[] Read(string key);

    /// <summary>Stores the first <paramref name="count"/> bytes; returns false if flash refused.</summary>
    bool Write(string key, byte[] data, int count);

    /// <summary>Removes the key if present.</summary>
    void Delete(string key);
}
