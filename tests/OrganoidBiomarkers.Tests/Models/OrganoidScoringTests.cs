using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Models;
using OrganoidBiomarkers.Study;
using OrganoidBiomarkers.Tests.Study;
using Xunit;

namespace OrganoidBiomarkers.Tests.Models;

/// <summary>
/// Stage 04's scoring step on the fixture organoids (8 genes) and five hand-made sets: S_TYMS_TOP1 (3 measured),
/// S_G (4), S_ONE_MEASURED (1 measured of 2), S_NONE (none measured), S_FIRST_UNMEASURED (X3 unmeasured, then 2, of
/// which the 'authors' loss keeps 1: too few for ssGSEA's minimum of 2).
/// </summary>
public class OrganoidScoringTests
{
    private static ExpressionMatrix Expression() =>
        StudyInputs.OrganoidExpression(StudyFixture.TwoArms().TrainingCollection(), StudyFixture.PathOf, CountLog.Silent);

    private static OrganoidScoring Score(GeneSetConvention convention, CountLog log)
    {
        var path = TestPaths.Fixture("study", "organoid_sets.gmt");
        return OrganoidScoring.Score(Expression(), GmtReader.Read(path, GmtLayout.NoDescription), GmtReader.Read(path, GmtLayout.Standard), convention, log);
    }

    [Fact]
    public void Both_conventions_are_scored_and_only_the_runs_convention_is_logged()
    {
        var log = new CountLog();
        var s = Score(GeneSetConvention.Authors, log);
        Assert.Equal((5, 4), (s.SetsRead, s.SetsWithMeasuredGene));
        // Authors: restricted to measured genes (S_NONE dropped), then the first measured gene lost: S_ONE_MEASURED is left empty.
        Assert.Equal(["S_TYMS_TOP1", "S_G", "S_FIRST_UNMEASURED"], s.AuthorsSets.Select(x => x.Name));
        Assert.Equal(["TOP1", "A2M"], s.AuthorsSets[0].Genes);
        // Corrected keeps every gene: S_ONE_MEASURED has one measured gene, below ssGSEA's minimum of 2.
        Assert.Equal(["S_TYMS_TOP1", "S_G", "S_FIRST_UNMEASURED"], s.Corrected.SetNames);
        Assert.Equal("authors", s.GmtName);
        Assert.Same(s.Authors, s.Used);
        Assert.Contains(log.Entries, e => e.Step == "gene sets (authors): with a measured gene");
        Assert.DoesNotContain(log.Entries, e => e.Step.Contains("corrected", StringComparison.Ordinal));

        Assert.Equal(GeneSetConvention.Authors, OrganoidScoring.ConventionParameter(null));
        Assert.Equal(GeneSetConvention.Corrected, OrganoidScoring.ConventionParameter("corrected"));
        Assert.Throws<ArgumentException>(() => OrganoidScoring.ConventionParameter("standard"));
        var corrected = Score(GeneSetConvention.Corrected, CountLog.Silent);
        Assert.Equal("corrected", corrected.GmtName);
        Assert.Same(corrected.Corrected, corrected.Used);
    }

    [Fact]
    public void Nes_rows_are_in_ordinal_order_and_the_stage_file_round_trips()
    {
        var s = Score(GeneSetConvention.Authors, CountLog.Silent);
        Assert.Equal(["S_TYMS_TOP1", "S_G"], s.Authors.SetNames);
        Assert.Equal(["S_G", "S_TYMS_TOP1"], s.Nes.Pathways);
        Assert.Equal(s.Authors.NormalizedScores[s.Authors.SetIndex("S_G"), 2], s.Nes.Values[0, 2]);
        var table = s.NesTable();
        Assert.Equal(new[] { "pathway" }.Concat(s.Nes.Samples), table.Columns);
        var path = Path.Combine(Path.GetTempPath(), $"nes-{Guid.NewGuid():N}.tsv");
        try
        {
            table.Write(path);
            var back = OrganoidBiomarkers.Pipeline.StageFiles.PathwayScores(path);
            Assert.Equal(s.Nes.Pathways, back.Pathways);
            Assert.Equal(s.Nes.Values.Cast<double>(), back.Values.Cast<double>());
        }
        finally { File.Delete(path); }
        Assert.Equal(3, s.SetCounts().Rows.Count);
        Assert.Equal(["authors", "restricted to measured genes, then first gene lost (what gseapy scored)", "4", "3", "2"], s.SetCounts().Rows[0]);
    }

