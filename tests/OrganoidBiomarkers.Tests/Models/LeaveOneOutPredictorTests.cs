using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Models;
using Xunit;

namespace OrganoidBiomarkers.Tests.Models;

/// <summary>
/// The precomputed leave-one-out predictors (used by the permutation test) against the definition: refitting the
/// scaler and the model on every fold (CrossValidation.LeaveOneOut, itself tested against scikit-learn). Both shapes
/// the organoid models meet (more features than samples, as the real 19 x 37, and fewer), random responses, and
/// responses with ties and a constant inner fold.
/// </summary>
public class LeaveOneOutPredictorTests
{
    private static (double[,] X, double[] Y) Case(int n, int p, ulong seed)
    {
        var rng = new Rng(seed);
        var x = new double[n, p];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < p; j++) x[i, j] = rng.NextDouble() * 4 - 2 + (j % 3) * i * 0.05;
        var y = Enumerable.Range(0, n).Select(i => x[i, 0] - 0.5 * x[i, p - 1] + rng.NextDouble()).ToArray();
        return (x, y);
    }

    public static TheoryData<string, int, int> Shapes() => new()
    {
        { "ridge", 19, 37 }, { "ridge", 15, 4 },
        { "ridgecv", 19, 37 }, { "ridgecv", 15, 4 }, { "ridgecv", 7, 3 },
        { "ridgecv-unweighted", 19, 37 }, { "ridgecv-unweighted", 11, 5 },
        { "ols", 19, 37 }, { "ols", 15, 4 },
        { "svr", 12, 20 },
    };

    private static IRegressor Model(string name) => name == "ridgecv-unweighted" ? new RidgeCv(averaging: FoldAveraging.Unweighted) : Regressors.ByName(name);

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Precomputed_predictions_equal_refitting(string name, int n, int p)
    {
        var (x, y) = Case(n, p, (ulong)(n * 100 + p));
        var fast = LeaveOneOutPredictor.For(Model(name), x, FeatureScaling.StandardizeOnTrainingFold);
        var rng = new Rng(99);
        // The real y, five shuffles, and a y with ties (rounded) so that some inner folds have tied or constant values.
        var ys = new List<double[]> { y };
        for (int k = 0; k < 5; k++) ys.Add(rng.Shuffled(y));
        ys.Add(y.Select(v => Math.Round(v)).ToArray());
        foreach (var yk in ys)
        {
            var expected = CrossValidation.LeaveOneOut(Model(name), x, yk).Predicted;
            Close.Equal(expected, fast.Predict(yk), Tolerances.ClosedForm, $"{name} {n}x{p}");
        }
    }

    [Fact]
    public void Ridge_prediction_operator_reproduces_the_fit_for_any_response()
    {
        foreach (var (n, p) in new[] { (10, 25), (14, 3) })
        {
            var (x, _) = Case(n, p, 5);
            var (test, _) = Case(3, p, 6);
            var op = Ridge.PredictionOperator(x, test, 0.7);
            var rng = new Rng(8);
            for (int k = 0; k < 4; k++)
            {
                var y = Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 10 - 5).ToArray();
                var expected = new Ridge(0.7).Fit(x, y).Predict(test);
                for (int t = 0; t < 3; t++)
                {
                    double s = 0;
                    for (int i = 0; i < n; i++) s += op[t, i] * y[i];
                    Close.Equal(expected[t], s, Tolerances.ClosedForm, $"{n}x{p} test row {t}");
                }
            }
        }
    }

    [Theory]
    [InlineData("ridgecv")]
    [InlineData("ols")]
    [InlineData("ridge")]
    public void Permutation_null_equals_leave_one_out_on_the_same_shuffles(string name)
    {
        var (x, y) = Case(19, 37, 3);
        var r = CrossValidation.PermutationTest(Regressors.ByName(name), x, y, permutations: 25, seed: 4);
        var rng = new Rng(4);
        var expected = Enumerable.Range(0, 25).Select(_ => CrossValidation.LeaveOneOut(Regressors.ByName(name), x, rng.Shuffled(y)).SpearmanRho).ToArray();
        Close.Equal(expected, r.Null, Tolerances.ClosedForm, $"{name} null");
        Close.Equal(CrossValidation.LeaveOneOut(Regressors.ByName(name), x, y).SpearmanRho, r.Observed, Tolerances.ClosedForm, "observed");
    }

    [Fact]
    public void RidgeCv_that_cannot_split_its_training_rows_is_refused_before_any_work()
    {
        var (x, _) = Case(6, 4, 1);
        // 5 training rows per held-out sample < 2 x 3 folds.
        Assert.Contains("at least 6 samples", Assert.Throws<ArgumentException>(() => LeaveOneOutPredictor.For(new RidgeCv(), x, FeatureScaling.StandardizeOnTrainingFold)).Message);
        Assert.Throws<ArgumentException>(() => LeaveOneOutPredictor.For(new RidgeCv(alphas: [0.1, -1]), Case(12, 4, 1).X, FeatureScaling.None));
    }
}
