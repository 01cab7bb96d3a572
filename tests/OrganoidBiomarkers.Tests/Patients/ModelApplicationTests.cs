using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Models;
using OrganoidBiomarkers.Patients;
using Xunit;

namespace OrganoidBiomarkers.Tests.Patients;

public class ModelApplicationTests
{
    // 6 genes x 4 samples; set S1 = {G1, G2} is high in s3 and s4, set S2 = {G5, G6} is high in s1.
    private static readonly ExpressionMatrix Expression = new(
        ["G1", "G2", "G3", "G4", "G5", "G6"], ["s1", "s2", "s3", "s4"],
        new double[,] { { 1, 2, 9, 8 }, { 2, 1, 8, 9 }, { 5, 5, 5, 5 }, { 4, 4, 4, 4 }, { 9, 3, 1, 2 }, { 8, 4, 2, 1 } });

    private static readonly IReadOnlyList<GeneSet> Sets = [new("S1", null, ["G1", "G2"]), new("S2", null, ["G5", "G6"])];

    [Fact]
    public void Apply_equals_the_stage_05_steps_called_by_hand()
    {
        var ranked = BiomarkerRanking.ByAbsoluteCoefficient(["S1", "S2"], [1.5, -0.5]);
        var split = ModelApplication.Apply(Expression, Sets, ranked, GeneSetConvention.Corrected, 2, CountLog.Silent);

        var es = Ssgsea.Score(Expression, Sets, SsgseaOptions.Gseapy09);
        var z = ResponderSplit.Standardize(new PathwayScores(es.SetNames, es.Samples, es.NormalizedScores), Expression.Samples);
        var expected = ResponderSplit.Split(ranked, 2, z, Expression.Samples);
        Assert.Equal(expected.Scores, split.Scores);
        Assert.Equal(expected.Responder, split.Responder);
        // S1 carries a positive coefficient (higher score -> higher ln IC50): s3 and s4, high in S1, are predicted resistant.
        Assert.Equal(new[] { "s1", "s2" }, split.Responders);
    }

    [Fact]
    public void One_sample_cannot_be_split() =>
        Assert.Throws<InputException>(() => ModelApplication.Apply(Expression.SelectSamples(["s1"]), Sets,
            BiomarkerRanking.ByAbsoluteCoefficient(["S1"], [1.0]), GeneSetConvention.Corrected, 1, CountLog.Silent));

    [Fact]
    public void An_all_zero_matrix_is_refused_instead_of_calling_every_sample_a_responder()
    {
        var zeros = new ExpressionMatrix(Expression.Genes, Expression.Samples, new double[6, 4]);
        var e = Assert.Throws<InputException>(() => ModelApplication.Apply(zeros, Sets,
            BiomarkerRanking.ByAbsoluteCoefficient(["S1"], [1.0]), GeneSetConvention.Corrected, 1, CountLog.Silent, "zeros.tsv"));
        Assert.Contains("zeros.tsv", e.Message);
        Assert.Contains("no gene varies across the 4 samples", e.Message);
    }

    [Fact]
    public void A_scored_pathway_without_variation_is_refused_with_what_it_means()
    {
        // S1's genes are the highest in every sample (same ranks, so the same enrichment); the other genes, S2's among
        // them, vary below them.
        var flat = new ExpressionMatrix(Expression.Genes, Expression.Samples,
            new double[,] { { 10, 10, 10, 10 }, { 10, 10, 10, 10 }, { 5, 1, 5, 5 }, { 4, 4, 9, 4 }, { 9, 3, 1, 2 }, { 8, 4, 2, 1 } });
        var e = Assert.Throws<InputException>(() => ModelApplication.Apply(flat, Sets,
            BiomarkerRanking.ByAbsoluteCoefficient(["S1"], [1.0]), GeneSetConvention.Corrected, 1, CountLog.Silent, "flat.tsv"));
        Assert.Contains("no variation in the scored pathway (S1) across the 4 samples", e.Message);
        Assert.Contains("would call all 4 of them predicted responders", e.Message);
    }

    [Fact]
    public void No_variation_in_any_pathway_is_refused()
    {
        var flat = new ExpressionMatrix(Expression.Genes, Expression.Samples,
            new double[,] { { 10, 10, 10, 10 }, { 10, 10, 10, 10 }, { 5, 1, 5, 5 }, { 4, 4, 9, 4 }, { 9, 3, 1, 2 }, { 8, 4, 2, 1 } });
        var e = Assert.Throws<InputException>(() => ModelApplication.Apply(flat, [new("S1", null, ["G1", "G2"])],
            BiomarkerRanking.ByAbsoluteCoefficient(["S1"], [1.0]), GeneSetConvention.Corrected, 1, CountLog.Silent, "flat.tsv"));
        Assert.Contains("no variation in any scored pathway across the 4 samples", e.Message);
    }
}
