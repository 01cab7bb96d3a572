using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Models;
using Xunit;

namespace OrganoidBiomarkers.Tests.Models;

public class CrossValidationTests
{
    // Golden "loo": cross_val_predict(make_pipeline(StandardScaler(), model), x, y, cv=LeaveOneOut()),
    // scipy.stats.spearmanr(y, pred), sqrt(mean((y - pred)^2)); baseline = mean of the other samples.
    [Theory]
    [InlineData("ridge", Tolerances.ClosedForm)]
    [InlineData("ols", Tolerances.ClosedForm)]
    [InlineData("svr", Tolerances.LibSvmIterates)]
    public void LeaveOneOut_matches_sklearn_pipeline_with_scaler_refitted_per_fold(string name, double tolerance)
    {
        var g = ModelsGolden.Root.GetProperty("loo");
        var expected = g.GetProperty("models").GetProperty(name);
        var r = CrossValidation.LeaveOneOut(Regressors.ByName(name), g.Mat("x"), g.Vec("y"));
        Close.Equal(expected.Vec("predicted"), r.Predicted, tolerance, $"{name} LOO predictions");
        Close.Equal(expected.Num("spearman"), r.SpearmanRho, Tolerances.ClosedForm, $"{name} Spearman");
        Close.Equal(expected.Num("rmse"), r.Rmse, tolerance, $"{name} RMSE");
        var baseline = g.GetProperty("baseline");
        Close.Equal(baseline.Vec("predicted"), r.Baseline.Predicted, Tolerances.ClosedForm, "baseline");
        Close.Equal(baseline.Num("rmse"), r.Baseline.Rmse, Tolerances.ClosedForm, "baseline RMSE");
        Assert.Equal(g.Vec("y"), r.Observed);
    }

    [Fact]
    public void Scaling_inside_the_fold_differs_from_no_scaling_for_svr()
    {
        // SVR is not scale-equivariant (fixed C, epsilon): refitting the scaler per fold must matter.
        var g = ModelsGolden.Root.GetProperty("loo");
        var scaled = CrossValidation.LeaveOneOut(new LinearSvr(), g.Mat("x"), g.Vec("y"), FeatureScaling.StandardizeOnTrainingFold);
        var raw = CrossValidation.LeaveOneOut(new LinearSvr(), g.Mat("x"), g.Vec("y"), FeatureScaling.None);
        Assert.True(Close.MaxAbsDiff(scaled.Predicted, raw.Predicted) > 1e-3);
    }

    // scipy.stats.spearmanr(a, b).correlation with ties in both vectors (golden "spearman").
    [Fact]
    public void Spearman_uses_average_ties_as_scipy()
    {
        var g = ModelsGolden.Root.GetProperty("spearman");
        Close.Equal(g.Num("rho"), Correlation.Spearman(g.Vec("a"), g.Vec("b")), Tolerances.ClosedForm, "rho");
        Assert.True(double.IsNaN(Correlation.Spearman(new[] { 1.0, 2, 3 }, new[] { 5.0, 5, 5 })));
    }

    [Fact]
    public void Permutation_test_is_reproducible_for_a_seed_and_its_p_value_follows_the_rule()
    {
        var g = ModelsGolden.Root.GetProperty("loo");
        var x = g.Mat("x");
        var y = g.Vec("y");
        var model = new Ridge();
        var a = CrossValidation.PermutationTest(model, x, y, permutations: 40, seed: 2020);
        var b = CrossValidation.PermutationTest(model, x, y, permutations: 40, seed: 2020);
        var c = CrossValidation.PermutationTest(model, x, y, permutations: 40, seed: 2021);
        Assert.Equal(a.Null, b.Null);
        Assert.Equal(a.PValue, b.PValue);
        Assert.NotEqual(a.Null, c.Null);
        Assert.Equal(CrossValidation.LeaveOneOut(model, x, y).SpearmanRho, a.Observed);
        int extreme = a.Null.Count(v => v >= a.Observed || double.IsNaN(v));
        Assert.Equal((1.0 + extreme) / 41.0, a.PValue);
        Assert.Equal(40, a.Permutations);

        var rmse = CrossValidation.PermutationTest(model, x, y, permutations: 40, seed: 2020, PermutationStatistic.Rmse);
        Assert.Equal((1.0 + rmse.Null.Count(v => v <= rmse.Observed)) / 41.0, rmse.PValue);
    }

    [Fact]
    public void Permutation_null_draws_the_documented_shuffles()
    {
        // Null[k] must be the LOO statistic of the k-th shuffle drawn in sequence from Rng(seed): recompute one.
        var g = ModelsGolden.Root.GetProperty("loo");
        var x = g.Mat("x");
        var y = g.Vec("y");
        var r = CrossValidation.PermutationTest(new LeastSquares(), x, y, permutations: 3, seed: 11);
        var rng = new OrganoidBiomarkers.Common.Rng(11);
        rng.Shuffled(y);
        var second = rng.Shuffled(y);
        Assert.Equal(CrossValidation.LeaveOneOut(new LeastSquares(), x, second).SpearmanRho, r.Null[1]);
    }
}