    [Fact]
    public void Nes_comparison_counts_sets_on_each_side_and_finds_the_largest_difference()
    {
        var s = Score(GeneSetConvention.Authors, CountLog.Silent);
        var nes = s.Nes;
        Assert.Equal(new NesComparison("self", 2, 0, 0, 0, ""), SsgseaParity.Compare("self", s.Authors, nes));
        // Theirs: S_G shifted by 0.25 in one organoid, S_TYMS_TOP1 missing, one set of their own.
        var shifted = Enumerable.Range(0, nes.Samples.Count).Select(j => nes.Values[0, j] + (j == 4 ? 0.25 : 0)).ToArray();
        var theirs = new PathwayScores(["S_G", "S_OTHER"], nes.Samples, new double[2, nes.Samples.Count]);
        for (int j = 0; j < shifted.Length; j++) theirs.Values[0, j] = shifted[j];
        var c = SsgseaParity.Compare("shifted", s.Authors, theirs);
        Assert.Equal((1, 1, 1, "S_G"), (c.Common, c.OnlyOurs, c.OnlyTheirs, c.LargestIn));
        Assert.Equal(0.25, c.MaxDifference, 12);
        Assert.Equal(0.0, SsgseaParity.Compare("without S_G", s.Authors, theirs, n => n != "S_G").MaxDifference);
        Assert.Throws<InvalidOperationException>(() => SsgseaParity.Compare("extra organoid", s.Authors, new PathwayScores(["S_G"], ["P99"], new double[1, 1])));
    }

    [Fact]
    public void Parity_analysis_on_the_authors_inputs_equal_to_ours_finds_no_difference_and_names_an_extra_gene()
    {
        var expression = Expression();
        var sets = GmtReader.Read(TestPaths.Fixture("study", "organoid_sets.gmt"), GmtLayout.NoDescription);
        var s = OrganoidScoring.Score(expression, sets, GmtReader.Read(TestPaths.Fixture("study", "organoid_sets.gmt"), GmtLayout.Standard), GeneSetConvention.Authors, CountLog.Silent);
        var restricted = sets.Select(x => x with { Genes = x.Genes.Where(expression.HasGene).ToList() }).Where(x => x.Genes.Count > 0).ToList();
        var same = SsgseaParity.Analyse(expression, sets, s, s.Nes, s.AuthorsSets, restricted, expression);
        Assert.All(same.Comparisons.Where(c => !c.Scores.Contains("corrected")), c => Assert.Equal(0.0, c.MaxDifference));
        Assert.Equal((0, 0, 0, true, 0), (same.OnlyTheirs, same.OnlyOurs, same.DifferingSets.Count, same.SameGenesAndOrganoids, same.RowsMoved));
        Assert.Equal(8, same.CausesTable().Rows.Count);

        // Their restricted S_TYMS_TOP1 also holds G7 (measured, and in our GMT elsewhere).
        var withG7 = restricted.Select(x => x.Name == "S_TYMS_TOP1" ? x with { Genes = [.. x.Genes, "G7"] } : x).ToList();
        var extra = SsgseaParity.Analyse(expression, sets, s, s.Nes, s.AuthorsSets, withG7, expression);
        Assert.Equal(1, extra.OnlyTheirs);
        Assert.Equal(new GeneOnlyTheirs("G7", 1, true, true), Assert.Single(extra.Genes));
    }
}
