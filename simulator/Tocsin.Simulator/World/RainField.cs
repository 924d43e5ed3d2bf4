namespace Tocsin.Simulator.World;

/// <summary>Rain over the district: a background rate that changes over time plus moving storm cells.</summary>
public sealed class RainField
{
    private readonly (double Minute, double MmPerHour)[] _background;
    private readonly StormCell[] _cells;

    /// <summary>Creates a field; background points are (minute, mm/h), interpolated linearly.</summary>
    public RainField(IEnumerable<(double Minute, double MmPerHour)> background, IEnumerable<StormCell> cells)
    {
        _background = background.OrderBy(p => p.Minute).ToArray();
        _cells = cells.ToArray();
    }

    /// <summary>No rain at all.</summary>
    public static RainField Dry { get; } = new([], []);

    /// <summary>Rain rate at a point and minute, mm/h.</summary>
    public double RateAt(double xKm, double yKm, double minute)
    {
        double rate = Background(minute);
        foreach (StormCell cell in _cells)
        {
            rate += cell.RateAt(xKm, yKm, minute);
        }

        return rate;
    }

    private double Background(double minute)
    {
        if (_background.Length == 0 || minute <= _background[0].Minute)
        {
            return _background.Length == 0 ? 0 : _background[0].MmPerHour;
        }

        for (int i = 1; i < _background.Length; i++)
        {
            if (minute <= _background[i].Minute)
            {
                var (m0, r0) = _background[i - 1];
                var (m1, r1) = _background[i];
                return m1 == m0 ? r1 : r0 + ((r1 - r0) * (minute - m0) / (m1 - m0));
            }
        }

        return _background[^1].MmPerHour;
    }
}
