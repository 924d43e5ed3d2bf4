using System.Buffers;
using System.Text.Json;

namespace Tocsin.Controller.Engine;

/// <summary>
/// Serializes a snapshot's documents into one buffer the engine keeps from snapshot to snapshot.
/// Serialized each into an array of its own, the larger ones (the rule engine's, about 0.6 MB at
/// 10,000 nodes, and each changed fan-out command's, up to about 0.8 MB for a district-wide warning)
/// went to the large-object heap at every snapshot, and that garbage set off most of the full
/// collections of a simulated 10,000-node day, each a walk of the whole heap. The bytes are the
/// same as <see cref="JsonSerializer.SerializeToUtf8Bytes{TValue}(TValue, JsonSerializerOptions?)"/>
/// gives. The documents stay valid until <see cref="Clear"/>. Not thread-safe (the engine loop's).
/// </summary>
public sealed class SnapshotDocumentBuffer
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 16);
    private readonly List<(string Name, int Start, int Length)> _documents = [];
    private readonly JsonSerializerOptions _options;
    private readonly JsonWriterOptions _writerOptions;

    // The serializer's depth limit when its options leave it at 0.
    private const int DefaultMaxDepth = 64;

    /// <summary>Serializes with <paramref name="options"/> (the writer takes its encoder and indentation from them).</summary>
    public SnapshotDocumentBuffer(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        // As the serializer sets up its own writer, so the bytes are the same whatever the options.
        _writerOptions = new JsonWriterOptions
        {
            Encoder = options.Encoder,
            Indented = options.WriteIndented,
            IndentCharacter = options.IndentCharacter,
            IndentSize = options.IndentSize,
            NewLine = options.NewLine,
            MaxDepth = options.MaxDepth == 0 ? DefaultMaxDepth : options.MaxDepth,
            SkipValidation = true,
        };
    }

    /// <summary>Documents added since the last <see cref="Clear"/>.</summary>
    public int Count => _documents.Count;

    /// <summary>Bytes the buffer holds now (it keeps its largest size).</summary>
    public int Capacity => _buffer.Capacity;

    /// <summary>Serializes <paramref name="value"/> as the document <paramref name="name"/>.</summary>
    public void Add<T>(string name, T value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        int start = _buffer.WrittenCount;
        using (var writer = new Utf8JsonWriter(_buffer, _writerOptions))
        {
            JsonSerializer.Serialize(writer, value, _options);
        }

        _documents.Add((name, start, _buffer.WrittenCount - start));
    }

    /// <summary>
    /// Appends every document, in the order added, to <paramref name="documents"/>. Call after the last
    /// <see cref="Add{T}"/>: the buffer may move while it grows.
    /// </summary>
    public void AddTo(List<(string Name, ReadOnlyMemory<byte> Json)> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ReadOnlyMemory<byte> written = _buffer.WrittenMemory;
        foreach (var (name, start, length) in _documents)
        {
            documents.Add((name, written.Slice(start, length)));
        }
    }

    /// <summary>Forgets the documents (once written); the buffer is kept for the next snapshot.</summary>
    public void Clear()
    {
        _buffer.ResetWrittenCount();
        _documents.Clear();
    }
}
