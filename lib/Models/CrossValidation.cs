using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Models;

/// <summary>Whether features are standardised inside each cross-validation fit.</summary>
public enum FeatureScaling
{
    /// <summary>A <see cref="Standardizer"/> is fitted on the training rows only and applied to the held-out row.</summary>
    StandardizeOnTrainingFold,
    /// <summary>Features are used as given.</summary>
    None,
}

/// <summary>The statistic a permutation test compares; the direction of "at least as extreme" follows from it.</summary>
public enum PermutationStatistic
{
    /// <summary>Spearman rho of predicted vs observed; extreme = null &gt;= observed.</summary>
    SpearmanRho,
    /// <summary>Root mean squared error; extreme = null &lt;= observed.</summary>
    Rmse,
}

/// <summary>The mean-predicting baseline under the same leave-one-out: each held-out sample is predicted by the mean of
/// the others. Its Spearman rho is always -1 (the left-out mean falls as the left-out value rises), so only RMSE is
/// reported.</summary>
/// <param name="Predicted">Per sample, the mean of the other samples' responses (sample order).</param>
/// <param name="Rmse">Root mean squared error of <paramref name="Predicted"/> against the observations (response units).</param>
public sealed record MeanBaseline(IReadOnlyList<double> Predicted, double Rmse);

/// <summary>Leave-one-out predictions of one model (model and scaling refitted per fold) and their agreement with the observations.</summary>
/// <param name="ModelName">The learner's <see cref="ILearner.Name"/>.</param>
/// <param name="Scaling">Whether a scaler was refitted inside each fold.</param>
/// <param name="Observed">The responses y, sample order.</param>
/// <param name="Predicted">Each sample's prediction by the model fitted without it, sample order.</param>
/// <param name="SpearmanRho">Spearman rho (average ties) of <paramref name="Predicted"/> vs <paramref name="Observed"/>, in
/// [-1, 1]; NaN when the predictions are constant (e.g. a tree ensemble that never splits).</param>
/// <param name="Rmse">Root mean squared error of the predictions (response units).</param>
/// <param name="Baseline">The mean-predicting baseline under the same leave-one-out.</param>
public sealed record LeaveOneOutResult(
    string ModelName,
    FeatureScaling Scaling,
    IReadOnlyList<double> Observed,
    IReadOnlyList<double> Predicted,
    double SpearmanRho,
    double Rmse,
    MeanBaseline Baseline);

/// <summary>
/// A permutation null of a leave-one-out statistic: y is shuffled <see cref="Permutations"/> times (permutations drawn
/// in sequence from Rng(<see cref="Seed"/>)), the whole leave-one-out rerun on each, and
/// p = (1 + #null at least as extreme) / (1 + permutations) (Phipson and Smyth 2010). A NaN null value (e.g. constant
/// predictions) counts as at least as extreme, to stay conservative.
/// </summary>
/// <param name="ModelName">The learner's <see cref="ILearner.Name"/>.</param>
/// <param name="Statistic">The statistic compared, which sets the direction of "extreme".</param>
/// <param name="Observed">The statistic of the leave-one-out on the real y (NaN when undefined, e.g. constant predictions).</param>
/// <param name="Null">The statistic on each shuffled y, in the order the shuffles were drawn (NaN where undefined).</param>
/// <param name="Seed">The <see cref="Rng"/> seed the shuffles were drawn from.</param>
/// <param name="PValue">(1 + #extreme) / (1 + permutations), in (0, 1]; NaN when <paramref name="Observed"/> is NaN.</param>
public sealed record PermutationTestResult(
    string ModelName,
    PermutationStatistic Statistic,
    double Observed,
    IReadOnlyList<double> Null,
    ulong Seed,
    double PValue)
{
    /// <summary>Number of shuffles in the null (the length of <see cref="Null"/>).</summary>
    public int Permutations => Null.Count;
}

