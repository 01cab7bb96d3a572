using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Models;
using Xunit;
using Xunit.Abstractions;

namespace OrganoidBiomarkers.Tests.Models;

public class SsgseaGeneSetsTests(ITestOutputHelper output)
{
    // Measured: G1..G6. Set A's first listed gene (X9) is not measured: the authors lose G2, a standard reading loses X9.
    private static ExpressionMatrix Expression() =>
        new(["G1", "G2", "G3", "G4", "G5", "G6"], ["S1", "S2"], new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 }, { 7, 8 }, { 9, 10 }, { 11, 12 } });

    private static readonly GeneSet[] Sets =
    [
        new("A", null, ["X9", "G2", "G3", "G5"]),
        new("B", null, ["G1", "X1"]),      // one measured gene: emptied by the loss
        new("C", null, ["X2", "X3"]),      // nothing measured
        new("D", null, ["G6", "G4", "G1"]),
    ];

    [Fact]
    public void Authors_convention_restricts_to_measured_genes_then_loses_the_first()
    {
        var log = new CountLog();
        var sets = SsgseaGeneSets.Prepare(Sets, Expression(), GeneSetConvention.Authors, log);
        Assert.Equal(new[] { "A", "D" }, sets.Select(s => s.Name));
        Assert.Equal(new[] { "G3", "G5" }, sets[0].Genes);
        Assert.Equal("G2", sets[0].Description); // the lost gene, as gseapy's "description"
        Assert.Equal(new[] { "G4", "G1" }, sets[1].Genes);
        Assert.Contains(log.Entries, e => e is { Step: "gene sets (authors): with a measured gene", Before: 4, After: 3 });
        Assert.Contains(log.Entries, e => e is { Step: "gene sets (authors): after gseapy 0.9's first-gene loss", Before: 3, After: 2 });
    }

    [Fact]
    public void Corrected_convention_keeps_every_gene()
    {
        Assert.Same(Sets, SsgseaGeneSets.Prepare(Sets, Expression(), GeneSetConvention.Corrected));
    }

    [Fact]
    public void Conventions_parse_from_the_run_parameter_and_bad_input_fails()
    {
        Assert.Equal(GeneSetConvention.Authors, SsgseaGeneSets.ParseConvention(" Authors "));
        Assert.Equal(GeneSetConvention.Corrected, SsgseaGeneSets.ParseConvention("corrected"));
        Assert.Throws<ArgumentException>(() => SsgseaGeneSets.ParseConvention("standard"));
        Assert.Throws<ArgumentException>(() => SsgseaGeneSets.Prepare([], Expression(), GeneSetConvention.Authors));
        Assert.Contains("gene symbols", Assert.Throws<ArgumentException>(() =>
            SsgseaGeneSets.Prepare([new GeneSet("Z", null, ["1001", "1002"])], Expression(), GeneSetConvention.Authors)).Message);
    }

    // The authors' organoid gseapy input (their restricted GMT, mirror reference/authors_gseapy_organoid_crc) against the
    // 'authors' convention applied to the original Reactome file and the GEO expression file. They differ only where the
    // mirror's Reactome file (the authors' TCGA-filtered copy) lacks a gene their organoid input still had.
    [MirrorFact]
    public void Authors_convention_rebuilds_the_authors_gseapy_input_from_the_original_files()
    {
        var expression = ExpressionTables.Read(DataMirror.File("organoid_crc", "geneID_expression_median.txt"), ExpressionTableLayout.OrganoidGeo, CountLog.Silent);
        var reactome = GmtReader.Read(DataMirror.File("pathways", "reactome_msigdb_v6.1.gmt"), GmtLayout.NoDescription);
        var theirs = GmtReader.Read(DataMirror.File("reference", "authors_gseapy_organoid_crc", "gseapy_input_reactome.gmt"), GmtLayout.Standard)
            .ToDictionary(s => s.Name, s => s.Genes, StringComparer.Ordinal);
        var ours = SsgseaGeneSets.Prepare(reactome, expression, GeneSetConvention.Authors);

        Assert.Equal(theirs.Keys.Order(StringComparer.Ordinal), ours.Select(s => s.Name).Order(StringComparer.Ordinal));
        var differing = ours.Where(s => !theirs[s.Name].SequenceEqual(s.Genes)).ToList();
        output.WriteLine($"{ours.Count} sets; {differing.Count} differ: {string.Join(", ", differing.Select(s => s.Name))}");
        var extra = differing.SelectMany(s => theirs[s.Name].Except(s.Genes)).Distinct().Order(StringComparer.Ordinal).ToList();
        output.WriteLine("genes only in the authors' sets: " + string.Join(", ", extra));
        // Every difference traces to genes the mirror's Reactome file does not have at all: before the loss, the authors'
        // restricted set = ours plus such genes (and where one of them came first, the loss then took a different gene).
        var inFile = reactome.SelectMany(s => s.Genes).ToHashSet(StringComparer.Ordinal);
        var theirRestricted = GmtReader.Read(DataMirror.File("reference", "authors_gseapy_organoid_crc", "gseapy_input_reactome.gmt"), GmtLayout.NoDescription)
            .ToDictionary(s => s.Name, s => s.Genes, StringComparer.Ordinal);
        foreach (var s in differing)
        {
            var ourRestricted = reactome.Single(r => r.Name == s.Name).Genes.Where(expression.HasGene).ToList();
            var onlyTheirs = theirRestricted[s.Name].Except(ourRestricted).ToList();
            Assert.NotEmpty(onlyTheirs);
            Assert.All(onlyTheirs, g => Assert.DoesNotContain(g, inFile));
            Assert.Empty(ourRestricted.Except(theirRestricted[s.Name]));
            Assert.Equal(ourRestricted, theirRestricted[s.Name].Where(g => !onlyTheirs.Contains(g)));
        }
        Assert.Equal(11, differing.Count);
        Assert.Equal(612, Ssgsea.Score(expression, ours, SsgseaOptions.Gseapy09).SetNames.Count);
    }
}
