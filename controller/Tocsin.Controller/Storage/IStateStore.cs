using System.Text.Json;

namespace Tocsin.Controller.Storage;

/// <summary>Named JSON documents: snapshots of the controller's in-memory state that must survive a restart.</summary>
public interface IStateStore
{
    /// <summary>Reads a document, or default when absent.</summary>
    T? Read<T>(string name, JsonSerializerOptions options);

    /// <summary>
    /// Writes several documents (UTF-8 JSON, as the serializer produces it: SQLite stores a
    /// multi-megabyte snapshot without turning it into a string and back) in one transaction. The
    /// bytes are valid only during the call (snapshot writers reuse their buffers): a store copies
    /// what it keeps.
    /// </summary>
    void Write(IEnumerable<(string Name, ReadOnlyMemory<byte> Json)> documents);

    /// <summary>Writes <paramref name="documents"/> and deletes the documents named in <paramref name="deletions"/>, in one transaction.</summary>
    void Write(IEnumerable<(string Name, ReadOnlyMemory<byte> Json)> documents, IEnumerable<string> deletions);

    /// <summary>The names of the documents whose names start with <paramref name="prefix"/>, in ordinal order.</summary>
    IReadOnlyList<string> Names(string prefix);
}
