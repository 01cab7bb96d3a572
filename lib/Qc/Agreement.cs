using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Qc;

/// <summary>Agreement between two measurements of the same units (e.g. replicate 1 and replicate 2 of a drug screen).</summary>
public static class Agreement
{
    /// <summary>Pearson's product-moment correlation (scipy.stats.pearsonr); NaN when either vector is constant.</summary>
    public static double Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y) => Correlation.Pearson(x, y);

    /// <summary>
    /// Lin's concordance correlation coefficient (Lin 1989, Biometrics 45:255):
    /// rho_c = 2 s_xy / (s_x^2 + s_y^2 + (mean_x - mean_y)^2), with the 1/n (population) moments of Lin's estimator.
    /// Unlike Pearson's r it falls when one replicate is shifted or scaled against the other: it measures agreement with
    /// the identity line, not just linear association. NaN when both vectors are constant and equal (0/0).
    /// </summary>
    public static double LinConcordance(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        Check(x, y);
        int n = x.Count;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) { mx += x[i]; my += y[i]; }
        mx /= n;
        my /= n;
        double sxx = 0, syy = 0, sxy = 0;
        for (int i = 0; i < n; i++)
        {
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        double denominator = sxx / n + syy / n + (mx - my) * (mx - my);
        return denominator == 0 ? double.NaN : 2 * (sxy / n) / denominator;
    }

    private static void Check(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count) throw new ArgumentException($"concordance: lengths differ ({x.Count} vs {y.Count})");
        if (x.Count < 2) throw new ArgumentException($"concordance: needs at least 2 pairs, got {x.Count}");
        for (int i = 0; i < x.Count; i++)
            if (!double.IsFinite(x[i]) || !double.IsFinite(y[i]))
                throw new ArgumentException($"concordance: pair {i} is not finite ({x[i]}, {y[i]})");
    }
}
