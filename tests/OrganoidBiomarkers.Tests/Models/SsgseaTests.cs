using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Models;
using Xunit;

namespace OrganoidBiomarkers.Tests.Models;

// Golden/ssgsea/: small_expression.tsv (40 genes x 5 samples full of ties, made by make_small_expression.py) and
// small_sets.gmt (with a description column). Expected scores:
//   gseapy09_ssgsea.py small_expression.tsv small_sets.gmt small_gseapy09            (gseapy 0.9 logic, pandas < 1.0 ties)
//   Rscript gsva146_ssgsea.R  -> small_gsva146.{raw,normalized}.es.tsv               (GSVA 1.46 gsva(method = "ssgsea"))
public class SsgseaTests
{
    // Both references compute the same sums in another association (gseapy: cumsum then sum; GSVA: sorted positions):
    // scores of magnitude <= 20 agree to ~1e-14; 1e-12 leaves room for that and nothing else.
    private const double ReassociationTolerance = 1e-12;
    // One tied hit/miss swap in the small golden shifts a gseapy ES by >= (1/(n - k))/n = 1/(40 * 38) ~ 6.6e-4.
    private const double TieOrderEffect = 1e-4;

    private static ExpressionMatrix SmallExpression() => ScoreTables.ReadExpression(TestPaths.Golden("ssgsea", "small_expression.tsv"));
    private static IReadOnlyList<GeneSet> SmallSets() => GmtReader.Read(TestPaths.Golden("ssgsea", "small_sets.gmt"), GmtLayout.Standard);

    private static void AssertMatches(ScoreTable expected, IReadOnlyList<string> sets, IReadOnlyList<string> samples, double[,] actual, double tolerance)
    {
        Assert.Equal(expected.Rows.Order(StringComparer.Ordinal), sets.Order(StringComparer.Ordinal));
        Assert.Equal(expected.Columns, samples);
        for (int s = 0; s < sets.Count; s++)
        {
            int r = expected.RowIndex(sets[s]);
            for (int j = 0; j < samples.Count; j++)
                Assert.True(Math.Abs(expected.Values[r, j] - actual[s, j]) <= tolerance,
                    $"{sets[s]} {samples[j]}: expected {expected.Values[r, j]:R}, got {actual[s, j]:R}");
        }
    }

    private static double MaxAbsDiff(ScoreTable expected, SsgseaResult result)
    {
        double max = 0;
        for (int s = 0; s < result.SetNames.Count; s++)
            for (int j = 0; j < result.Samples.Count; j++)
                max = Math.Max(max, Math.Abs(expected.Values[expected.RowIndex(result.SetNames[s]), j] - result.EnrichmentScores[s, j]));
        return max;
    }

    [Fact]
    public void Gseapy09_matches_the_gseapy_09_reimplementation_raw_and_normalized()
    {
        var r = Ssgsea.Score(SmallExpression(), SmallSets(), SsgseaOptions.Gseapy09);
        AssertMatches(ScoreTables.Read(TestPaths.Golden("ssgsea", "small_gseapy09.raw.es.txt")), r.SetNames, r.Samples, r.EnrichmentScores, ReassociationTolerance);
        AssertMatches(ScoreTables.Read(TestPaths.Golden("ssgsea", "small_gseapy09.normalized.es.txt")), r.SetNames, r.Samples, r.NormalizedScores, ReassociationTolerance);
        // min_size 2: the one-gene set is dropped; the set of unmeasured genes is never scored.
        Assert.Equal(SsgseaSetStatus.BelowMinSize, r.Sets.Single(s => s.Name == "SET_ONE_MEASURED").Status);
        Assert.Equal(SsgseaSetStatus.NoMeasuredGene, r.Sets.Single(s => s.Name == "SET_NONE_MEASURED").Status);
        Assert.Equal(new SsgseaSetOutcome("SET_WITH_UNMEASURED", 4, 3, SsgseaSetStatus.Kept), r.Sets.Single(s => s.Name == "SET_WITH_UNMEASURED"));
    }

    [Fact]
    public void The_small_golden_exercises_the_tie_order()
    {
        // Same script with pandas >= 1.0's descending sort: if our order were not numpy-quicksort-reversed, the
        // golden above could not tell. The two orders must differ by far more than the reassociation tolerance.
        var r = Ssgsea.Score(SmallExpression(), SmallSets(), SsgseaOptions.Gseapy09);
        var otherOrder = ScoreTables.Read(TestPaths.Golden("ssgsea", "small_gseapy09_pandas1_tie_order.raw.es.txt"));
        Assert.True(MaxAbsDiff(otherOrder, r) > TieOrderEffect);
    }

    [Fact]
    public void Gsva_matches_GSVA_146_raw_and_normalized()
    {
        var r = Ssgsea.Score(SmallExpression(), SmallSets(), SsgseaOptions.Gsva);
        AssertMatches(ScoreTables.Read(TestPaths.Golden("ssgsea", "small_gsva146.raw.es.tsv")), r.SetNames, r.Samples, r.EnrichmentScores, ReassociationTolerance);
        AssertMatches(ScoreTables.Read(TestPaths.Golden("ssgsea", "small_gsva146.normalized.es.tsv")), r.SetNames, r.Samples, r.NormalizedScores, ReassociationTolerance);
        // min.sz 1 keeps the one-gene set; GSVA's output order is the input order of the kept sets.
        Assert.Equal(["SET_TIES_LOW", "SET_SPREAD", "SET_WITH_UNMEASURED", "SET_ONE_MEASURED", "SET_ZEROS", "SET_BIG", "SET_TOP", "SET_PAIR"], r.SetNames);
    }

