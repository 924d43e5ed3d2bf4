namespace Tocsin.TestSupport;

/// <summary>The pin table of a hardware pin-map document (hardware/*/pin-map.md).</summary>
public static class PinMapDocument
{
    /// <summary>
    /// Function name to GPIO number, from every Markdown table row whose second cell is a whole
    /// number (<c>| Name | 25 | ... |</c>); other rows and text are passed over.
    /// </summary>
    public static Dictionary<string, int> ReadGpioTable(string path)
    {
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string line in File.ReadAllLines(path))
        {
            string[] cells = line.Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length > 3 && int.TryParse(cells[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int gpio))
            {
                rows[cells[1]] = gpio;
            }
        }

        return rows;
    }
}
