using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using Xunit;

namespace OrganoidBiomarkers.Tests.Data;

public class DelimitedFileTests
{
    [Fact]
    public void Empty_file_is_refused()
    {
        var e = Assert.Throws<InputException>(() => DelimitedFile.Read(TestPaths.Fixture("data", "empty.tsv"), '\t'));
        Assert.Contains("the file is empty", e.Message);
    }

    [Fact]
    public void Blank_line_inside_data_is_refused_with_its_line()
    {
        var e = Assert.Throws<InputException>(() => DelimitedFile.Read(TestPaths.Fixture("data", "blank_inside.tsv"), '\t'));
        Assert.Equal(3, e.Line);
    }

    [Fact]
    public void Missing_file_is_an_input_error()
    {
        var e = Assert.Throws<InputException>(() => DelimitedFile.Read(TestPaths.Fixture("data", "no-such-file.tsv"), '\t'));
        Assert.Contains("does not exist", e.Message);
    }

    [Fact]
    public void Quoted_csv_keeps_commas_doubled_quotes_and_newlines()
    {
        var t = DelimitedFile.Parse(new StringReader("a,b,c\n1,\"x, \"\"y\"\"\",3\n2,\"two\nlines\",4\n"), "mem.csv", ',', new DelimitedOptions { Quoted = true });
        Assert.Equal("x, \"y\"", t.Rows[0][1]);
        Assert.Equal("two\nlines", t.Rows[1][1]);
        Assert.Equal(3, t.Rows[1].Line);
    }

    [Fact]
    public void Unclosed_quote_is_reported_at_its_start_line()
    {
        var e = Assert.Throws<InputException>(() => DelimitedFile.Parse(new StringReader("a,b\n1,\"open\n2,3\n"), "mem.csv", ',', new DelimitedOptions { Quoted = true }));
        Assert.Equal(2, e.Line);
        Assert.Contains("not closed", e.Message);
    }

    [Fact]
    public void Comment_lines_before_the_header_are_skipped()
    {
        var t = DelimitedFile.Parse(new StringReader("# one\n# two\nx\ty\n1\t2\n"), "mem.tsv", '\t', new DelimitedOptions { CommentPrefix = "#" });
        Assert.Equal(new[] { "x", "y" }, t.Header);
        Assert.Single(t.Rows);
    }
}
