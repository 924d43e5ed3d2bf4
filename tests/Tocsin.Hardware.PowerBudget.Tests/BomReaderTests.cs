using Tocsin.Hardware.PowerBudget.Input;
using Xunit;

namespace Tocsin.Hardware.PowerBudget.Tests;

public sealed class BomReaderTests
{
    [Fact]
    public void A_valid_bom_reads_every_column()
    {
        var lines = BomReader.Parse(TinyNode.Bom, "bom.csv");

        Assert.Equal(4, lines.Count);
        var a = lines[0];
        Assert.Equal(("load", "A", "direct load, two of them", 2), (a.PartClass, a.Designator, a.Description, a.Qty));
        Assert.Equal((10.0, 50.0, 1.0, 10.0), (a.IdleMa, a.ActiveMa, a.SleepMa, a.SupplyV));
        Assert.True(lines[2].IsPassive);
        Assert.Null(lines[2].SupplyV);
    }

    [Fact]
    public void A_missing_column_is_reported_on_the_header()
    {
        string header = TinyNode.Header.Replace(",sleep_ma", "", StringComparison.Ordinal);

        var e = Assert.Throws<InputException>(() => BomReader.Parse(header + "\n", "bom.csv"));

        Assert.Equal("bom.csv:1:1: missing column \"sleep_ma\" in the header", e.Message);
    }

    [Fact]
    public void An_unknown_column_is_reported_where_it_stands()
    {
        var e = Assert.Throws<InputException>(() => BomReader.Parse(TinyNode.Header + ",price\n", "bom.csv"));

        Assert.Equal((1, TinyNode.Header.Length + 2), (e.Line, e.Column));
        Assert.Contains("unknown column \"price\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_number_names_file_line_column_and_column_name()
    {
        string text = TinyNode.Header + "\nload,A,x,1,,,ten,50,1,10,\n";

        var e = Assert.Throws<InputException>(() => BomReader.Parse(text, "hardware/x/bom.csv"));

        Assert.Equal("hardware/x/bom.csv:2:14: idle_ma: \"ten\" is not a number (use a decimal point, no units)", e.Message);
    }

    [Fact]
    public void A_comma_that_should_have_been_quoted_is_caught_by_the_field_count()
    {
        string text = TinyNode.Header + "\nload,A,relay, 12 V,1,,,0,30,,12,\n";

        var e = Assert.Throws<InputException>(() => BomReader.Parse(text, "bom.csv"));

        Assert.Equal(2, e.Line);
        Assert.Contains("expected 11 fields, found 12", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("load,A,x,-1,,,1,1,1,5,", "qty: \"-1\" is not a whole number")]
    [InlineData("load,A,x,1.5,,,1,1,1,5,", "qty: \"1.5\" is not a whole number")]
    [InlineData("load,A,x,1,,,-3,1,1,5,", "idle_ma: a current cannot be negative")]
    [InlineData("load,A,x,1,,,1,1,1,0,", "supply_v: a supply voltage must be above 0")]
    [InlineData("load,A,x,1,,,1,1,1,,", "supply_v: required for a part that draws current")]
    [InlineData("load,,x,1,,,1,1,1,5,", "designator: must not be empty")]
    public void Bad_cells_are_rejected(string line, string message)
    {
        var e = Assert.Throws<InputException>(() => BomReader.Parse(TinyNode.Header + "\n" + line + "\n", "bom.csv"));

        Assert.Equal(2, e.Line);
        Assert.StartsWith(message, e.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_designator_points_at_the_first_use()
    {
        string text = TinyNode.Header + "\nload,A,x,1,,,1,1,1,5,\nload,A,y,1,,,1,1,1,5,\n";

        var e = Assert.Throws<InputException>(() => BomReader.Parse(text, "bom.csv"));

        Assert.Equal("bom.csv:3:6: designator: \"A\" is already used on line 2", e.Message);
    }
}
