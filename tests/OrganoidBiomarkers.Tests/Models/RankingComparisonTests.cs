using OrganoidBiomarkers.Models;
using Xunit;

namespace OrganoidBiomarkers.Tests.Models;

public class RankingComparisonTests
{
    private static IReadOnlyList<RankedBiomarker> R(params (string Name, double Coef)[] f) =>
        BiomarkerRanking.ByAbsoluteCoefficient(f.Select(x => x.Name).ToArray(), f.Select(x => x.Coef).ToArray());

    [Fact]
    public void Same_top_and_sign_with_the_coefficient_correlation_by_hand()
    {
        var a = R(("A", -0.8), ("B", 0.5), ("C", 0.1), ("D", -0.3));
        var b = R(("A", -0.04), ("B", 0.01), ("C", 0.03), ("D", -0.02));
        var g = RankingComparison.Compare(a, b, topK: 2);
        // Name order A, B, C, D: a ranks (1, 4, 3, 2), b ranks (1, 3, 4, 2); d^2 = 0 + 1 + 1 + 0 = 2; rho = 1 - 6*2/(4*15) = 0.8.
        Assert.Equal(0.8, g.CoefficientSpearman, 1e-12);
        Assert.True(g.SameTop);
        Assert.True(g.SameTopAndSign);
        Assert.Equal(1, g.TopKShared); // top 2: {A, B} vs {A, C}
        Assert.Equal(2, g.TopK);
        Assert.Equal(4, g.CommonFeatures);
    }

    [Fact]
    public void A_flipped_sign_is_not_the_same_split()
    {
        var g = RankingComparison.Compare(R(("A", -0.8), ("B", 0.5)), R(("A", 0.8), ("B", 0.5)));
        Assert.True(g.SameTop);
        Assert.False(g.SameTopAndSign);
        Assert.Equal(2, g.TopK); // capped at the ranking's length
    }

    [Fact]
    public void Only_common_features_are_correlated_and_fewer_than_two_leave_the_correlation_undefined()
    {
        var g = RankingComparison.Compare(R(("A", 3), ("B", 2), ("C", 1)), R(("C", 5), ("B", 4), ("X", 9)));
        Assert.Equal(2, g.CommonFeatures);
        Assert.Equal(-1.0, g.CoefficientSpearman, 1e-12); // B, C: (2, 1) against (4, 5)
        Assert.False(g.SameTop);
        var one = RankingComparison.Compare(R(("A", 1), ("B", 2)), R(("A", 1), ("X", 2)));
        Assert.Equal(1, one.CommonFeatures);
        Assert.True(double.IsNaN(one.CoefficientSpearman));
        // A model of a single pathway: nothing to correlate, but the top pathway and its sign still decide a k = 1 split.
        var single = RankingComparison.Compare(R(("A", -0.5)), R(("A", -2.0)));
        Assert.True(single.SameTopAndSign && double.IsNaN(single.CoefficientSpearman));
        Assert.Equal((1, 1), (single.TopK, single.TopKShared));
        Assert.Throws<ArgumentException>(() => RankingComparison.Compare(R(("A", 1), ("B", 2)), R(("A", 1), ("B", 2)), topK: 0));
    }
}
