namespace OrganoidBiomarkers.Common;

/// <summary>
/// Correlation coefficients used across stages (QC, proximity agreement, model comparison, baselines). Pearson matches
/// <c>scipy.stats.pearsonr</c> (scipy 1.10.1) to 1e-12 (tests/…/Golden/qc, through <c>Qc.Agreement.Pearson</c>);
/// Spearman matches <c>scipy.stats.spearmanr</c> with ties in both vectors to 1e-10 (tests/…/Golden/models).
/// Tolerances are relative to max(1, |expected|).
/// </summary>
public static class Correlation
{
    /// <summary>
    /// Spearman's rank correlation in [-1, 1]: Pearson's r of the average-tie ranks (scipy.stats.spearmanr).
    /// NaN when either vector is constant (the correlation is undefined).
    /// </summary>
    /// <param name="a">At least 2 finite values.</param>
    /// <param name="b">As many finite values as <paramref name="a"/>.</param>
    /// <returns>rho in [-1, 1], or NaN when either vector is constant.</returns>
    /// <exception cref="ArgumentException">Lengths differ, fewer than 2 pairs, or a value is NaN or infinite.</exception>
    public static double Spearman(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        CheckPair(a, b, "Spearman");
        if (a.Count < 2) throw new ArgumentException($"Spearman: needs at least 2 pairs, got {a.Count}");
        return Pearson(Ranks.Of(a, TieRanking.Average), Ranks.Of(b, TieRanking.Average));
    }

    /// <summary>Pearson's product-moment correlation in [-1, 1]; NaN when either vector is constant.</summary>
    /// <param name="a">At least 1 finite value (a single pair is constant, so gives NaN).</param>
    /// <param name="b">As many finite values as <paramref name="a"/>.</param>
    /// <returns>r in [-1, 1], or NaN when either vector is constant.</returns>
    /// <exception cref="ArgumentException">Lengths differ, the input is empty, or a value is NaN or infinite.</exception>
    public static double Pearson(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        CheckPair(a, b, "Pearson");
        double ma = Statistics.Mean(a), mb = Statistics.Mean(b);
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

    internal static void CheckPair(IReadOnlyList<double> a, IReadOnlyList<double> b, string what)
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
