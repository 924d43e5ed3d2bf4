using System.Text;
using System.Text.Json;

namespace Tocsin.Hardware.PowerBudget.Input;

/// <summary>
/// Reads JSON (comments and trailing commas allowed) into <see cref="JsonNodeAt"/> trees with
/// 1-based line and column positions; syntax errors come back as <see cref="InputException"/>.
/// </summary>
public static class JsonReaderAt
{
    /// <summary>Parses <paramref name="text"/>; <paramref name="file"/> names it in errors.</summary>
    public static JsonNodeAt Parse(string text, string file)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text);
        var lines = new LineMap(utf8, file);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        });
        try
        {
            if (!reader.Read())
            {
                throw new SourcePosition(file, 1, 1).Error("empty file: expected a JSON object");
            }

            JsonNodeAt root = ReadValue(ref reader, "$", lines);
            if (reader.Read())
            {
                throw lines.At(reader.TokenStartIndex).Error("unexpected content after the top-level value");
            }

            return root;
        }
        catch (JsonException e)
        {
            // The reader's positions are 0-based; its byte position equals the character column for ASCII.
            int line = (int)(e.LineNumber ?? 0) + 1;
            int column = (int)(e.BytePositionInLine ?? 0) + 1;
            string message = e.Message;
            int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            throw new InputException(file, line, column, "JSON syntax: " + (cut > 0 ? message[..cut] : message));
        }
    }

    private static JsonNodeAt ReadValue(ref Utf8JsonReader reader, string path, LineMap lines)
    {
        SourcePosition at = lines.At(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var properties = new List<KeyValuePair<string, JsonNodeAt>>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    string name = reader.GetString() ?? "";
                    SourcePosition nameAt = lines.At(reader.TokenStartIndex);
                    if (properties.Any(p => p.Key == name))
                    {
                        throw nameAt.Error($"{path}: property \"{name}\" appears twice");
                    }

                    reader.Read();
                    properties.Add(new(name, ReadValue(ref reader, path + "." + name, lines)));
                }

                return new JsonNodeAt(JsonValueKind.Object, path, at, properties: properties);
            }

            case JsonTokenType.StartArray:
            {
                var items = new List<JsonNodeAt>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, $"{path}[{items.Count}]", lines));
                }

                return new JsonNodeAt(JsonValueKind.Array, path, at, items: items);
            }

            case JsonTokenType.String:
                return new JsonNodeAt(JsonValueKind.String, path, at, text: reader.GetString());
            case JsonTokenType.Number:
                return new JsonNodeAt(JsonValueKind.Number, path, at, number: reader.GetDouble());
            case JsonTokenType.True:
                return new JsonNodeAt(JsonValueKind.True, path, at);
            case JsonTokenType.False:
                return new JsonNodeAt(JsonValueKind.False, path, at);
            default:
                return new JsonNodeAt(JsonValueKind.Null, path, at);
        }
    }

    /// <summary>Byte offset → 1-based line and character column.</summary>
    private sealed class LineMap
    {
        private readonly byte[] _utf8;
        private readonly string _file;
        private readonly List<int> _lineStarts = [0];

        public LineMap(byte[] utf8, string file)
        {
            _utf8 = utf8;
            _file = file;
            for (int i = 0; i < utf8.Length; i++)
            {
                if (utf8[i] == (byte)'\n')
                {
                    _lineStarts.Add(i + 1);
                }
            }
        }

        public SourcePosition At(long offset)
        {
            int index = _lineStarts.BinarySearch((int)offset);
            int line = index >= 0 ? index : ~index - 1;
            int column = 1;
            for (int i = _lineStarts[line]; i < offset; i++)
            {
                // Count characters, not bytes: UTF-8 continuation bytes are 10xxxxxx.
                if ((_utf8[i] & 0xC0) != 0x80)
                {
                    column++;
                }
            }

            return new SourcePosition(_file, line + 1, column);
        }
    }
}
