using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Tocsin.Simulator.Tests.Plots;

/// <summary>Parses chart output the strict way (no DTDs) and reads back what the tests check.</summary>
internal static partial class SvgDocument
{
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static XDocument Parse(string svg)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(svg), settings);
        return XDocument.Load(reader);
    }

    public static IEnumerable<XElement> WithClass(this XDocument doc, string name, string cssClass) =>
        doc.Descendants(Svg + name).Where(e => (string?)e.Attribute("class") == cssClass);

    public static IEnumerable<XElement> Group(this XDocument doc, string cssClass) => doc.WithClass("g", cssClass);

    public static string[] TickLabels(this XDocument doc, string axisClass) =>
        doc.Group(axisClass).Single().Elements(Svg + "text").Select(t => t.Value).ToArray();

    /// <summary>The plot area, read from the axis lines ("M left top V bottom H right"): left, top, width, height.</summary>
    public static (double Left, double Top, double Width, double Height) PlotArea(this XDocument doc)
    {
        List<(double X, double Y)> corners = Vertices((string)doc.WithClass("path", "axes").Single().Attribute("d")!);
        (double left, double top) = corners[0];
        (double right, double bottom) = corners[2];
        return (left, top, right - left, bottom - top);
    }

    public static double Number(XElement element, string attribute) =>
        double.Parse((string)element.Attribute(attribute)!, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The vertices of a path made of M, L, H and V commands, in absolute pixels.</summary>
    public static List<(double X, double Y)> Vertices(string pathData)
    {
        var vertices = new List<(double X, double Y)>();
        double x = 0;
        double y = 0;
        MatchCollection tokens = PathToken().Matches(pathData);
        for (int i = 0; i < tokens.Count; i++)
        {
            switch (tokens[i].Value)
            {
                case "M":
                case "L":
                    x = double.Parse(tokens[++i].Value, CultureInfo.InvariantCulture);
                    y = double.Parse(tokens[++i].Value, CultureInfo.InvariantCulture);
                    break;
                case "H":
                    x = double.Parse(tokens[++i].Value, CultureInfo.InvariantCulture);
                    break;
                case "V":
                    y = double.Parse(tokens[++i].Value, CultureInfo.InvariantCulture);
                    break;
                default:
                    throw new FormatException("unexpected path token '" + tokens[i].Value + "' in " + pathData);
            }

            vertices.Add((x, y));
        }

        return vertices;
    }

    [GeneratedRegex(@"[MLHV]|-?\d+(\.\d+)?|\S")]
    private static partial Regex PathToken();
}
