using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Qc;

/// <summary>
/// Agreement between two measurements of the same units (e.g. replicate 1 and replicate 2 of a drug screen). Both match
/// their references to 1e-12 (tests/…/Golden/qc, "agreement"): Pearson <c>scipy.stats.pearsonr</c> (scipy 1.10.1),
/// Lin's CCC an independent numpy form (population covariance), itself checked against Lin's 2 r s_x s_y form.
/// </summary>
public static class Agreement
{
    /// <summary>Pearson's product-moment correlation (scipy.stats.pearsonr); NaN when either vector is constant.</summary>
    /// <param name="x">Finite values (e.g. replicate 1 ln IC50s).</param>
    /// <param name="y">As many finite values as <paramref name="x"/>.</param>
    /// <exception cref="ArgumentException">Lengths differ, the input is empty, or a value is not finite.</exception>
    public static double Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y) => Correlation.Pearson(x, y);

    /// <summary>
    /// Lin's concordance correlation coefficient (Lin 1989, Biometrics 45:255):
    /// rho_c = 2 s_xy / (s_x^2 + s_y^2 + (mean_x - mean_y)^2), with the 1/n (population) moments of Lin's estimator.
    /// Unlike Pearson's r it falls when one replicate is shifted or scaled against the other: it measures agreement with
    /// the identity line, not just linear association. NaN when both vectors are constant and equal (0/0).
    /// </summary>
    /// <param name="x">At least 2 finite values.</param>
    /// <param name="y">As many finite values as <paramref name="x"/>, in the same units.</param>
    /// <returns>rho_c in [-1, 1], or NaN (see above).</returns>
    /// <exception cref="ArgumentException">Lengths differ, fewer than 2 pairs, or a value is not finite.</exception>
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
