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
        Assert.Throws<ArgumentException>(() => ModelApplication.Apply(Expression.SelectSamples(["s1"]), Sets,
            BiomarkerRanking.ByAbsoluteCoefficient(["S1"], [1.0]), GeneSetConvention.Corrected, 1, CountLog.Silent));
}
