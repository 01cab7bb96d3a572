using OrganoidBiomarkers.Models;
using Xunit;

namespace OrganoidBiomarkers.Tests.Models;

/// <summary>
/// Permutation importance against its closed-form expectation for a linear model (an independent reference: the exact
/// average over all n! shuffles), and its bookkeeping (ranking, direction, determinism).
/// </summary>
public class PermutationImportanceTests
{
    private static (double[,] X, double[] Y, string[] Names) Data()
    {
        var g = ModelsGolden.Root.GetProperty("loo");
        return (Standardizer.FitTransform(g.Mat("x")).Z, g.Vec("y"), new[] { "f0", "f1", "f2", "f3" });
    }

    [Fact]
    public void The_mean_over_many_shuffles_approaches_the_closed_form_expectation()
    {
        // For y_hat = x.w + b with residuals e = y_hat - y: E[MSE(column f shuffled)] - MSE = 2 w_f^2 var(x_f) - 2 w_f cov(e, x_f)
        // (population moments; each row's shuffled value is uniform over the column). Statistical tolerance: 5 sd / sqrt(repeats).
        var (x, y, names) = Data();
        var fit = new Ridge(1.0).FitRidge(x, y);
        var predicted = fit.Predict(x);
        const int repeats = 4000;
        var rows = PermutationImportance.Compute(fit, x, y, names, repeats, seed: 99).ToDictionary(r => r.Name);
        int n = y.Length;
        for (int f = 0; f < 4; f++)
        {
            var col = Enumerable.Range(0, n).Select(i => x[i, f]).ToArray();
            double mean = col.Average(), varX = col.Sum(v => (v - mean) * (v - mean)) / n;
            var e = Enumerable.Range(0, n).Select(i => predicted[i] - y[i]).ToArray();
            double eMean = e.Average(), cov = Enumerable.Range(0, n).Sum(i => (e[i] - eMean) * (col[i] - mean)) / n;
            double w = fit.Coefficients[f];
            double expected = 2 * w * w * varX - 2 * w * cov;
            var r = rows[names[f]];
            double bound = 5 * r.ImportanceSd / Math.Sqrt(repeats);
            Assert.True(Math.Abs(r.Importance - expected) <= bound, $"{names[f]}: {r.Importance} vs expected {expected} (bound {bound})");
            Assert.Equal(Math.Sign(w), r.Direction);
        }
    }

    [Fact]
    public void Ranked_by_importance_with_stable_streams_and_signed_biomarkers()
    {
        var (x, y, names) = Data();
        var fit = new Ridge(1.0).FitRidge(x, y);
        var a = PermutationImportance.Compute(fit, x, y, names, 10, seed: 1);
        var b = PermutationImportance.Compute(fit, x, y, names, 10, seed: 1);
        Assert.Equal(a, b);
        Assert.Equal(new[] { 1, 2, 3, 4 }, a.Select(r => r.Rank));
        Assert.True(a.Zip(a.Skip(1)).All(t => t.First.Importance >= t.Second.Importance));
        // The stream of a feature depends on its name, not its position: reversing the columns changes nothing.
        var reversed = new double[x.GetLength(0), 4];
        for (int i = 0; i < x.GetLength(0); i++) for (int j = 0; j < 4; j++) reversed[i, j] = x[i, 3 - j];
        var fitR = new Ridge(1.0).FitRidge(reversed, y);
        var c = PermutationImportance.Compute(fitR, reversed, y, names.Reverse().ToArray(), 10, seed: 1);
        foreach (var r in a)
        {
            var other = c.Single(q => q.Name == r.Name);
            Assert.Equal(r.Importance, other.Importance, 12);
            Assert.Equal(r.Rank, other.Rank);
        }
        var biomarkers = PermutationImportance.AsBiomarkers(a);
        Assert.Equal(a.Select(r => r.Name), biomarkers.Select(m => m.Name));
        Assert.Equal(a.Select(r => r.Direction * r.Importance), biomarkers.Select(m => m.Coefficient));
        Assert.Throws<ArgumentException>(() => PermutationImportance.Compute(fit, x, y, names.Take(3).ToArray(), 10, 1));
        Assert.Throws<ArgumentException>(() => PermutationImportance.Compute(fit, x, y, names, 0, 1));
    }
}
