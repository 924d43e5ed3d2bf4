using System.Globalization;
using System.Text;

namespace Tocsin.Simulator.Reports.Plots;

/// <summary>
/// Numbers and text as SVG wants them: numbers in the invariant culture (a German locale's "1,5"
/// would break every coordinate), text escaped for both element content and attribute values.
/// </summary>
internal static class SvgText
{
    /// <summary>A coordinate or length, rounded to 1/100 px (finer is invisible and bloats the file).</summary>
    public static string Number(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>
    /// Escapes <c>&amp; &lt; &gt; " '</c> and replaces what XML 1.0 cannot hold at all (control
    /// characters, lone surrogates) with U+FFFD, so a series named from a node's log line can never
    /// make the file unreadable.
    /// </summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '&':
                    builder.Append("&amp;");
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '"':
                    builder.Append("&quot;");
                    break;
                case '\'':
                    builder.Append("&apos;");
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        builder.Append(c).Append(text[++i]);
                    }
                    else if (char.IsSurrogate(c) || (c < 0x20 && c != '\t') || c == '\uFFFE' || c == '\uFFFF')
                    {
                        // Newlines too: a label is one line, and SVG would collapse them to spaces anyway.
                        builder.Append('\uFFFD');
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Rough width of <paramref name="text"/> in a sans-serif font, for laying out legends without a font engine.</summary>
    public static double EstimatedWidthPx(string text, double fontSizePx) => text.Length * fontSizePx * 0.6;
}
