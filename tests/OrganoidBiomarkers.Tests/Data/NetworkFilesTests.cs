using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using Xunit;

namespace OrganoidBiomarkers.Tests.Data;

public class NetworkFilesTests
{
    private static string Fixture(string name) => TestPaths.Fixture("network", name);

    [Fact]
    public void Edge_table_returns_edges_as_written()
    {
        var edges = NetworkFiles.ReadEdgeTable(Fixture("edges_ok.tsv"));
        // Duplicates and self-loops are the interactome's business (it counts them); the blank line is skipped.
        Assert.Equal(new[] { ("A", "B"), ("B", "C"), ("C", "A"), ("A", "B"), ("D", "D") }, edges);
    }

    [Fact]
    public void Edge_table_columns_are_found_by_name_and_CRLF_is_accepted()
    {
        Assert.Equal(new[] { ("A", "B"), ("B", "C") }, NetworkFiles.ReadEdgeTable(Fixture("edges_reordered_crlf.tsv")));
    }

    [Theory]
    [InlineData("edges_no_gene_b.tsv", 1, "lacks the column gene_b")]
    [InlineData("edges_wrong_fields.tsv", 3, "2 tab-separated fields where the header has 3")]
    [InlineData("edges_empty_name.tsv", 3, "an empty node name")]
    [InlineData("edges_bad_weight.tsv", 3, "weight 'C' is not a finite number")]
    [InlineData("edges_empty.tsv", 0, "the file is empty")]
    [InlineData("edges_header_only.tsv", 0, "no edge")]
    [InlineData("edges_truncated.tsv", 4, "2 tab-separated fields")]
    [InlineData("does_not_exist.tsv", 0, "does not exist")]
    public void Malformed_edge_tables_name_file_line_and_problem(string file, int line, string problem)
    {
        var e = Assert.Throws<InputException>(() => NetworkFiles.ReadEdgeTable(Fixture(file)));
        Assert.Equal(line, e.Line);
        Assert.EndsWith(file, e.File);
        Assert.Contains(problem, e.Problem);
        Assert.False(string.IsNullOrWhiteSpace(e.Fix));
    }

    [Fact]
    public void Sif_takes_first_and_third_fields_split_on_any_whitespace()
    {
        var edges = NetworkFiles.ReadSif(Fixture("net_ok.sif"));
        Assert.Equal(new[] { ("1", "310"), ("1", "1026"), ("2", "3"), ("4", "4") }, edges);
    }

    [Theory]
    [InlineData("net_two_fields.sif", 3, "2 whitespace-separated fields")]
    [InlineData("net_four_fields.sif", 2, "4 whitespace-separated fields")]
    [InlineData("net_empty.sif", 0, "the file is empty")]
    [InlineData("net_blank.sif", 0, "the file is empty")]
    [InlineData("nothing.sif", 0, "does not exist")]
    public void Malformed_sif_names_file_line_and_problem(string file, int line, string problem)
    {
        var e = Assert.Throws<InputException>(() => NetworkFiles.ReadSif(Fixture(file)));
        Assert.Equal(line, e.Line);
        Assert.Contains(problem, e.Problem);
    }
}
