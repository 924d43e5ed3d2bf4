using Tocsin.Hardware.PowerBudget.Input;
using Tocsin.Hardware.PowerBudget.Model;
using Xunit;

namespace Tocsin.Hardware.PowerBudget.Tests;

public sealed class ProfileReaderTests
{
    [Fact]
    public void Durations_in_any_unit_become_hours_per_day()
    {
        string text = TinyNode.Profile.Replace("\"hours_per_day\": 6", "\"seconds_per_hour\": 900", StringComparison.Ordinal)
            .Replace("\"minutes_per_day\": 0", "\"minutes_per_month\": 90", StringComparison.Ordinal);

        var profile = ProfileReader.Parse(text, "p.json");

        Assert.Equal(6, profile.States[1].HoursPerDay, 9);
        Assert.Equal(0.05, profile.States[2].HoursPerDay, 9);
        Assert.Equal(ModeKind.Blend, profile.States[1].Parts["B"].Kind);
        Assert.Equal(ModeKind.Sleep, profile.States[2].Default.Kind);
    }

    [Fact]
    public void A_syntax_error_names_line_and_column()
    {
        var e = Assert.Throws<InputException>(() => ProfileReader.Parse("{\n  \"title\": \"x\"\n  \"battery\": {}\n}", "p.json"));

        Assert.Equal(("p.json", 3, 3), (e.File, e.Line, e.Column));
        Assert.StartsWith("JSON syntax:", e.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_property_is_reported_at_its_value()
    {
        string text = TinyNode.Profile.Replace("\"standby_h\": 10,", "\"standby_h\": 10, \"stanby_days\": 3,", StringComparison.Ordinal);

        var e = Assert.Throws<InputException>(() => ProfileReader.Parse(text, "p.json"));

        Assert.Equal(4, e.Line);
        Assert.Equal(text.Split('\n')[3].IndexOf("3,", StringComparison.Ordinal) + 1, e.Column);
        Assert.Contains("$.battery: unknown property \"stanby_days\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_mode_is_reported_at_its_value()
    {
        string text = TinyNode.Profile.Replace("\"A\": \"active\"", "\"A\": \"on\"", StringComparison.Ordinal);

        var e = Assert.Throws<InputException>(() => ProfileReader.Parse(text, "p.json"));

        Assert.Equal(18, e.Line);
        Assert.Contains("$.states[1].parts.A: expected \"off\", \"idle\", \"active\", \"sleep\" or a number", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_of_range_values_are_refused()
    {
        string text = TinyNode.Profile.Replace("\"efficiency\": 0.8", "\"efficiency\": 85", StringComparison.Ordinal);

        var e = Assert.Throws<InputException>(() => ProfileReader.Parse(text, "p.json"));

        Assert.Contains("$.rails[1].efficiency: 85 is outside the allowed range 0.05..1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Exactly_one_state_takes_the_rest_of_the_day()
    {
        string text = TinyNode.Profile.Replace("\"hours_per_day\": 6", "\"rest_of_day\": true", StringComparison.Ordinal);

        var e = Assert.Throws<InputException>(() => ProfileReader.Parse(text, "p.json"));

        Assert.Equal(18, e.Line);
        Assert.Contains("exactly one state must have \"rest_of_day\": true (found 2)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Comments_and_trailing_commas_are_allowed()
    {
        string text = TinyNode.Profile.Replace("\"title\": \"tiny\",", "// a comment\n  \"title\": \"tiny\",", StringComparison.Ordinal)
            .Replace("\"standard_w\": [10, 20]", "\"standard_w\": [10, 20,],", StringComparison.Ordinal);

        Assert.Equal("tiny", ProfileReader.Parse(text, "p.json").Title);
    }
}
