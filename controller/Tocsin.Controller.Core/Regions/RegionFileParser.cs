using System.Text;
using System.Text.Json;
using Tocsin.Controller.Validation;

namespace Tocsin.Controller.Regions;

/// <summary>
/// Reads a region file (docs/region-file.md) into a <see cref="RegionMap"/>. Every problem is reported
/// with its JSON path; a file with any problem loads nothing. Never throws for bad input.
/// </summary>
public static class RegionFileParser
{
    /// <summary>The only format version understood.</summary>
    public const int FormatVersion = 1;

    /// <summary>Parses region JSON given as text.</summary>
    public static RegionLoadResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Parses region JSON given as UTF-8 bytes (as read from the file).</summary>
    public static RegionLoadResult Parse(ReadOnlyMemory<byte> utf8Json)
    {
        var errors = new List<ValidationError>();
        using JsonDocument? doc = JsonInput.TryParse(utf8Json, errors);
        if (doc == null)
        {
            return RegionLoadResult.Failure(errors);
        }

        JsonObjectReader? root = JsonObjectReader.Open(doc.RootElement, JsonPath.Root, errors);
        if (root == null)
        {
            return RegionLoadResult.Failure(errors);
        }

        root.Integer("v", FormatVersion, FormatVersion, "must be 1 (the region file format version)");
        bool sample = root.Boolean("sample") ?? false;
        string? note = root.Has("note") ? root.String("note", 2000) : null;
        JsonObjectReader? d = root.Object("district");
        District? district = d == null ? null : ReadDistrict(d, errors);
        root.ReportUnknownMembers();
        if (district == null)
        {
            return RegionLoadResult.Failure(errors);
        }

        // Semantic rules run on what could be read; a path already reported (or inside one) keeps
        // its first message, so one mistake is not reported twice.
        var reported = errors.Select(e => e.Path).ToList();
        foreach (ValidationError e in RegionValidator.Validate(district))
        {
            if (!reported.Exists(r => IsWithin(e.Path, r)))
            {
                errors.Add(e);
            }
        }

        return errors.Count == 0 ? RegionMap.Create(district, sample, note) : RegionLoadResult.Failure(errors);
    }

    private static bool IsWithin(string path, string reported) =>
        path.StartsWith(reported, StringComparison.Ordinal)
        && (path.Length == reported.Length || path[reported.Length] is '.' or '[');

    private static District ReadDistrict(JsonObjectReader d, List<ValidationError> errors)
    {
        string id = d.String("id", Identifier.MaxLength) ?? string.Empty;
        string name = d.String("name", RegionValidator.MaxNameChars) ?? string.Empty;
        var streets = new List<Street>();
        if (d.Array("streets", nonEmpty: true) is JsonElement array)
        {
            int i = 0;
            foreach (JsonElement e in array.EnumerateArray())
            {
                JsonObjectReader? s = JsonObjectReader.Open(e, JsonPath.Element(d.PathOf("streets"), i++), errors);
                streets.Add(s == null ? new Street(string.Empty, string.Empty, []) : ReadStreet(s, errors));
            }
        }

        d.ReportUnknownMembers();
        return new District(id, name, streets);
    }

    private static Street ReadStreet(JsonObjectReader s, List<ValidationError> errors)
    {
        string id = s.String("id", Identifier.MaxLength) ?? string.Empty;
        string name = s.String("name", RegionValidator.MaxNameChars) ?? string.Empty;
        var communities = new List<Community>();
        if (s.Array("communities", nonEmpty: true) is JsonElement array)
        {
            int i = 0;
            foreach (JsonElement e in array.EnumerateArray())
            {
                JsonObjectReader? c = JsonObjectReader.Open(e, JsonPath.Element(s.PathOf("communities"), i++), errors);
                communities.Add(c == null ? new Community(string.Empty, string.Empty, 0) : ReadCommunity(c));
            }
        }

        s.ReportUnknownMembers();
        return new Street(id, name, communities);
    }

    private static Community ReadCommunity(JsonObjectReader c)
    {
        string id = c.String("id", Identifier.MaxLength) ?? string.Empty;
        string name = c.String("name", RegionValidator.MaxNameChars) ?? string.Empty;
        long population = c.Integer("population", 1, RegionValidator.MaxPopulation, RegionValidator.PopulationRule) ?? 0;
        c.ReportUnknownMembers();
        return new Community(id, name, (int)population);
    }
}
