using System.Globalization;
using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Models;
using Xunit;

namespace OrganoidBiomarkers.Tests.Models;

/// <summary>
/// The ML.NET learners behind the project's learner contract: determinism (bit for bit, in-process; across processes
/// see <see cref="Determinism_output_for_the_cross_process_check"/>), sanity against independent references (a split a
/// tree must find; SDCA against the closed-form ridge at the stated penalty mapping), and the shared evaluation.
/// </summary>
public class MlNetLearnersTests
{
    /// <summary>
    /// SDCA is iterative and ML.NET runs it in single precision (features, labels, weights and the duality gap are
    /// float), so it stalls short of the closed form: measured on this data, max |coef diff| 1.3e-3 after 1000 passes,
    /// 4.4e-4 after 10,000 (the default here), 1.6e-4 after 100,000 (no better with a tighter tolerance); the bias
    /// within 1.2e-4 to 1.7e-3. 2e-3 (relative to max(1, |expected|)) bounds that; the wrong penalty mapping
    /// (lambda = alpha) misses by more than 5 times as much, and alpha x 0.8 or x 1.25 are further off than the mapped alpha.
    /// </summary>
    private const double SinglePrecisionSolver = 2e-3;

    // 12 samples x 4 features, standardised (the hand-made data of the linear model tests).
    private static (double[,] X, double[] Y) Data()
    {
        var g = ModelsGolden.Root.GetProperty("loo");
        return (Standardizer.FitTransform(g.Mat("x")).Z, g.Vec("y"));
    }

