using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using Xunit;

namespace OrganoidBiomarkers.Tests.Data;

/// <summary>gseapy 0.9 ssGSEA output tables: hand-written fixtures in Fixtures/gseapy, and the authors' own file on the mirror.</summary>
public class GseapyScoresTests
{
    [Fact]
    public void Reads_sets_and_samples_in_file_order_after_the_comment_lines()
    {
        var s = GseapyScores.Read(TestPaths.Fixture("gseapy", "normalized.txt"));
        Assert.Equal(new[] { "SET_B", "SET_A" }, s.Pathways);
        Assert.Equal(new[] { "S1", "S2", "S3" }, s.Samples);
        Assert.Equal(0.001, s.Values[0, 2]);
        Assert.Equal(-1.5, s.Values[1, 0]);
        Assert.Equal(2.0, s.Values[s.PathwayIndex("SET_A"), s.SampleIndex("S2")]);

        var raw = GseapyScores.Read(TestPaths.Fixture("gseapy", "raw_no_comments.txt"));
        Assert.Equal(-2.5, raw.Values[0, 1]);
    }

    [Theory]
    [InlineData("wrong_header.txt", 0, "not 'Term|NES'")]
    [InlineData("short_row.txt", 3, "2 field(s) where the header has 3")]
    [InlineData("not_a_number.txt", 2, "not a finite number")]
    [InlineData("duplicated_set.txt", 3, "already on line 2")]
    [InlineData("duplicated_sample.txt", 0, "appears twice")]
    [InlineData("no_rows.txt", 0, "no gene-set rows")]
    [InlineData("does_not_exist.txt", 0, "does not exist")]
    public void Malformed_tables_fail_with_file_line_and_reason(string file, int line, string reason)
    {
        var e = Assert.Throws<InputException>(() => GseapyScores.Read(TestPaths.Fixture("gseapy", file)));
        Assert.Equal(line, e.Line);
        Assert.Contains(reason, e.Problem);
    }

    [MirrorFact]
    public void Reads_the_authors_organoid_nes()
    {
        var s = GseapyScores.Read(DataMirror.File("reference/authors_gseapy_organoid_crc/gseapy.samples.normalized.es.txt"));
        Assert.Equal(612, s.Pathways.Count);
        Assert.Equal(22, s.Samples.Count);
        Assert.Equal("P10", s.Samples[0]);
        Assert.Equal("REACTOME_3_UTR_MEDIATED_TRANSLATIONAL_REGULATION", s.Pathways[0]);
        Assert.Equal(0.2621685427507199, s.Values[0, 0]);
        Assert.Equal(0.2392657069015798, s.Values[0, 1]);
        // gseapy writes the sets sorted by name (ordinal): the authors' features came from this order.
        Assert.Equal(s.Pathways.Order(StringComparer.Ordinal), s.Pathways);
    }
}
