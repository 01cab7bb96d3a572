using OrganoidBiomarkers.Models;
using Xunit;

namespace OrganoidBiomarkers.Tests.Models;

public class RidgeTests
{
    public static IEnumerable<object[]> RidgeCases =>
        ModelsGolden.Cases("ridge").Select((c, i) => new object[] { i, c.GetProperty("case").GetString()!, c.Num("alpha") });

    // Golden: Ridge(alpha).fit(x, y) for alphas 0.1, 0.5, 1, 10 on a p < n and a p > n data set.
    [Theory]
    [MemberData(nameof(RidgeCases))]
    public void Matches_sklearn_Ridge(int index, string name, double alpha)
    {
        var g = ModelsGolden.Cases("ridge").ElementAt(index);
        var fit = new Ridge(alpha).FitRidge(g.Mat("x"), g.Vec("y"));
        Close.Equal(g.Vec("coef"), fit.Coefficients, Tolerances.ClosedForm, $"{name} alpha {alpha} coef");
        Close.Equal(g.Num("intercept"), fit.Intercept, Tolerances.ClosedForm, $"{name} alpha {alpha} intercept");
        Close.Equal(g.Vec("predict"), fit.Predict(g.Mat("x")), Tolerances.ClosedForm, $"{name} predict");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void Rejects_non_positive_alpha(double alpha) =>
        Assert.Throws<ArgumentException>(() => new Ridge(alpha).Fit(new double[,] { { 1 }, { 2 }, { 3 } }, new double[] { 1, 2, 3 }));
}

public class KFoldTests
{
    // sklearn: [len(te) for _, te in KFold(3).split(range(n))] -> n=19: [7, 6, 6]; n=10: [4, 3, 3]; n=8: [3, 3, 2].
    [Theory]
    [InlineData(19, new[] { 7, 6, 6 })]
    [InlineData(10, new[] { 4, 3, 3 })]
    [InlineData(8, new[] { 3, 3, 2 })]
    [InlineData(9, new[] { 3, 3, 3 })]
    public void Contiguous_folds_with_sklearn_sizes(int n, int[] sizes)
    {
        var folds = KFold.Splits(n, 3);
        Assert.Equal(sizes, folds.Select(f => f.Test.Count));
        Assert.Equal(Enumerable.Range(0, n), folds.SelectMany(f => f.Test)); // contiguous, in row order
        foreach (var f in folds) Assert.Equal(Enumerable.Range(0, n).Except(f.Test), f.Train);
    }
}

public class RidgeCvTests
{
    public static IEnumerable<object[]> CvCases => ModelsGolden.Cases("ridgecv").Select(c => new object[] { c.GetProperty("case").GetString()! });

    // Golden: GridSearchCV(Ridge(), {'alpha': 0.1..0.9}, cv=3) per-fold R^2 (cv_results_ split*_test_score); the 0.20
    // weighted mean np.average(split, weights=fold sizes) and 1.2's plain mean; RidgeCV(alphas, cv=3).alpha_ == the
    // unweighted argmax (asserted in the script); coefficients of the refit at each chosen alpha.
    [Theory]
    [MemberData(nameof(CvCases))]
    public void Matches_sklearn_GridSearchCV_scores_and_choice(string name)
    {
        var g = ModelsGolden.Case("ridgecv", name);
        var x = g.Mat("x");
        var y = g.Vec("y");
        var alphas = g.Vec("alphas");
        Assert.Equal(alphas, RidgeCv.AuthorsAlphas);

        var weighted = new RidgeCv(averaging: FoldAveraging.WeightedByTestSize).FitRidgeCv(x, y);
        var plain = new RidgeCv(averaging: FoldAveraging.Unweighted).FitRidgeCv(x, y);
        Assert.Equal(g.Ints("fold_sizes"), weighted.FoldSizes);
        var expectedScores = g.Mat("fold_scores");
        for (int a = 0; a < alphas.Length; a++)
            for (int f = 0; f < 3; f++)
                Close.Equal(expectedScores[a, f], weighted.FoldScores[a][f], Tolerances.ClosedForm, $"{name} R2 alpha {alphas[a]} fold {f}");
        Close.Equal(g.Vec("mean_weighted"), weighted.MeanScores, Tolerances.ClosedForm, $"{name} weighted means");
        Close.Equal(g.Vec("mean_unweighted"), plain.MeanScores, Tolerances.ClosedForm, $"{name} unweighted means");

        Assert.Equal(g.Num("alpha_weighted"), weighted.Alpha);
        Assert.Equal(g.Num("alpha_unweighted"), plain.Alpha);
        Close.Equal(g.Vec("coef_weighted"), weighted.Coefficients, Tolerances.ClosedForm, $"{name} refit coef (0.20)");
        Close.Equal(g.Num("intercept_weighted"), weighted.Intercept, Tolerances.ClosedForm, $"{name} refit intercept (0.20)");
        Close.Equal(g.Vec("coef_unweighted"), plain.Coefficients, Tolerances.ClosedForm, $"{name} refit coef (1.2)");
        Close.Equal(g.Num("intercept_unweighted"), plain.Intercept, Tolerances.ClosedForm, $"{name} refit intercept (1.2)");
    }

    [Fact]
    public void Golden_holds_a_case_where_fold_weighting_changes_the_alpha()
    {
        // Guards the test above from silently losing its discriminating case when the golden file is regenerated.
        var g = ModelsGolden.Case("ridgecv", "weighting_changes_choice");
        Assert.NotEqual(g.Num("alpha_weighted"), g.Num("alpha_unweighted"));
        Assert.NotEqual(0, g.GetProperty("x").GetArrayLength() % 3); // n not divisible by 3: unequal folds
    }

    [Fact]
    public void Ties_go_to_the_first_alpha()
    {
        // y constant: every fold's R^2 is 1 (exact prediction of the training mean) for every alpha.
        var x = new double[,] { { 1 }, { 2 }, { 3 }, { 4 }, { 5 }, { 6 }, { 7 } };
        var fit = new RidgeCv(new[] { 0.5, 0.2, 0.9 }).FitRidgeCv(x, new double[] { 2, 2, 2, 2, 2, 2, 2 });
        Assert.All(fit.MeanScores, s => Assert.Equal(1.0, s));
        Assert.Equal(0.5, fit.Alpha);
    }

    [Fact]
    public void Too_few_samples_for_three_folds_of_two()
    {
        var x = new double[,] { { 1 }, { 2 }, { 3 }, { 4 }, { 5 } };
        var e = Assert.Throws<ArgumentException>(() => new RidgeCv().Fit(x, new double[] { 1, 2, 3, 4, 5 }));
        Assert.Contains("at least 6 samples", e.Message);
    }
}