/// <summary>Cross-validation utilities for the stage-04 notebook.</summary>
public static class CrossValidation
{
    /// <summary>
    /// Leave-one-out: for each sample, fit the scaler (per <paramref name="scaling"/>) and the model on the other
    /// samples, predict the held-out one. Reports Spearman rho (average ties) and RMSE of predicted vs observed, and
    /// the mean-predicting baseline.
    /// </summary>
    public static LeaveOneOutResult LeaveOneOut(ILearner model, double[,] x, double[] y,
        FeatureScaling scaling = FeatureScaling.StandardizeOnTrainingFold)
    {
        ArgumentNullException.ThrowIfNull(model);
        ModelInput.Check(x, y, minSamples: 3, $"LeaveOneOut({model.Name})");
        var predicted = LeaveOneOutPredictions(model, x, y, scaling);
        int n = y.Length;
        var baseline = new double[n];
        for (int i = 0; i < n; i++)
        {
            double s = 0;
            for (int k = 0; k < n; k++) if (k != i) s += y[k];
            baseline[i] = s / (n - 1);
        }
        return new LeaveOneOutResult(model.Name, scaling, ModelInput.ReadOnly(y), Array.AsReadOnly(predicted),
            Correlation.Spearman(y, predicted), Scores.Rmse(y, predicted),
            new MeanBaseline(Array.AsReadOnly(baseline), Scores.Rmse(y, baseline)));
    }

    /// <summary>
    /// Permutation test of the leave-one-out <paramref name="statistic"/>: the observed value on the real y against
    /// <paramref name="permutations"/> reruns on shuffled y. Deterministic for a seed, whatever the thread count:
    /// the permutations are drawn in sequence first, then evaluated in parallel into fixed slots. For ridge, RidgeCV
    /// and least squares the reruns use precomputed linear maps from y to the held-out predictions (exact: these fits
    /// are linear in y for a fixed x; equal to refitting up to rounding), which makes thousands of permutations cheap;
    /// SVR and every other learner (e.g. the ML.NET tree ensembles) are refitted on every shuffle; an
    /// <see cref="IPoolWaitingLearner"/> (FastTree) on threads of its own rather than the pool's.
    /// </summary>
    public static PermutationTestResult PermutationTest(ILearner model, double[,] x, double[] y, int permutations, ulong seed,
        PermutationStatistic statistic = PermutationStatistic.SpearmanRho,
        FeatureScaling scaling = FeatureScaling.StandardizeOnTrainingFold)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (permutations < 1) throw new ArgumentException($"PermutationTest: needs at least 1 permutation, got {permutations}", nameof(permutations));
        ModelInput.Check(x, y, minSamples: 3, $"PermutationTest({model.Name})");
        // Folds, scalers and (for ridge, RidgeCV and least squares) the linear maps from y to the held-out predictions
        // depend on x only: built once, then applied to the observed y and to every shuffle (LeaveOneOutPredictor).
        var predictor = LeaveOneOutPredictor.For(model, x, scaling);
        double observed = Statistic(statistic, y, predictor.Predict(y));

        var rng = new Rng(seed);
        var shuffled = new double[permutations][];
        for (int k = 0; k < permutations; k++) shuffled[k] = rng.Shuffled(y);
        var nulls = new double[permutations];
        if (model is IPoolWaitingLearner)
            DedicatedThreads.For(permutations, Environment.ProcessorCount, k => nulls[k] = Statistic(statistic, shuffled[k], predictor.Predict(shuffled[k])));
        else
            Parallel.For(0, permutations, k => nulls[k] = Statistic(statistic, shuffled[k], predictor.Predict(shuffled[k])));

        int extreme = 0;
        foreach (var v in nulls)
        {
            bool atLeast = double.IsNaN(v) || statistic switch
            {
                PermutationStatistic.SpearmanRho => v >= observed,
                PermutationStatistic.Rmse => v <= observed,
                _ => throw new ArgumentOutOfRangeException(nameof(statistic)),
            };
            if (atLeast) extreme++;
        }
        double p = double.IsNaN(observed) ? double.NaN : (1.0 + extreme) / (1.0 + permutations);
        return new PermutationTestResult(model.Name, statistic, observed, Array.AsReadOnly(nulls), seed, p);
    }

    private static double Statistic(PermutationStatistic statistic, double[] y, double[] predicted) => statistic switch
    {
        PermutationStatistic.SpearmanRho => Correlation.Spearman(y, predicted),
        PermutationStatistic.Rmse => Scores.Rmse(y, predicted),
        _ => throw new ArgumentOutOfRangeException(nameof(statistic)),
    };

    private static double[] LeaveOneOutPredictions(ILearner model, double[,] x, double[] y, FeatureScaling scaling) =>
        LeaveOneOutPredictor.Refitting(model, x, scaling).Predict(y);
}
