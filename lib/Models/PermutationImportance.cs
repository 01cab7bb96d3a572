using System.Globalization;
using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Models;

/// <summary>
/// One feature's permutation importance (Breiman 2001; scikit-learn <c>permutation_importance</c> with
/// <c>scoring="neg_mean_squared_error"</c>): how much the mean squared error grows when that feature's column is
/// shuffled. <see cref="Direction"/> is the sign of the Spearman correlation between the feature and the model's
/// predictions on the same rows (+1: a higher score predicts a higher response, as a positive coefficient; 0 when
/// undefined). <see cref="SignedImportance"/> = Direction x Importance stands in for a coefficient where a patient
/// score needs one (score = sum of signed importance x standardised pathway score over the top k).
/// </summary>
/// <param name="Rank">1-based position by <paramref name="Importance"/>, descending (ties by name, ordinal).</param>
/// <param name="Name">The feature (pathway) name.</param>
/// <param name="Importance">Mean increase of the MSE over the shuffles, in squared response units; can be slightly
/// negative for a feature the model hardly uses.</param>
/// <param name="ImportanceSd">Sample sd (divisor repeats - 1) of the increases over the shuffles; 0 with one repeat.</param>
/// <param name="Direction">+1, -1, or 0 (Spearman undefined or 0), as described above.</param>
public sealed record FeatureImportance(int Rank, string Name, double Importance, double ImportanceSd, int Direction)
{
    /// <summary><see cref="Direction"/> x <see cref="Importance"/>: the coefficient stand-in.</summary>
    public double SignedImportance => Direction * Importance;
}

/// <summary>Model-agnostic permutation importance of a fitted learner, drawn from <see cref="Rng"/>.</summary>
public static class PermutationImportance
{
    /// <summary>
    /// Importance of each feature of <paramref name="model"/> on the rows <paramref name="x"/> (as the model expects them,
    /// e.g. standardised) with responses <paramref name="y"/>: for each feature and each of <paramref name="repeats"/>
    /// (1..10,000) shuffles of its column, MSE(shuffled) - MSE(original); the mean and the sample sd over repeats.
    /// Shuffle r of feature f comes from Rng.ForStream(seed, "permutation-importance", f, r), so the result depends on
    /// neither the thread count nor the feature order. Ranked by importance, descending; ties by name (ordinal).
    /// The expectation over all permutations is, for a linear model y = x.w + b with residuals e,
    /// 2 w_f^2 var(x_f) - 2 w_f cov(e, x_f) (population moments): the tests check it.
    /// </summary>
    public static IReadOnlyList<FeatureImportance> Compute(ITrainedModel model, double[,] x, double[] y, IReadOnlyList<string> featureNames,
        int repeats, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(featureNames);
        ModelInput.Check(x, y, minSamples: 2, $"PermutationImportance({model.ModelName})");
        int n = x.GetLength(0), p = x.GetLength(1);
        if (featureNames.Count != p) throw new ArgumentException($"PermutationImportance: {featureNames.Count} names for {p} features", nameof(featureNames));
        if (featureNames.Distinct(StringComparer.Ordinal).Count() != p) throw new ArgumentException("PermutationImportance: a feature name appears twice", nameof(featureNames));
        if (repeats is < 1 or > 10_000) throw new ArgumentException($"PermutationImportance: repeats must be in 1..10000, got {repeats}", nameof(repeats));

        var predicted = model.Predict(x);
        double baseline = Mse(predicted, y);
        var rows = new FeatureImportance[p];
        var work = (double[,])x.Clone();
        var column = new double[n];
        for (int f = 0; f < p; f++)
        {
            for (int i = 0; i < n; i++) column[i] = x[i, f];
            var increases = new double[repeats];
            for (int r = 0; r < repeats; r++)
            {
                var shuffled = Rng.ForStream(seed, "permutation-importance", featureNames[f], r.ToString(CultureInfo.InvariantCulture)).Shuffled(column);
                for (int i = 0; i < n; i++) work[i, f] = shuffled[i];
                increases[r] = Mse(model.Predict(work), y) - baseline;
            }
            for (int i = 0; i < n; i++) work[i, f] = x[i, f];
            double mean = increases.Average();
            double sd = repeats > 1 ? Math.Sqrt(increases.Sum(v => (v - mean) * (v - mean)) / (repeats - 1)) : 0;
            double rho = Correlation.Spearman(column, predicted);
            int direction = double.IsNaN(rho) || rho == 0 ? 0 : Math.Sign(rho);
            rows[f] = new FeatureImportance(0, featureNames[f], mean, sd, direction);
        }
        var ordered = rows.OrderByDescending(r => r.Importance).ThenBy(r => r.Name, StringComparer.Ordinal).ToArray();
        return Array.AsReadOnly(ordered.Select((r, i) => r with { Rank = i + 1 }).ToArray());
    }

    /// <summary>
    /// The ranking as biomarkers (rank, name, coefficient = <see cref="FeatureImportance.SignedImportance"/>), so a
    /// learner without coefficients feeds the same top-k patient split as the linear models.
    /// </summary>
    public static IReadOnlyList<RankedBiomarker> AsBiomarkers(IReadOnlyList<FeatureImportance> ranking) =>
        Array.AsReadOnly(ranking.Select(r => new RankedBiomarker(r.Rank, r.Name, r.SignedImportance)).ToArray());

    private static double Mse(double[] predicted, double[] y)
    {
        double s = 0;
        for (int i = 0; i < y.Length; i++) s += (predicted[i] - y[i]) * (predicted[i] - y[i]);
        return s / y.Length;
    }
}
