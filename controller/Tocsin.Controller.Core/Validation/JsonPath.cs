namespace Tocsin.Controller.Validation;

/// <summary>Builds the JSON paths used in <see cref="ValidationError"/> ("$.a.b[2]").</summary>
public static class JsonPath
{
    /// <summary>The document root.</summary>
    public const string Root = "$";

    /// <summary>The path of member <paramref name="name"/> of the object at <paramref name="parent"/>.</summary>
    public static string Member(string parent, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        // Dotted form only for plain names, so a path stays unambiguous for names with dots or quotes.
        bool plain = name.Length > 0;
        foreach (char c in name)
        {
            plain &= char.IsAsciiLetterOrDigit(c) || c == '_';
        }

        return plain ? parent + "." + name : parent + "['" + name.Replace("'", "\\'", StringComparison.Ordinal) + "']";
    }

    /// <summary>The path of element <paramref name="index"/> of the array at <paramref name="parent"/>.</summary>
    public static string Element(string parent, int index) =>
        parent + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
}