    [Fact]
    public void Normalized_scores_are_raw_scores_over_the_range_of_the_whole_matrix()
    {
        var r = Ssgsea.Score(SmallExpression(), SmallSets(), SsgseaOptions.Gsva);
        var all = r.EnrichmentScores.Cast<double>().ToArray();
        Assert.Equal(all.Max() - all.Min(), r.Range);
        Assert.Equal(r.EnrichmentScores[2, 3] / r.Range, r.NormalizedScores[2, 3]);
    }

    [Theory]
    [InlineData(SsgseaVariant.Gseapy09)]
    [InlineData(SsgseaVariant.Gsva)]
    public void Results_do_not_depend_on_thread_count(SsgseaVariant variant)
    {
        var options = variant == SsgseaVariant.Gsva ? SsgseaOptions.Gsva : SsgseaOptions.Gseapy09;
        var one = Ssgsea.Score(SmallExpression(), SmallSets(), options with { MaxDegreeOfParallelism = 1 });
        var many = Ssgsea.Score(SmallExpression(), SmallSets(), options with { MaxDegreeOfParallelism = 4 });
        Assert.Equal(one.EnrichmentScores.Cast<double>(), many.EnrichmentScores.Cast<double>());
    }

    [Fact]
    public void Counts_are_logged_for_unmeasured_genes_and_dropped_sets()
    {
        var log = new CountLog();
        Ssgsea.Score(SmallExpression(), SmallSets(), SsgseaOptions.Gseapy09, log);
        // small_sets.gmt: 52 set genes of which NOTAGENE, NOTAGENE2, NOPE1, NOPE2 are not measured.
        Assert.Contains(log.Entries, e => e is { Step: "ssgsea: set genes measured", Before: 52, After: 48 });
        Assert.Contains(log.Entries, e => e is { Step: "ssgsea: sets with a measured gene", Before: 9, After: 8 });
        Assert.Contains(log.Entries, e => e is { Step: "ssgsea: sets within size limits", Before: 8, After: 7 });
    }

    [Fact]
    public void No_set_gene_measured_fails_with_counts_and_examples()
    {
        var sets = new[] { new GeneSet("ENTREZ_SET", null, ["7157", "3845"]) };
        var ex = Assert.Throws<ArgumentException>(() => Ssgsea.Score(SmallExpression(), sets, SsgseaOptions.Gsva));
        Assert.Contains("none of the 2 genes of the 1 gene sets is among the 40 measured genes", ex.Message);
        Assert.Contains("3845", ex.Message);
        Assert.Contains("G01", ex.Message);
    }

    [Fact]
    public void No_set_left_after_size_filter_fails()
    {
        var sets = new[] { new GeneSet("ONE", null, ["G01"]) };
        var ex = Assert.Throws<ArgumentException>(() => Ssgsea.Score(SmallExpression(), sets, SsgseaOptions.Gseapy09));
        Assert.Contains("no gene set left to score", ex.Message);
    }

    [Fact]
    public void A_set_covering_every_gene_is_dropped_with_its_reason()
    {
        var expression = SmallExpression();
        var sets = new[] { new GeneSet("ALL", null, expression.Genes), new GeneSet("SOME", null, ["G01", "G02"]) };
        var r = Ssgsea.Score(expression, sets, SsgseaOptions.Gsva);
        Assert.Equal(SsgseaSetStatus.CoversAllGenes, r.Sets[0].Status);
        Assert.Equal(["SOME"], r.SetNames);
    }

    [Fact]
    public void One_score_has_range_zero_and_NaN_normalized_score()
    {
        var expression = SmallExpression().SelectSamples(["S1"]);
        var r = Ssgsea.Score(expression, [new GeneSet("PAIR", null, ["G01", "G02"])], SsgseaOptions.Gsva);
        Assert.Equal(0, r.Range);
        Assert.True(double.IsNaN(r.NormalizedScores[0, 0]));
        Assert.True(double.IsFinite(r.EnrichmentScores[0, 0]));
    }

    [Fact]
    public void Bad_sets_and_options_are_rejected()
    {
        var e = SmallExpression();
        Assert.Throws<ArgumentException>(() => Ssgsea.Score(e, [], SsgseaOptions.Gsva));
        Assert.Throws<ArgumentException>(() => Ssgsea.Score(e, [new GeneSet("A", null, ["G01", "G02"]), new GeneSet("A", null, ["G03", "G04"])], SsgseaOptions.Gsva));
        Assert.Throws<ArgumentException>(() => Ssgsea.Score(e, [new GeneSet("A", null, ["G01", "G01"])], SsgseaOptions.Gsva));
        Assert.Throws<ArgumentException>(() => Ssgsea.Score(e, [new GeneSet("A", null, ["G01", "G02"])], SsgseaOptions.Gsva with { MinSize = 0 }));
        Assert.Throws<ArgumentException>(() => Ssgsea.Score(e, [new GeneSet("A", null, ["G01", "G02"])], SsgseaOptions.Gsva with { Weight = double.NaN }));
        Assert.Throws<ArgumentException>(() => Ssgsea.Score(e, [new GeneSet("A", null, ["G01", "G02"])], SsgseaOptions.Gseapy09 with { MaxSize = 1 }));
    }
}
