using System.Text.Json;

namespace Tocsin.Controller.Storage;

/// <summary>Named JSON documents: snapshots of the controller's in-memory state that must survive a restart.</summary>
public interface IStateStore
{
    /// <summary>Reads a document, or default when absent.</summary>
    T? Read<T>(string name, JsonSerializerOptions options);

    /// <summary>
    /// Writes several documents (UTF-8 JSON, as the serializer produces it: SQLite stores a
    /// multi-megabyte snapshot without turning it into a string and back) in one transaction.
    /// </summary>
    void Write(IEnumerable<(string Name, byte[] Json)> documents);
}
