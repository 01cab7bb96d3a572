using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Models;
using OrganoidBiomarkers.Patients;
using Xunit;

namespace OrganoidBiomarkers.Tests.Patients;

public class SurvivalValidationTests
{
    // Pathway A separates the patients: high A = short survival. Coefficient +1 (high A predicts a high ln IC50, i.e.
    // resistance), so the patients with high A are the predicted non-responders: the paper's direction.
    private static readonly string[] Patients = ["p1", "p2", "p3", "p4", "p5", "p6"];
    private static readonly PathwayScores Z = new(["A", "B"], Patients, new double[,] { { -2, -1, -0.5, 0.5, 1, 2 }, { 0, 0, 0, 0, 0, 0 } });
    private static readonly Dictionary<string, SurvivalTime> Survival = new(StringComparer.Ordinal)
    {
        ["p1"] = new(60, false), ["p2"] = new(50, true), ["p3"] = new(70, false),
        ["p4"] = new(10, true), ["p5"] = new(12, true), ["p6"] = new(8, true),
        ["not_scored"] = new(5, true),
    };

    [Fact]
    public void Units_keep_the_scored_members_in_ordinal_order_and_count_the_join()
    {
        var log = new CountLog();
        var shuffled = new PathwayScores(Z.Pathways, Patients.Reverse().ToArray(), new double[,] { { 2, 1, 0.5, -0.5, -1, -2 }, { 0, 0, 0, 0, 0, 0 } });
        var unit = ValidationUnit.Create("D", "c", "src", "surv", shuffled, Survival, log);
        Assert.Equal(Patients, unit.Patients);
        Assert.Equal(Patients, unit.Standardized.Samples);
        Assert.Equal(-2.0, unit.Standardized.Values[0, 0]);
        Assert.Equal(Patients.Select(p => Survival[p]), unit.Survival);
        Assert.Equal(4, unit.Events);
        Assert.Equal((7, 6), (log.Entries.Single().Before, log.Entries.Single().After));
    }

    [Fact]
    public void Evaluate_splits_at_the_median_and_reports_the_papers_direction_as_positive()
    {
        var unit = ValidationUnit.Create("D", "c", "src", "surv", Z, Survival, CountLog.Silent);
        var ranked = BiomarkerRanking.ByAbsoluteCoefficient(["A", "B"], [1.0, 0.1]);
        var o = SurvivalValidation.Evaluate(ranked, 1, unit);
        Assert.Equal(new[] { true, true, true, false, false, false }, o.Split.Responder);
        var c = Assert.IsType<GroupComparison>(o.Comparison);
        var lr = LogRank.Test([Survival["p1"], Survival["p2"], Survival["p3"]], [Survival["p4"], Survival["p5"], Survival["p6"]]);
        Assert.Equal(lr.PValue, c.LogRankP);
        Assert.Equal(Math.Sqrt(lr.ChiSquare), o.SignedLogRank, 12);
        Assert.True(c.HazardRatio > 1);
        var (chi, signed) = SurvivalValidation.LogRankStatistic(o.Split, unit.Survival);
        Assert.Equal((lr.ChiSquare, o.SignedLogRank), (chi, signed));

        // The opposite coefficient swaps the groups: same chi-square, negative signed statistic.
        var flipped = SurvivalValidation.Evaluate(BiomarkerRanking.ByAbsoluteCoefficient(["A"], [-1.0]), 1, unit);
        Assert.Equal(-o.SignedLogRank, flipped.SignedLogRank, 12);
        Assert.True(flipped.Comparison!.HazardRatio < 1);
    }

    [Fact]
    public void A_split_with_all_scores_tied_has_no_comparison()
    {
        var unit = ValidationUnit.Create("D", "c", "src", "surv", Z, Survival, CountLog.Silent);
        var o = SurvivalValidation.Evaluate(BiomarkerRanking.ByAbsoluteCoefficient(["B"], [1.0]), 1, unit);
        Assert.All(o.Split.Responder, Assert.True);
        Assert.Null(o.Comparison);
        Assert.True(double.IsNaN(o.SignedLogRank));
        Assert.True(double.IsNaN(SurvivalValidation.LogRankStatistic(o.Split, unit.Survival).ChiSquare));
    }

    [Fact]
    public void A_unit_without_events_has_no_comparison()
    {
        var censored = Patients.ToDictionary(p => p, p => new SurvivalTime(30, false));
        var unit = ValidationUnit.Create("D", "c", "src", "surv", Z, censored, CountLog.Silent);
        var o = SurvivalValidation.Evaluate(BiomarkerRanking.ByAbsoluteCoefficient(["A"], [1.0]), 1, unit);
        Assert.Null(o.Comparison);
    }
}
