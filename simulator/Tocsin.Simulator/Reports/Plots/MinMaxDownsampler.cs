namespace Tocsin.Simulator.Reports.Plots;

/// <summary>
/// Thins a long series to what a plot of a given pixel width can show: per pixel column it keeps
/// the first, lowest, highest and last point (the "M4" rule), so the drawn line is the same as with
/// every point and a one-sample spike among a million still reaches its full height.
/// </summary>
internal static class MinMaxDownsampler
{
    /// <summary>
    /// Returns <paramref name="points"/> (sorted by X, all finite) reduced to at most four points per
    /// column of <paramref name="columns"/> across <paramref name="xMin"/>..<paramref name="xMax"/>;
    /// a series already that short comes back as it is.
    /// </summary>
    public static IReadOnlyList<(double X, double Y)> Reduce(IReadOnlyList<(double X, double Y)> points, double xMin, double xMax, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        if (points.Count <= 4 * columns || xMax <= xMin)
        {
            return points;
        }

        var kept = new List<(double X, double Y)>(4 * columns);
        double columnsPerUnit = columns / (xMax - xMin);
        int start = 0;
        while (start < points.Count)
        {
            int column = Column(points[start].X);
            int end = start;
            int lowest = start;
            int highest = start;
            while (end + 1 < points.Count && Column(points[end + 1].X) == column)
            {
                end++;
                if (points[end].Y < points[lowest].Y)
                {
                    lowest = end;
                }

                if (points[end].Y > points[highest].Y)
                {
                    highest = end;
                }
            }

            // Indices in X order, each once: a column with one point yields one point.
            int last = -1;
            foreach (int index in new[] { start, Math.Min(lowest, highest), Math.Max(lowest, highest), end })
            {
                if (index != last)
                {
                    kept.Add(points[index]);
                    last = index;
                }
            }

            start = end + 1;
        }

        return kept;

        int Column(double x) => Math.Clamp((int)((x - xMin) * columnsPerUnit), 0, columns - 1);
    }
}
