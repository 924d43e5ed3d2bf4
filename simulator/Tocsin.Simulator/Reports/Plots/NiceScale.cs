using System.Globalization;

namespace Tocsin.Simulator.Reports.Plots;

/// <summary>
/// An axis range widened to round values with ticks at 1, 2, 2.5 or 5 times a power of ten
/// (Heckbert's "nice numbers"), so readers see 0, 50, 100 rather than 3.7, 51.2, 98.7.
/// </summary>
internal sealed class NiceScale
{
    private NiceScale(double minimum, double maximum, double step)
    {
        Minimum = minimum;
        Maximum = maximum;
        Step = step;
        Decimals = Math.Max(0, (int)-Math.Floor(Math.Log10(step) + 1e-9));
        double digits = step / Math.Pow(10, -Decimals);
        if (Math.Abs(digits - Math.Round(digits)) > 1e-6)
        {
            // 2.5 × 10^k needs one digit more than its power of ten.
            Decimals++;
        }

        int count = (int)Math.Round((maximum - minimum) / step) + 1;
        Ticks = Enumerable.Range(0, count).Select(i => Math.Round(minimum + (i * step), Decimals + 1)).ToArray();
    }

    /// <summary>Lowest value on the axis (the first tick).</summary>
    public double Minimum { get; }

    /// <summary>Highest value on the axis (the last tick).</summary>
    public double Maximum { get; }

    /// <summary>Distance between ticks.</summary>
    public double Step { get; }

    /// <summary>Digits after the decimal point that tick labels need.</summary>
    public int Decimals { get; }

    /// <summary>Tick values, from <see cref="Minimum"/> to <see cref="Maximum"/>.</summary>
    public IReadOnlyList<double> Ticks { get; }

    /// <summary>Covers <paramref name="low"/>..<paramref name="high"/> with about <paramref name="targetTicks"/> ticks.</summary>
    public static NiceScale Covering(double low, double high, int targetTicks)
    {
        if (!double.IsFinite(low) || !double.IsFinite(high) || high < low)
        {
            throw new ArgumentException("an axis needs a finite range with low <= high, not " + low.ToString(CultureInfo.InvariantCulture) + ".." + high.ToString(CultureInfo.InvariantCulture));
        }

        if (high == low)
        {
            // A constant series still deserves an axis: centre it in a band around its value.
            double pad = low == 0 ? 1 : Math.Abs(low) * 0.1;
            low -= pad;
            high += pad;
        }

        double step = Nice((high - low) / Math.Max(1, targetTicks - 1));
        double minimum = Math.Floor(low / step) * step;
        double maximum = Math.Ceiling(high / step) * step;
        return new NiceScale(minimum, maximum, step);
    }

    /// <summary>Formats a tick value with just the decimals the step needs.</summary>
    public string Format(double value) => value.ToString("F" + Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static double Nice(double rawStep)
    {
        double exponent = Math.Floor(Math.Log10(rawStep));
        double fraction = rawStep / Math.Pow(10, exponent);
        double nice = fraction < 1.5 ? 1 : fraction < 2.25 ? 2 : fraction < 3.5 ? 2.5 : fraction < 7.5 ? 5 : 10;
        return nice * Math.Pow(10, exponent);
    }
}