    /// <summary>18 samples (as 18 training organoids in a fold): y = 10 when feature 0 &gt; 0, else 0; features 1..3 noise.</summary>
    private static (double[,] X, double[] Y) StepData()
    {
        var rng = new Rng(7);
        int n = 18;
        var x = new double[n, 4];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i, 0] = (i % 2 == 0 ? 1 : -1) * (0.2 + rng.NextDouble());
            for (int j = 1; j < 4; j++) x[i, j] = rng.NextDouble() * 2 - 1;
            y[i] = x[i, 0] > 0 ? 10 : 0;
        }
        return (x, y);
    }

    public static IEnumerable<object[]> MlNet => Learners.MlNetNames.Select(n => new object[] { n });

    [Theory]
    [MemberData(nameof(MlNet))]
    public void Same_data_gives_bit_identical_predictions_and_the_seed_draws_nothing(string name)
    {
        var (x, y) = Data();
        var a = Learners.ByName(name).Fit(x, y).Predict(x);
        var b = Learners.ByName(name).Fit(x, y).Predict(x);
        Assert.Equal(Bits(a), Bits(b));
        // Another seed: with no row or feature subsampling no random draw reaches the fit.
        ILearner other = name switch { "fasttree" => new FastTreeLearner(Seed: 12345), "lightgbm" => new LightGbmLearner(Seed: 12345), _ => new SdcaLearner() };
        Assert.Equal(Bits(a), Bits(other.Fit(x, y).Predict(x)));
        Assert.Contains(a, v => v != a[0]); // not a constant model
    }

    [Theory]
    [MemberData(nameof(MlNet))]
    public void Parallel_fits_give_the_same_bits_as_sequential_ones(string name)
    {
        var (x, y) = Data();
        var learner = Learners.ByName(name);
        var expected = Bits(learner.Fit(x, y).Predict(x));
        var results = new string[6];
        Parallel.For(0, results.Length, k => results[k] = Bits(learner.Fit(x, y).Predict(x)));
        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Theory]
    [InlineData("fasttree")]
    [InlineData("lightgbm")]
    public void A_tree_ensemble_finds_the_one_split_that_explains_the_response(string name)
    {
        var (x, y) = StepData();
        var model = (MlNetModel)Learners.ByName(name).Fit(x, y);
        var predicted = model.Predict(x);
        // 100 rounds of shrinkage 0.1 on a split that fits exactly: the residual is 10 x 0.9^100 = 2.7e-4.
        for (int i = 0; i < y.Length; i++) Assert.True(Math.Abs(predicted[i] - y[i]) < 1e-2, $"{name}: sample {i} predicted {predicted[i]}, observed {y[i]}");
        // All the gain is on feature 0: the noise features are never split on (or with negligible gain).
        Assert.True(model.FeatureWeights[0] > 0);
        Assert.True(model.FeatureWeights.Skip(1).All(w => w <= 1e-3 * model.FeatureWeights[0]), $"{name}: weights {string.Join(", ", model.FeatureWeights)}");
        // Held-out samples on either side of the split.
        var test = new double[,] { { 0.5, 0, 0, 0 }, { -0.5, 0, 0, 0 } };
        var p = model.Predict(test);
        Assert.InRange(p[0], 9.9, 10.1);
        Assert.InRange(p[1], -0.1, 0.1);
    }

    [Theory]
    [InlineData("fasttree")]
    [InlineData("lightgbm")]
    public void With_the_default_minimum_leaf_of_20_a_tree_cannot_split_18_organoids(string name)
    {
        // Why the learners set MinimumExampleCountPerLeaf = 2: with ML.NET's default of 20 no split is possible on 18
        // training samples, and every prediction is one constant (FastTree: 0, it builds no tree; LightGBM: the mean),
        // so the leave-one-out Spearman is undefined.
        var (x, y) = StepData();
        ILearner learner = name == "fasttree" ? new FastTreeLearner(MinimumExampleCountPerLeaf: 20) : new LightGbmLearner(MinimumExampleCountPerLeaf: 20);
        var predicted = learner.Fit(x, y).Predict(x);
        Assert.All(predicted, v => Assert.Equal(predicted[0], v));
        Assert.Equal(name == "fasttree" ? 0 : y.Average(), predicted[0], 3);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.3)]
    [InlineData(5.0)]
    public void Sdca_with_lambda_2_alpha_over_n_is_the_closed_form_ridge(double alpha)
    {
        var (x, y) = Data();
        var sdca = new SdcaLearner(alpha).FitSdca(x, y);
        var ridge = new Ridge(alpha).FitRidge(x, y);
        double mapped = Close.MaxAbsDiff(ridge.Coefficients, sdca.FeatureWeights);
        Assert.True(mapped < Close.MaxAbsDiff(new Ridge(alpha * 0.8).FitRidge(x, y).Coefficients, sdca.FeatureWeights));
        Assert.True(mapped < Close.MaxAbsDiff(new Ridge(alpha * 1.25).FitRidge(x, y).Coefficients, sdca.FeatureWeights));
        Close.Equal(ridge.Coefficients, sdca.FeatureWeights, SinglePrecisionSolver, $"SDCA alpha {alpha} vs ridge coefficients");
        Assert.Equal(ridge.Intercept, sdca.Bias!.Value, SinglePrecisionSolver);
        Close.Equal(ridge.Predict(x), sdca.Predict(x), SinglePrecisionSolver, "predictions");
        // The mapping matters: ridge with alpha = lambda (ML.NET's constant taken as scikit-learn's alpha) is far off.
        var wrong = new Ridge(new SdcaLearner(alpha).Lambda(y.Length)).FitRidge(x, y);
        Assert.True(Close.MaxAbsDiff(wrong.Coefficients, sdca.FeatureWeights) > 5 * mapped);
    }

    [Fact]
    public void Leave_one_out_and_the_permutation_null_take_any_learner()
    {
        var (x, y) = Data();
        // SDCA at alpha 1 is ridge at alpha 1: their leave-one-out predictions agree to single precision ...
        var sdca = CrossValidation.LeaveOneOut(Learners.ByName("sdca"), x, y, FeatureScaling.None);
        var ridge = CrossValidation.LeaveOneOut(new Ridge(1.0), x, y, FeatureScaling.None);
        Close.Equal(ridge.Predicted, sdca.Predicted, SinglePrecisionSolver, "LOO predictions");
        Assert.Equal("sdca", sdca.ModelName);
        // ... and a tree learner's permutation null is reproducible for a seed.
        var a = CrossValidation.PermutationTest(Learners.ByName("lightgbm"), x, y, 19, seed: 5);
        var b = CrossValidation.PermutationTest(Learners.ByName("lightgbm"), x, y, 19, seed: 5);
        Assert.Equal(Bits(a.Null.ToArray()), Bits(b.Null.ToArray()));
        Assert.Equal(a.PValue, b.PValue);
        Assert.InRange(a.PValue, 1.0 / 20, 1.0);
    }

    [Fact]
    public void Learners_by_name_cover_the_linear_models_and_the_mlnet_learners()
    {
        Assert.Equal(new[] { "ridgecv", "svr", "ols", "ridge", "fasttree", "lightgbm", "sdca" }, Learners.Names);
        foreach (var name in Learners.Names) Assert.Equal(name, Learners.ByName(name.ToUpperInvariant()).Name);
        Assert.IsType<LeastSquares>(Learners.ByName("linear"));
        var e = Assert.Throws<ArgumentException>(() => Learners.ByName("deepnet"));
        Assert.Contains("fasttree", e.Message);
    }

    [Theory]
    [MemberData(nameof(MlNet))]
    public void Bad_input_is_rejected_at_fit_with_a_clear_message(string name)
    {
        var (x, y) = Data();
        var learner = Learners.ByName(name);
        var bad = (double[,])x.Clone();
        bad[3, 1] = double.NaN;
        Assert.Contains("x[3, 1]", Assert.Throws<ArgumentException>(() => learner.Fit(bad, y)).Message);
        Assert.Contains("y has 11", Assert.Throws<ArgumentException>(() => learner.Fit(x, y.Take(11).ToArray())).Message);
        var fit = learner.Fit(x, y);
        Assert.Throws<ArgumentException>(() => fit.Predict(new double[2, 5]));
    }

    [Fact]
    public void The_comparison_table_is_byte_identical_across_runs_and_has_organoid_cv_columns()
    {
        var (x, y) = Data();
        var data = new OrganoidTrainingSet(Enumerable.Range(1, 12).Select(i => $"O{i:D2}").ToArray(), new[] { "A", "B", "C", "D" }, x, y, [], []);
        var names = new[] { "ridgecv", "sdca", "lightgbm" };
        var first = LearnerComparison.Run(data, names, permutations: 9, seed: 11);
        var second = LearnerComparison.Run(data, names, permutations: 9, seed: 11);
        Assert.Equal(first.ToTable("DRUG", "authors").ToTsv(), second.ToTable("DRUG", "authors").ToTsv());
        Assert.Equal(first.RankingTable().ToTsv(), second.RankingTable().ToTsv());
        var table = first.ToTable("DRUG", "authors");
        Assert.Equal(new[] { "drug", "selection", "model", "n_organoids", "n_features", "alpha", "loo_spearman", "loo_rmse", "baseline_rmse", "perm_p", "n_permutations" }, table.Columns);
        Assert.Equal(names, table.ColumnValues("model"));
        var alphas = table.ColumnValues("alpha").ToArray();
        Assert.NotEqual("", alphas[0]); // RidgeCV's chosen alpha
        Assert.Equal(new[] { "1", "" }, alphas.Skip(1)); // SDCA's alpha; none for a tree ensemble
        // Every learner ranks every feature once; the biomarkers carry the direction as the coefficient's sign.
        foreach (var e in first.Evaluations)
        {
            Assert.Equal(data.Features.Order(StringComparer.Ordinal), e.Model.Ranking.Select(r => r.Name).Order(StringComparer.Ordinal));
            Assert.Equal(e.Model.Ranking.Select(r => r.Rank), Enumerable.Range(1, 4));
            Assert.All(e.Model.Biomarkers.Zip(e.Model.Ranking), t => Assert.Equal(t.Second.Direction * t.Second.Importance, t.First.Coefficient));
        }
    }

    /// <summary>
    /// Writes the bit patterns of every ML.NET learner's predictions and leave-one-out null to the file named by
    /// LEARNER_DETERMINISM_OUT (when set): .ci/run runs this test in two processes and compares the files, which checks
    /// determinism across processes (and so across runs of the pipeline). Without the variable it checks the content is stable in-process.
    /// </summary>
    [Fact]
    public void Determinism_output_for_the_cross_process_check()
    {
        var (x, y) = StepData();
        var (x2, y2) = Data();
        var lines = new List<string>();
        foreach (var name in Learners.MlNetNames)
        {
            var learner = Learners.ByName(name);
            lines.Add($"{name} step {Bits(learner.Fit(x, y).Predict(x))}");
            lines.Add($"{name} loo {Bits(CrossValidation.LeaveOneOut(learner, x2, y2).Predicted.ToArray())}");
            lines.Add($"{name} null {Bits(CrossValidation.PermutationTest(learner, x2, y2, 5, seed: 3).Null.ToArray())}");
        }
        var text = string.Join('\n', lines) + "\n";
        if (Environment.GetEnvironmentVariable("LEARNER_DETERMINISM_OUT") is { Length: > 0 } path) File.WriteAllText(path, text);
        Assert.Equal(9, lines.Count);
    }

    private static string Bits(IReadOnlyList<double> values) =>
        string.Join(' ', values.Select(v => BitConverter.DoubleToInt64Bits(v).ToString("x16", CultureInfo.InvariantCulture)));
}
