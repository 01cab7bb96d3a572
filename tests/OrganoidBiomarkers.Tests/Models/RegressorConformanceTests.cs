using OrganoidBiomarkers.Models;
using Xunit;

namespace OrganoidBiomarkers.Tests.Models;

/// <summary>
/// The shared contract, run against every model <see cref="Regressors.ByName"/> knows (scikit-learn's
/// check_estimator idea): shapes, bad-input rejection at Fit, determinism, and row-order invariance where it holds.
/// </summary>
public class RegressorConformanceTests
{
    public static IEnumerable<object[]> Models => Regressors.Names.Select(n => new object[] { n });

    // 12 samples x 4 features, standardised (fixed, hand-made via the golden file's LOO data).
    private static (double[,] X, double[] Y) Data()
    {
        var g = ModelsGolden.Root.GetProperty("loo");
        return (Standardizer.FitTransform(g.Mat("x")).Z, g.Vec("y"));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Name_round_trips_and_shapes_follow_the_data(string name)
    {
        var model = Regressors.ByName(name);
        Assert.Equal(name, model.Name);
        var (x, y) = Data();
        var fit = model.Fit(x, y);
        Assert.Equal(name, fit.ModelName);
        Assert.Equal(x.GetLength(1), fit.Coefficients.Count);
        Assert.Equal(5, fit.Predict(new double[5, x.GetLength(1)]).Length);
        Assert.Throws<ArgumentException>(() => fit.Predict(new double[2, x.GetLength(1) + 1]));
        Assert.All(fit.Coefficients, c => Assert.True(double.IsFinite(c)));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Rejects_bad_input_at_fit_with_a_clear_message(string name)
    {
        var model = Regressors.ByName(name);
        var (x, y) = Data();
        var badX = (double[,])x.Clone();
        badX[2, 1] = double.NaN;
        Assert.Contains("x[2, 1]", Assert.Throws<ArgumentException>(() => model.Fit(badX, y)).Message);
        var badY = (double[])y.Clone();
        badY[4] = double.PositiveInfinity;
        Assert.Contains("y[4]", Assert.Throws<ArgumentException>(() => model.Fit(x, badY)).Message);
        Assert.Contains("rows", Assert.Throws<ArgumentException>(() => model.Fit(x, y[..^1])).Message);
        Assert.Contains("at least", Assert.Throws<ArgumentException>(() => model.Fit(new double[,] { { 1.0 } }, new[] { 1.0 })).Message);
        Assert.Throws<ArgumentException>(() => model.Fit(new double[12, 0], y));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Fit_is_deterministic_and_leaves_inputs_untouched(string name)
    {
        var (x, y) = Data();
        var x0 = (double[,])x.Clone();
        var y0 = (double[])y.Clone();
        var a = Regressors.ByName(name).Fit(x, y);
        var b = Regressors.ByName(name).Fit(x, y);
        Assert.Equal(a.Coefficients, b.Coefficients); // bit-identical
        Assert.Equal(a.Intercept, b.Intercept);
        Assert.Equal(x0, x);
        Assert.Equal(y0, y);
    }

    // Ridge and least squares are functions of the sample set: permuting rows changes only rounding. libsvm's SMO
    // visits variables in row order (ties in the working-set selection), so SVR agrees only up to its stopping rule.
    [Theory]
    [InlineData("ridge", Tolerances.ClosedForm)]
    [InlineData("ols", Tolerances.ClosedForm)]
    [InlineData("svr", Tolerances.LibSvmStoppingRule)]
    public void Fit_is_invariant_to_row_order(string name, double tolerance)
    {
        var (x, y) = Data();
        int n = y.Length;
        var perm = new OrganoidBiomarkers.Common.Rng(7).Shuffled(Enumerable.Range(0, n).ToArray());
        var a = Regressors.ByName(name).Fit(x, y);
        var b = Regressors.ByName(name).Fit(Rows(x, perm), perm.Select(i => y[i]).ToArray());
        Close.Equal(a.Coefficients, b.Coefficients, tolerance, $"{name} coef after row shuffle");
        Close.Equal(a.Intercept, b.Intercept, tolerance, $"{name} intercept after row shuffle");
    }

    // The documented exception: RidgeCV's 3 folds are contiguous blocks of rows (KFold without shuffling, as the
    // authors' scikit-learn), so its scores depend on row order. Permuting rows inside each fold keeps them.
    [Fact]
    public void RidgeCv_depends_on_row_order_through_its_unshuffled_folds()
    {
        var (x, y) = Data(); // n = 12: folds rows 0-3, 4-7, 8-11
        var model = new RidgeCv();
        var a = model.FitRidgeCv(x, y);

        int[] withinFolds = [3, 1, 2, 0, 7, 6, 5, 4, 9, 8, 11, 10];
        var b = model.FitRidgeCv(Rows(x, withinFolds), withinFolds.Select(i => y[i]).ToArray());
        Close.Equal(a.MeanScores, b.MeanScores, Tolerances.ClosedForm, "scores after within-fold shuffle");
        Assert.Equal(a.Alpha, b.Alpha);

        int[] acrossFolds = [0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11];
        var c = model.FitRidgeCv(Rows(x, acrossFolds), acrossFolds.Select(i => y[i]).ToArray());
        Assert.True(Close.MaxAbsDiff(a.MeanScores, c.MeanScores) > 1e-3, "across-fold reordering changes the CV scores");
    }

    private static double[,] Rows(double[,] x, int[] order)
    {
        var r = new double[order.Length, x.GetLength(1)];
        for (int i = 0; i < order.Length; i++)
            for (int j = 0; j < x.GetLength(1); j++) r[i, j] = x[order[i], j];
        return r;
    }

    [Fact]
    public void Unknown_name_lists_the_known_ones()
    {
        var e = Assert.Throws<ArgumentException>(() => Regressors.ByName("lasso"));
        Assert.Contains("ridgecv", e.Message);
    }
}
