using System.Text;

namespace Tocsin.Simulator.Reports.Plots;

/// <summary>Writes indented SVG elements; every attribute value and text goes through <see cref="SvgText.Escape"/>.</summary>
internal sealed class SvgBuilder
{
    private readonly StringBuilder _text = new();
    private int _depth;

    /// <summary>Opens an element; attributes whose value is null are left out.</summary>
    public void Open(string name, params (string Name, string? Value)[] attributes)
    {
        Start(name, attributes);
        _text.Append(">\n");
        _depth++;
    }

    /// <summary>Closes the innermost open element.</summary>
    public void Close(string name)
    {
        _depth--;
        Indent();
        _text.Append("</").Append(name).Append(">\n");
    }

    /// <summary>Writes an empty element.</summary>
    public void Element(string name, params (string Name, string? Value)[] attributes)
    {
        Start(name, attributes);
        _text.Append("/>\n");
    }

    /// <summary>Writes a <c>text</c> element holding <paramref name="content"/>.</summary>
    public void Text(string content, params (string Name, string? Value)[] attributes) => TextElement("text", content, attributes);

    /// <summary>Writes an element holding text, such as <c>title</c>.</summary>
    public void TextElement(string name, string content, params (string Name, string? Value)[] attributes)
    {
        Start(name, attributes);
        _text.Append('>').Append(SvgText.Escape(content)).Append("</").Append(name).Append(">\n");
    }

    /// <summary>Writes raw markup (the XML declaration).</summary>
    public void Raw(string markup) => _text.Append(markup).Append('\n');

    /// <inheritdoc />
    public override string ToString() => _text.ToString();

    private void Start(string name, (string Name, string? Value)[] attributes)
    {
        Indent();
        _text.Append('<').Append(name);
        foreach (var (attribute, value) in attributes)
        {
            if (value != null)
            {
                _text.Append(' ').Append(attribute).Append("=\"").Append(SvgText.Escape(value)).Append('"');
            }
        }
    }

    private void Indent() => _text.Append(' ', _depth * 2);
}
