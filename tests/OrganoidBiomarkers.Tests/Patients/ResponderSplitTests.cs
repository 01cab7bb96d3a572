using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Models;
using OrganoidBiomarkers.Patients;
using Xunit;

namespace OrganoidBiomarkers.Tests.Patients;

public class ResponderSplitTests
{
    // Two pathways x four patients. A: 1, 2, 3, 4 (mean 2.5, population sd sqrt(1.25)); B: 0, 0, 0, 8 (mean 2, sd sqrt(12)).
    private static readonly PathwayScores Raw = new(["A", "B"], ["p1", "p2", "p3", "p4"], new double[,] { { 1, 2, 3, 4 }, { 0, 0, 0, 8 } });

    [Fact]
    public void Standardizes_each_pathway_with_the_population_sd_of_the_reference_patients()
    {
        var z = ResponderSplit.Standardize(Raw, ["p1", "p2", "p3", "p4"]);
        double sdA = Math.Sqrt(1.25), sdB = Math.Sqrt(12);
        Assert.Equal(-1.5 / sdA, z.Values[0, 0], 12);
        Assert.Equal(6 / sdB, z.Values[1, 3], 12);
        // Fitted on p1..p3 only, B is constant there: scale 1, so p4's z is just 8 - 0.
        var partial = ResponderSplit.Standardize(Raw, ["p1", "p2", "p3"]);
        Assert.Equal(8.0, partial.Values[1, 3], 12);
    }

    [Fact]
    public void Score_is_the_coefficient_weighted_sum_and_responders_are_at_or_below_the_median()
    {
        // Ranked: B first (|-2| > |1|), then A. With k = 2: score = 1 * A - 2 * B on the raw values here.
        var ranked = BiomarkerRanking.ByAbsoluteCoefficient(["A", "B"], [1.0, -2.0]);
        var split = ResponderSplit.Split(ranked, 2, Raw, ["p1", "p2", "p3", "p4"]);
        Assert.Equal(new[] { 1.0, 2, 3, 4 - 16 }, split.Scores);
        Assert.Equal(1.5, split.Median); // median of (1, 2, 3, -12)
        Assert.Equal(new[] { true, false, false, true }, split.Responder);
        Assert.Equal(new[] { "p1", "p4" }, split.Responders);
    }

    [Fact]
    public void The_rule_is_score_at_or_below_the_median_ties_included()
    {
        // Odd n: the median is the middle score, whose patient is a responder (3 of 5). Even n: the mean of the two
        // middle scores (numpy), here 2.5, so 2 of 4. Scores tied at the median are all responders.
        double[] odd = [5, 1, 3, 4, 2];
        var labels = new bool[5];
        Assert.Equal(3, ResponderSplit.Label(odd, labels, out double cut));
        Assert.Equal(3.0, cut);
        Assert.Equal(new[] { false, true, true, false, true }, labels);
        var even = new bool[4];
        Assert.Equal(2, ResponderSplit.Label([4.0, 1, 2, 3], even, out cut));
        Assert.Equal(2.5, cut);
        var tied = new bool[4];
        Assert.Equal(3, ResponderSplit.Label([1.0, 1, 1, 9], tied, out cut));
        Assert.Equal(new[] { true, true, true, false }, tied);
        Assert.True(ResponderSplit.IsResponder(2.5, 2.5));
        Assert.False(ResponderSplit.IsResponder(2.5000000000000004, 2.5));
        Assert.Throws<ArgumentException>(() => ResponderSplit.Label([1.0, 2], new bool[3], out _));
    }

    [Fact]
    public void Split_labels_are_those_of_the_rule_on_its_scores()
    {
        var ranked = BiomarkerRanking.ByAbsoluteCoefficient(["A", "B"], [1.0, -2.0]);
        var split = ResponderSplit.Split(ranked, 2, Raw, ["p1", "p2", "p3", "p4"]);
        var labels = new bool[4];
        ResponderSplit.Label(split.Scores, labels, out double cut);
        Assert.Equal(labels, split.Responder);
        Assert.Equal(cut, split.Median);
    }

    [Fact]
    public void Top_k_skips_biomarkers_the_source_cannot_score_and_lists_them()
    {
        var ranked = BiomarkerRanking.ByAbsoluteCoefficient(["MISSING", "A", "B"], [5.0, 1.0, -2.0]);
        var split = ResponderSplit.Split(ranked, 1, Raw, ["p1", "p2", "p3", "p4"]);
        Assert.Equal("B", Assert.Single(split.Biomarkers).Name);
        Assert.Equal(new[] { "MISSING" }, split.UnscoredBiomarkers);
    }

    [Fact]
    public void Nothing_scorable_is_an_error()
    {
        var ranked = BiomarkerRanking.ByAbsoluteCoefficient(["X"], [1.0]);
        Assert.Throws<ArgumentException>(() => ResponderSplit.Split(ranked, 1, Raw, ["p1", "p2"]));
    }

    [Fact]
    public void Group_comparison_reports_hazard_ratio_of_non_responders_and_five_year_survival()
    {
        // Non-responders die early, responders are censored late: HR > 1 and a small log-rank p.
        var responders = Enumerable.Range(0, 10).Select(i => new SurvivalTime(70 + i, i == 0)).ToList();
        var nonResponders = Enumerable.Range(0, 10).Select(i => new SurvivalTime(5 + i, true)).ToList();
        var c = GroupComparison.Compare(responders, nonResponders);
        Assert.Equal((10, 10, 1, 10), (c.Responders, c.NonResponders, c.EventsResponders, c.EventsNonResponders));
        Assert.True(c.HazardRatio > 1);
        Assert.True(c.LogRankP < 0.001);
        Assert.Equal(1.0, c.SurvivalAtHorizonResponders);
        Assert.Equal(0.0, c.SurvivalAtHorizonNonResponders);
    }

    [Fact]
    public void Without_events_the_tests_are_undefined_not_an_error()
    {
        var a = new[] { new SurvivalTime(10, false), new SurvivalTime(20, false) };
        var c = GroupComparison.Compare(a, a);
        Assert.True(double.IsNaN(c.LogRankP));
        Assert.True(double.IsNaN(c.HazardRatio));
        Assert.Equal(0, c.Events);
    }
}
