using System.Text;

namespace Tocsin.Controller.Cli.Client;

/// <summary>A plain text table: a header row and columns padded to their widest cell.</summary>
public sealed class TextTable
{
    private readonly string[] _headers;
    private readonly List<string[]> _rows = [];

    /// <summary>A table with these column headers.</summary>
    public TextTable(params string[] headers)
    {
        _headers = headers;
    }

    /// <summary>Rows added so far.</summary>
    public int Count => _rows.Count;

    /// <summary>Adds a row; missing cells are empty.</summary>
    public void Add(params string[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var row = new string[_headers.Length];
        for (int i = 0; i < row.Length; i++)
        {
            row[i] = i < cells.Length ? cells[i] ?? string.Empty : string.Empty;
        }

        _rows.Add(row);
    }

    /// <summary>The table as lines; the last column is not padded.</summary>
    public override string ToString()
    {
        int[] widths = _headers.Select(h => h.Length).ToArray();
        foreach (string[] row in _rows)
        {
            for (int i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        var text = new StringBuilder();
        Append(text, _headers, widths);
        foreach (string[] row in _rows)
        {
            Append(text, row, widths);
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, string[] cells, int[] widths)
    {
        var line = new StringBuilder();
        for (int i = 0; i < cells.Length; i++)
        {
            line.Append(i == cells.Length - 1 ? cells[i] : cells[i].PadRight(widths[i] + 2));
        }

        text.Append(line.ToString().TrimEnd()).Append('\n');
    }
}
