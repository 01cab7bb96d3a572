using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using Xunit;

namespace OrganoidBiomarkers.Tests.Data;

public class ExpressionTablesTests
{
    private static string F(string name) => TestPaths.Fixture("data", name);

    [Fact]
    public void Reads_genes_in_rows_and_upper_cases_organoid_ids()
    {
        var m = ExpressionTables.Read(F("expression_ok.tsv"), ExpressionTableLayout.OrganoidGeo, CountLog.Silent);
        Assert.Equal(new[] { "TP53", "KRAS", "TYMS" }, m.Genes);
        Assert.Equal(new[] { "P1", "P2A", "P3" }, m.Samples);
        Assert.Equal(9.0, m["TP53", "P2A"]);
        Assert.Equal(7.0, m["TYMS", "P3"]);
    }

    [Fact]
    public void Duplicated_gene_fails_by_default_naming_both_lines()
    {
        var e = Assert.Throws<InputException>(() => ExpressionTables.Read(F("expression_dup.tsv"), ExpressionTableLayout.OrganoidGeo, CountLog.Silent));
        Assert.Equal(4, e.Line);
        Assert.Contains("'TP53' is duplicated (lines 2 and 4", e.Message);
        Assert.Contains("expression_dup.tsv:4", e.Message);
    }

    // TP53 rows: P1 = 1, 3, 8 and P2 = 3, 5, 4.
    [Theory]
    [InlineData(DuplicatePolicy.Mean, 4.0, 4.0)]
    [InlineData(DuplicatePolicy.Median, 3.0, 4.0)]
    [InlineData(DuplicatePolicy.First, 1.0, 3.0)]
    public void Duplicate_policies_merge_as_stated(DuplicatePolicy policy, double p1, double p2)
    {
        var log = new CountLog();
        var m = ExpressionTables.Read(F("expression_dup.tsv"), ExpressionTableLayout.OrganoidGeo with { DuplicateGenes = policy }, log);
        Assert.Equal(new[] { "TP53", "KRAS" }, m.Genes);
        Assert.Equal(p1, m["TP53", "P1"]);
        Assert.Equal(p2, m["TP53", "P2"]);
        var entry = Assert.Single(log.Entries);
        Assert.Equal((2, 2), (entry.Before, entry.After));
        Assert.Contains("1 gene ID(s) on more than one line (TP53)", entry.Rule);
    }

    [Fact]
    public void Drop_policy_removes_every_copy_and_counts_it()
    {
        var log = new CountLog();
        var m = ExpressionTables.Read(F("expression_dup.tsv"), ExpressionTableLayout.OrganoidGeo with { DuplicateGenes = DuplicatePolicy.Drop }, log);
        Assert.Equal(new[] { "KRAS" }, m.Genes);
        Assert.Equal(1, log.Entries[0].Removed);
    }

    [Fact]
    public void NaN_is_rejected_with_line_and_column()
    {
        var e = Assert.Throws<InputException>(() => ExpressionTables.Read(F("expression_nan.tsv"), ExpressionTableLayout.OrganoidGeo, CountLog.Silent));
        Assert.Equal(3, e.Line);
        Assert.Contains("'NaN' in column 'P1' for 'KRAS'", e.Message);
    }

    [Fact]
    public void Truncated_last_line_is_reported_as_such()
    {
        var e = Assert.Throws<InputException>(() => ExpressionTables.Read(F("expression_truncated.tsv"), ExpressionTableLayout.OrganoidGeo, CountLog.Silent));
        Assert.Equal(3, e.Line);
        Assert.Contains("is the file truncated?", e.Message);
    }

    [Fact]
    public void Linear_values_in_a_log2_file_are_caught()
    {
        var e = Assert.Throws<InputException>(() => ExpressionTables.Read(F("expression_notlog.tsv"), ExpressionTableLayout.OrganoidGeo, CountLog.Silent));
        Assert.Contains("too large for log2", e.Message);
    }

    [Fact]
    public void Missing_column_names_the_file_and_what_it_has()
    {
        var e = Assert.Throws<InputException>(() => ExpressionTables.Read(F("expression_missing_column.tsv"), ExpressionTableLayout.OrganoidGeo, CountLog.Silent));
        Assert.Contains("expression_missing_column.tsv:1: missing column(s) 'uniprotID'", e.Message);
    }

    [Fact]
    public void Xena_csv_has_samples_in_rows_and_drops_ambiguous_patients()
    {
        var log = new CountLog();
        var m = ExpressionTables.Read(F("xena.csv"), ExpressionTableLayout.XenaCsv, log);
        Assert.Equal(new[] { "TP53", "KRAS" }, m.Genes);
        Assert.Equal(new[] { "TCGA-AA-0002", "TCGA-AA-0003" }, m.Samples);
        Assert.Equal(-1.0, m["TP53", "TCGA-AA-0003"]);
        Assert.Equal((3, 2), (log.Entries[0].Before, log.Entries[0].After));
    }

    [Fact]
    public void RnaseqDb_gz_is_decompressed_and_the_entrez_column_skipped()
    {
        var m = ExpressionTables.Read(F("rnaseqdb.txt.gz"), ExpressionTableLayout.RnaseqDb, CountLog.Silent);
        Assert.Equal(new[] { "TP53", "KRAS" }, m.Genes);
        Assert.Equal(2, m.SampleCount);
        Assert.Equal(3.25, m["KRAS", "TCGA-AG-0002-01A-11R-1736-07"]);
    }

    [Fact]
    public void Truncated_gzip_is_an_input_error()
    {
        var e = Assert.Throws<InputException>(() => ExpressionTables.Read(F("rnaseqdb_truncated.txt.gz"), ExpressionTableLayout.RnaseqDb, CountLog.Silent));
        Assert.Contains("rnaseqdb_truncated.txt.gz", e.Message);
    }
}
