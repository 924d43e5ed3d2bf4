using Tocsin.Controller.Regions;
using Tocsin.Controller.Tests.Support;
using Xunit;

namespace Tocsin.Controller.Tests.Regions;

public sealed class RegionFileParserTests
{
    private const string Valid = """
        {
          "v": 1,
          // operators may comment their files
          "district": { "id": "d", "name": "District", "streets": [
            { "id": "s1", "name": "One", "communities": [ { "id": "s1-01", "name": "A", "population": 1200 }, { "id": "s1-02", "name": "B", "population": 800 } ] },
            { "id": "s2", "name": "Two", "communities": [ { "id": "s2-01", "name": "C", "population": 3000 } ] }
          ] }
        }
        """;

    [Fact]
    public void A_valid_file_loads_with_its_streets_and_communities()
    {
        RegionLoadResult r = RegionFileParser.Parse(Valid);
        Assert.True(r.Succeeded, string.Join("\n", r.Errors));
        Assert.Equal(2, r.Map.Streets.Count);
        Assert.Equal(3, r.Map.Communities.Count);
        Assert.False(r.Map.IsSample);
        Assert.Equal(5000, r.Map.Population);
    }

    [Fact]
    public void A_bad_population_is_reported_with_its_json_path_and_nothing_is_loaded()
    {
        RegionLoadResult r = RegionFileParser.Parse(Valid.Replace("\"population\": 3000", "\"population\": -5"));
        Assert.False(r.Succeeded);
        Assert.Null(r.Map);
        ValidationAssert.Single(r.Errors, "$.district.streets[1].communities[0].population", "must be a positive integer");
    }

    [Theory]
    [InlineData("\"population\": 12.5")]
    [InlineData("\"population\": \"1200\"")]
    [InlineData("\"population\": 0")]
    public void Populations_that_are_not_positive_integers_are_refused(string population)
    {
        RegionLoadResult r = RegionFileParser.Parse(Valid.Replace("\"population\": 1200", population));
        ValidationAssert.Single(r.Errors, "$.district.streets[0].communities[0].population", "must be a positive integer");
    }

    [Fact]
    public void Every_problem_in_the_file_is_reported_at_once()
    {
        string json = Valid
            .Replace("\"id\": \"s1-02\"", "\"id\": \"S1_02\"")
            .Replace("\"id\": \"s2-01\"", "\"id\": \"s1-01\"")
            .Replace("\"population\": 800", "\"populaton\": 800")
            .Replace("\"name\": \"Two\"", "\"name\": \"\"");
        RegionLoadResult r = RegionFileParser.Parse(json);
        Assert.False(r.Succeeded);
        var paths = r.Errors.Select(e => e.Path).ToList();
        Assert.Contains("$.district.streets[0].communities[1].id", paths);
        Assert.Contains("$.district.streets[0].communities[1].population", paths);
        Assert.Contains("$.district.streets[0].communities[1].populaton", paths);
        Assert.Contains("$.district.streets[1].name", paths);
        Assert.Contains(r.Errors, e => e.Path == "$.district.streets[1].communities[0].id" && e.Message.Contains("duplicate id \"s1-01\"", StringComparison.Ordinal)
            && e.Message.Contains("$.district.streets[0].communities[0].id", StringComparison.Ordinal));
    }

    [Fact]
    public void Ids_are_unique_across_streets_and_communities_alike()
    {
        RegionLoadResult r = RegionFileParser.Parse(Valid.Replace("\"id\": \"s2-01\"", "\"id\": \"s1\""));
        ValidationAssert.Single(r.Errors, "$.district.streets[1].communities[0].id", "duplicate id \"s1\"");
    }

    [Theory]
    [InlineData("-lead")]
    [InlineData("trail-")]
    [InlineData("has space")]
    [InlineData("UPPER")]
    [InlineData("with/slash")]
    [InlineData("plus+sign")]
    public void Ids_that_could_not_go_into_an_mqtt_topic_are_refused(string id)
    {
        RegionLoadResult r = RegionFileParser.Parse(Valid.Replace("\"id\": \"s2-01\"", "\"id\": \"" + id + "\""));
        ValidationAssert.Single(r.Errors, "$.district.streets[1].communities[0].id", "a-z, 0-9 and '-'");
    }

    [Fact]
    public void An_id_longer_than_the_firmware_community_setting_is_refused()
    {
        RegionLoadResult r = RegionFileParser.Parse(Valid.Replace("\"id\": \"s2-01\"", "\"id\": \"" + new string('a', 49) + "\""));
        Assert.Contains(r.Errors, e => e.Path == "$.district.streets[1].communities[0].id");
    }

    [Fact]
    public void Missing_members_and_empty_lists_are_named()
    {
        string json = """{ "v": 1, "district": { "id": "d", "name": "D", "streets": [ { "id": "s", "name": "S", "communities": [] }, { "name": "T", "communities": [ { "id": "x", "name": "X" } ] } ] } }""";
        RegionLoadResult r = RegionFileParser.Parse(json);
        var paths = r.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains("$.district.streets[0].communities: must be a non-empty array", paths);
        Assert.Contains("$.district.streets[1].id: is required", paths);
        Assert.Contains("$.district.streets[1].communities[0].population: is required", paths);
        Assert.Equal(3, r.Errors.Count);
    }

    [Fact]
    public void A_street_that_is_not_an_object_is_reported_once()
    {
        string json = """{ "v": 1, "district": { "id": "d", "name": "D", "streets": [ 42, { "id": "s", "name": "S", "communities": [ { "id": "x", "name": "X", "population": 5 } ] } ] } }""";
        RegionLoadResult r = RegionFileParser.Parse(json);
        ValidationAssert.Single(r.Errors, "$.district.streets[0]", "must be an object");
    }

    [Fact]
    public void Invalid_json_is_an_error_at_the_root_naming_the_line()
    {
        RegionLoadResult r = RegionFileParser.Parse("{\n  \"v\": 1,\n  \"district\": {,\n}");
        ValidationError_at_root(r);
        Assert.Contains("line 3", r.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_member_names_are_refused_rather_than_one_silently_winning()
    {
        RegionLoadResult r = RegionFileParser.Parse("""{ "v": 1, "v": 1, "district": {} }""");
        ValidationError_at_root(r);
    }

    [Fact]
    public void The_format_version_must_be_1()
    {
        RegionLoadResult r = RegionFileParser.Parse(Valid.Replace("\"v\": 1", "\"v\": 2"));
        ValidationAssert.Single(r.Errors, "$.v", "must be 1");
    }

    [Fact]
    public void A_root_that_is_not_an_object_is_refused()
    {
        RegionLoadResult r = RegionFileParser.Parse("[1,2]");
        ValidationAssert.Single(r.Errors, "$", "must be an object");
    }

    [Fact]
    public void Sample_flag_and_note_are_carried_to_the_map()
    {
        RegionLoadResult r = RegionFileParser.Parse(Valid.Replace("\"v\": 1,", "\"v\": 1, \"sample\": true, \"note\": \"made up\","));
        Assert.True(r.Succeeded);
        Assert.True(r.Map.IsSample);
        Assert.Equal("made up", r.Map.Note);
    }

    private static void ValidationError_at_root(RegionLoadResult r)
    {
        Assert.False(r.Succeeded);
        Assert.Single(r.Errors);
        Assert.Equal("$", r.Errors[0].Path);
        Assert.StartsWith("not valid JSON", r.Errors[0].Message, StringComparison.Ordinal);
    }
}
