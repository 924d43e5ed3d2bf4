using System.Text;

namespace Tocsin.Hardware.PowerBudget.Input;

/// <summary>
/// RFC 4180 CSV: comma-separated, fields optionally in double quotes, a doubled quote inside a
/// quoted field is one quote, quoted fields may hold commas and line breaks; CRLF, LF or CR end a
/// record. Blank lines are skipped. Anything else (a quote inside an unquoted field, text after a
/// closing quote, a quote never closed) is an error at its exact line and column.
/// </summary>
public static class CsvReader
{
    /// <summary>Parses <paramref name="text"/>; <paramref name="file"/> names it in errors.</summary>
    public static IReadOnlyList<CsvRecord> Parse(string text, string file)
    {
        var cursor = new Cursor(text, file);
        var records = new List<CsvRecord>();
        var fields = new List<CsvField>();
        while (!cursor.AtEnd)
        {
            SourcePosition recordStart = cursor.Position;
            bool anyQuoted = false;
            fields.Clear();
            while (true)
            {
                SourcePosition fieldStart = cursor.Position;
                bool quoted = cursor.Peek == '"';
                anyQuoted |= quoted;
                string value = quoted ? ReadQuoted(cursor, fieldStart) : ReadPlain(cursor);
                fields.Add(new CsvField(value, fieldStart));
                if (cursor.Peek == ',')
                {
                    cursor.Advance();
                    continue;
                }

                cursor.SkipLineBreak();
                break;
            }

            bool blank = fields.Count == 1 && fields[0].Value.Length == 0 && !anyQuoted;
            if (!blank)
            {
                records.Add(new CsvRecord(recordStart, fields.ToArray()));
            }
        }

        return records;
    }

    private static string ReadPlain(Cursor cursor)
    {
        var value = new StringBuilder();
        while (!cursor.AtEnd && cursor.Peek != ',' && !cursor.AtLineBreak)
        {
            if (cursor.Peek == '"')
            {
                throw cursor.Position.Error(
                    "quote inside an unquoted field: quote the whole field and double the inner quote (\"\")");
            }

            value.Append(cursor.Advance());
        }

        return value.ToString();
    }

    private static string ReadQuoted(Cursor cursor, SourcePosition start)
    {
        var value = new StringBuilder();
        cursor.Advance();
        while (true)
        {
            if (cursor.AtEnd)
            {
                throw start.Error("quoted field is never closed (missing \")");
            }

            if (cursor.Peek == '"')
            {
                cursor.Advance();
                if (cursor.Peek != '"')
                {
                    break;
                }
            }

            value.Append(cursor.Advance());
        }

        if (!cursor.AtEnd && cursor.Peek != ',' && !cursor.AtLineBreak)
        {
            throw cursor.Position.Error(
                $"unexpected '{cursor.Peek}' after a closing quote (a field ends at ',' or the line end)");
        }

        return value.ToString();
    }

    /// <summary>Walks the text keeping a 1-based line and column.</summary>
    private sealed class Cursor
    {
        private readonly string _text;
        private readonly string _file;
        private int _index;
        private int _line = 1;
        private int _column = 1;

        public Cursor(string text, string file)
        {
            _text = text;
            _file = file;
            _index = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        }

        public bool AtEnd => _index >= _text.Length;

        public char Peek => AtEnd ? '\0' : _text[_index];

        public bool AtLineBreak => Peek == '\r' || Peek == '\n';

        public SourcePosition Position => new(_file, _line, _column);

        /// <summary>Consumes one character (a CRLF pair counts as one line break) and returns it.</summary>
        public char Advance()
        {
            char c = _text[_index++];
            if (c == '\r' && Peek == '\n')
            {
                _index++;
                c = '\n';
            }

            if (c == '\r' || c == '\n')
            {
                _line++;
                _column = 1;
                return '\n';
            }

            _column++;
            return c;
        }

        public void SkipLineBreak()
        {
            if (AtLineBreak)
            {
                Advance();
            }
        }
    }
}
