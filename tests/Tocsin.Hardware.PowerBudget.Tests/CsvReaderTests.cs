using Tocsin.Hardware.PowerBudget.Input;
using Xunit;

namespace Tocsin.Hardware.PowerBudget.Tests;

public sealed class CsvReaderTests
{
    [Fact]
    public void Quoted_fields_keep_commas_doubled_quotes_and_line_breaks()
    {
        var records = CsvReader.Parse("a,\"b, c\",\"say \"\"hi\"\"\",\"two\nlines\"\n", "t.csv");

        Assert.Single(records);
        Assert.Equal(["a", "b, c", "say \"hi\"", "two\nlines"], records[0].Fields.Select(f => f.Value));
    }

    [Fact]
    public void Fields_know_their_line_and_column()
    {
        var records = CsvReader.Parse("x,yy\r\n\r\n1,\"2\"\n", "t.csv");

        Assert.Equal(2, records.Count);
        Assert.Equal(new SourcePosition("t.csv", 1, 3), records[0].Fields[1].Position);
        Assert.Equal(new SourcePosition("t.csv", 3, 1), records[1].Fields[0].Position);
        Assert.Equal(new SourcePosition("t.csv", 3, 3), records[1].Fields[1].Position);
    }

    [Fact]
    public void A_line_after_a_quoted_line_break_counts_lines_correctly()
    {
        var records = CsvReader.Parse("\"a\r\nb\",c\nd,e", "t.csv");

        Assert.Equal(3, records[1].Position.Line);
        Assert.Equal(new SourcePosition("t.csv", 2, 4), records[0].Fields[1].Position);
    }

    [Fact]
    public void Byte_order_mark_and_missing_final_line_break_are_accepted()
    {
        var records = CsvReader.Parse("\uFEFFa,b\nc,d", "t.csv");

        Assert.Equal("a", records[0].Fields[0].Value);
        Assert.Equal("d", records[1].Fields[1].Value);
    }

    [Fact]
    public void An_empty_quoted_field_is_a_record_not_a_blank_line()
    {
        Assert.Single(CsvReader.Parse("\"\"\n", "t.csv"));
    }

    [Fact]
    public void An_unclosed_quote_is_reported_where_it_opens()
    {
        var e = Assert.Throws<InputException>(() => CsvReader.Parse("a,b\nc,\"never closed\nmore", "bom.csv"));

        Assert.Equal(("bom.csv", 2, 3), (e.File, e.Line, e.Column));
        Assert.StartsWith("bom.csv:2:3: quoted field is never closed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quote_inside_an_unquoted_field_is_reported_at_the_quote()
    {
        var e = Assert.Throws<InputException>(() => CsvReader.Parse("a,b\n12\" horn,x\n", "bom.csv"));

        Assert.Equal((2, 3), (e.Line, e.Column));
        Assert.Contains("quote inside an unquoted field", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_after_a_closing_quote_is_reported_where_it_starts()
    {
        var e = Assert.Throws<InputException>(() => CsvReader.Parse("\"ab\"c,d\n", "bom.csv"));

        Assert.Equal((1, 5), (e.Line, e.Column));
    }
}
