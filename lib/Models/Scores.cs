namespace OrganoidBiomarkers.Models;

/// <summary>Prediction scores used by model selection and cross-validation.</summary>
public static class Scores
{
    /// <summary>
    /// Coefficient of determination R^2 = 1 - sum (y - f)^2 / sum (y - mean y)^2 (scikit-learn r2_score, the default
    /// score of every regressor). When the observed values are constant: 1 if the predictions are exact, else 0, as
    /// scikit-learn.
    /// </summary>
    public static double RSquared(IReadOnlyList<double> observed, IReadOnlyList<double> predicted)
    {
        CheckPair(observed, predicted, "RSquared");
        double mean = ModelInput.Mean(observed);
        double ssRes = 0, ssTot = 0;
        for (int i = 0; i < observed.Count; i++)
        {
            ssRes += (observed[i] - predicted[i]) * (observed[i] - predicted[i]);
            ssTot += (observed[i] - mean) * (observed[i] - mean);
        }
        if (ssTot == 0) return ssRes == 0 ? 1.0 : 0.0;
        return 1 - ssRes / ssTot;
    }

    /// <summary>Root mean squared error sqrt(mean (y - f)^2).</summary>
    public static double Rmse(IReadOnlyList<double> observed, IReadOnlyList<double> predicted)
    {
        CheckPair(observed, predicted, "Rmse");
        double s = 0;
        for (int i = 0; i < observed.Count; i++) s += (observed[i] - predicted[i]) * (observed[i] - predicted[i]);
        return Math.Sqrt(s / observed.Count);
    }

    /// <summary>
    /// Spearman's rank correlation: Pearson correlation of the average-tie ranks (scipy.stats.spearmanr).
    /// NaN when either vector is constant (the correlation is undefined).
    /// </summary>
    public static double Spearman(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        CheckPair(a, b, "Spearman");
        if (a.Count < 2) throw new ArgumentException($"Spearman: needs at least 2 pairs, got {a.Count}");
        return Pearson(Common.Ranks.Of(a, Common.TieRanking.Average), Common.Ranks.Of(b, Common.TieRanking.Average));
    }

    /// <summary>Pearson's product-moment correlation; NaN when either vector is constant.</summary>
    public static double Pearson(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        CheckPair(a, b, "Pearson");
        double ma = ModelInput.Mean(a), mb = ModelInput.Mean(b);
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.Count; i++)
        {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        if (saa == 0 || sbb == 0) return double.NaN;
        return sab / Math.Sqrt(saa * sbb);
    }

    private static void CheckPair(IReadOnlyList<double> a, IReadOnlyList<double> b, string what)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count) throw new ArgumentException($"{what}: lengths differ ({a.Count} vs {b.Count})");
        if (a.Count == 0) throw new ArgumentException($"{what}: empty input");
        for (int i = 0; i < a.Count; i++)
            if (!double.IsFinite(a[i]) || !double.IsFinite(b[i]))
                throw new ArgumentException($"{what}: value {i} is not finite ({a[i]}, {b[i]})");
    }
}
