using OrganoidBiomarkers.Qc;
using OrganoidBiomarkers.Tests.Models;
using Xunit;

namespace OrganoidBiomarkers.Tests.Qc;

public class AgreementTests
{
    public static IEnumerable<object[]> Cases => QcGolden.Names("agreement");

    // Golden: scipy.stats.pearsonr(x, y)[0]; Lin's CCC as 2 cov(x,y,bias=True) / (var(x) + var(y) + (mx - my)^2) in numpy,
    // checked in the script against Lin's 2 r s_x s_y form. Cases: noise, a +1 shift, a 0.5 scale, anticorrelation, n=3.
    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_scipy_pearson_and_numpy_lin_ccc(string name)
    {
        var g = QcGolden.Case("agreement", name);
        var x = g.Vec("x");
        var y = g.Vec("y");
        Close.Equal(g.Num("pearson"), Agreement.Pearson(x, y), QcTolerances.ClosedForm, $"{name} pearson");
        Close.Equal(g.Num("ccc"), Agreement.LinConcordance(x, y), QcTolerances.ClosedForm, $"{name} ccc");
    }

    // By hand: x = 1,2,3; y = x + 1. Means 2 and 3; s_x^2 = s_y^2 = s_xy = 2/3 (1/n moments).
    // CCC = 2(2/3) / (2/3 + 2/3 + 1^2) = (4/3) / (7/3) = 4/7, while Pearson r = 1: the shift costs concordance only.
    [Fact]
    public void Shift_lowers_concordance_not_correlation()
    {
        double[] x = [1, 2, 3], y = [2, 3, 4];
        Assert.Equal(1.0, Agreement.Pearson(x, y), 12);
        Assert.Equal(4.0 / 7.0, Agreement.LinConcordance(x, y), 12);
    }

    // By hand: y = 2x for x = 1..4. Means 2.5 and 5; s_x^2 = 1.25, s_y^2 = 5, s_xy = 2.5.
    // CCC = 2(2.5) / (1.25 + 5 + 2.5^2) = 5 / 12.5 = 0.4.
    [Fact]
    public void Scale_lowers_concordance()
    {
        double[] x = [1, 2, 3, 4], y = [2, 4, 6, 8];
        Assert.Equal(1.0, Agreement.Pearson(x, y), 12);
        Assert.Equal(0.4, Agreement.LinConcordance(x, y), 12);
    }

    [Fact]
    public void Identical_replicates_concord_perfectly()
    {
        double[] x = [0.3, -1.2, 2.5, 4.0];
        Assert.Equal(1.0, Agreement.LinConcordance(x, x), 12);
    }

    // Both constant and equal: 0/0, undefined. Constant but 1 apart: numerator 0, denominator 1 -> 0.
    [Fact]
    public void Constant_replicates()
    {
        Assert.True(double.IsNaN(Agreement.LinConcordance([1.0, 1.0, 1.0], [1.0, 1.0, 1.0])));
        Assert.Equal(0.0, Agreement.LinConcordance([1.0, 1.0, 1.0], [2.0, 2.0, 2.0]));
    }

    [Fact]
    public void Rejects_bad_input()
    {
        Assert.Throws<ArgumentException>(() => Agreement.LinConcordance([1.0, 2.0], [1.0]));
        Assert.Throws<ArgumentException>(() => Agreement.LinConcordance([1.0], [1.0]));
        Assert.Throws<ArgumentException>(() => Agreement.LinConcordance([1.0, double.NaN], [1.0, 2.0]));
        Assert.Throws<ArgumentException>(() => Agreement.Pearson([1.0, 2.0, 3.0], [1.0, double.PositiveInfinity, 2.0]));
    }
}
