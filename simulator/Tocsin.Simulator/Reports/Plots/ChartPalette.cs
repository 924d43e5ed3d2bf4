namespace Tocsin.Simulator.Reports.Plots;

/// <summary>
/// Default series colours: the Okabe–Ito set, which stays distinguishable for the common forms of
/// colour blindness (its yellow is left out: it vanishes on white).
/// </summary>
internal static class ChartPalette
{
    private static readonly string[] Colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#7F7F7F"];

    /// <summary>The colour for the <paramref name="index"/>th series (wrapping after eight).</summary>
    public static string For(int index) => Colours[index % Colours.Length];

    /// <summary>True for <c>#rgb</c>, <c>#rrggbb</c> or a plain colour keyword: nothing that could break out of an attribute.</summary>
    public static bool IsValidColour(string colour)
    {
        if (colour.Length is 4 or 7 && colour[0] == '#')
        {
            return colour.Skip(1).All(char.IsAsciiHexDigit);
        }

        return colour.Length is > 0 and <= 32 && colour.All(char.IsAsciiLetterLower);
    }
}
