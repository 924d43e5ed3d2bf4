using System.Globalization;
using Tocsin.Hardware.PowerBudget.Model;

namespace Tocsin.Hardware.PowerBudget.Input;

/// <summary>
/// Reads a node's bom.csv: a header naming exactly <see cref="Columns"/> (any order), then one
/// line per part. Every cell is checked, and the first bad one is reported by file, line, column
/// and column name.
/// </summary>
public static class BomReader
{
    /// <summary>The required header.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "part_class", "designator", "description", "qty", "example_part", "alternatives",
        "idle_ma", "active_ma", "sleep_ma", "supply_v", "notes",
    ];

    /// <summary>Parses the text of a bom.csv; <paramref name="file"/> names it in errors.</summary>
    public static IReadOnlyList<BomLine> Parse(string text, string file)
    {
        IReadOnlyList<CsvRecord> records = CsvReader.Parse(text, file);
        if (records.Count == 0)
        {
            throw new SourcePosition(file, 1, 1).Error("empty file: expected the header " + string.Join(",", Columns));
        }

        Dictionary<string, int> index = ReadHeader(records[0]);
        var lines = new List<BomLine>();
        var seen = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        foreach (CsvRecord record in records.Skip(1))
        {
            if (record.Fields.Count != Columns.Count)
            {
                SourcePosition at = record.Fields.Count > Columns.Count ? record.Fields[Columns.Count].Position : record.Fields[^1].Position;
                throw at.Error($"expected {Columns.Count} fields, found {record.Fields.Count} (quote any field that contains a comma)");
            }

            var row = new Row(record, index);
            string designator = row.Required("designator");
            if (seen.TryGetValue(designator, out SourcePosition first))
            {
                throw row.At("designator").Error($"designator: \"{designator}\" is already used on line {first.Line}");
            }

            seen[designator] = row.At("designator");
            var line = new BomLine(
                row.Required("part_class"),
                designator,
                row.Required("description"),
                row.Quantity("qty"),
                row.Text("example_part"),
                row.Text("alternatives"),
                row.Current("idle_ma"),
                row.Current("active_ma"),
                row.Current("sleep_ma"),
                row.Voltage("supply_v"),
                row.Text("notes"),
                record.Position,
                Columns.ToDictionary(c => c, row.At, StringComparer.Ordinal));
            if (!line.IsPassive && line.SupplyV is null)
            {
                throw row.At("supply_v").Error("supply_v: required for a part that draws current");
            }

            lines.Add(line);
        }

        return lines;
    }

    private static Dictionary<string, int> ReadHeader(CsvRecord header)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < header.Fields.Count; i++)
        {
            CsvField field = header.Fields[i];
            string name = field.Value.Trim();
            if (!Columns.Contains(name))
            {
                throw field.Position.Error($"unknown column \"{name}\" (expected {string.Join(",", Columns)})");
            }

            if (!index.TryAdd(name, i))
            {
                throw field.Position.Error($"column \"{name}\" appears twice");
            }
        }

        foreach (string column in Columns)
        {
            if (!index.ContainsKey(column))
            {
                throw header.Position.Error($"missing column \"{column}\" in the header");
            }
        }

        return index;
    }

    /// <summary>One record's cells by column name, with typed and checked accessors.</summary>
    private sealed class Row(CsvRecord record, Dictionary<string, int> index)
    {
        public SourcePosition At(string column) => record.Fields[index[column]].Position;

        public string Text(string column) => record.Fields[index[column]].Value.Trim();

        public string Required(string column)
        {
            string value = Text(column);
            return value.Length > 0 ? value : throw At(column).Error($"{column}: must not be empty");
        }

        public int Quantity(string column)
        {
            string value = Text(column);
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int qty))
            {
                throw At(column).Error($"{column}: \"{value}\" is not a whole number ≥ 0");
            }

            return qty;
        }

        public double? Current(string column)
        {
            double? value = Number(column);
            return value is < 0 ? throw At(column).Error($"{column}: a current cannot be negative") : value;
        }

        public double? Voltage(string column)
        {
            double? value = Number(column);
            return value is <= 0 ? throw At(column).Error($"{column}: a supply voltage must be above 0") : value;
        }

        private double? Number(string column)
        {
            string value = Text(column);
            if (value.Length == 0)
            {
                return null;
            }

            if (!double.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out double number)
                || !double.IsFinite(number))
            {
                throw At(column).Error($"{column}: \"{value}\" is not a number (use a decimal point, no units)");
            }

            return number;
        }
    }
}
