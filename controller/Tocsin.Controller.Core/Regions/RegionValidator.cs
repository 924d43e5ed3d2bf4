using Tocsin.Controller.Validation;

namespace Tocsin.Controller.Regions;

/// <summary>
/// The rules a district must satisfy, whether it came from a file or was built in code: valid and
/// unique ids (one namespace for district, streets and communities, since ids appear alone in topics,
/// logs and the API), non-empty names, at least one street and one community per street, positive
/// populations. Paths are those of the region file.
/// </summary>
internal static class RegionValidator
{
    public const int MaxNameChars = 100;
    public const int MaxPopulation = 10_000_000;
    public const string PopulationRule = "must be a positive integer";

    public static List<ValidationError> Validate(District district)
    {
        var errors = new List<ValidationError>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        string d = JsonPath.Member(JsonPath.Root, "district");
        CheckNamed(district.Id, district.Name, d, seen, errors);
        if (district.Streets.Count == 0)
        {
            errors.Add(new ValidationError(JsonPath.Member(d, "streets"), "must be a non-empty array"));
        }

        for (int s = 0; s < district.Streets.Count; s++)
        {
            Street street = district.Streets[s];
            string sp = JsonPath.Element(JsonPath.Member(d, "streets"), s);
            CheckNamed(street.Id, street.Name, sp, seen, errors);
            if (street.Communities.Count == 0)
            {
                errors.Add(new ValidationError(JsonPath.Member(sp, "communities"), "must be a non-empty array"));
            }

            for (int c = 0; c < street.Communities.Count; c++)
            {
                Community community = street.Communities[c];
                string cp = JsonPath.Element(JsonPath.Member(sp, "communities"), c);
                CheckNamed(community.Id, community.Name, cp, seen, errors);
                if (community.Population <= 0 || community.Population > MaxPopulation)
                {
                    errors.Add(new ValidationError(JsonPath.Member(cp, "population"), PopulationRule));
                }
            }
        }

        return errors;
    }

    private static void CheckNamed(string id, string name, string path, Dictionary<string, string> seen, List<ValidationError> errors)
    {
        string idPath = JsonPath.Member(path, "id");
        if (!Identifier.IsValid(id))
        {
            errors.Add(new ValidationError(idPath, Identifier.Rule));
        }
        else if (seen.TryGetValue(id, out string? first))
        {
            errors.Add(new ValidationError(idPath, "duplicate id \"" + id + "\" (first used at " + first + ")"));
        }
        else
        {
            seen.Add(id, idPath);
        }

        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameChars)
        {
            errors.Add(new ValidationError(JsonPath.Member(path, "name"), "must be a non-empty string of at most 100 characters"));
        }
    }
}
