namespace OrganoidBiomarkers.Models;

/// <summary>
/// Per-feature standardisation z = (x - mean) / scale, fitted on training data and applied to new data
/// (scikit-learn StandardScaler with_mean=True, with_std=True). Scale is the POPULATION standard deviation
/// (divisor n, numpy's var). A constant feature gets scale 1, so it is only centred (scikit-learn's
/// _handle_zeros_in_scale). "Constant" is scikit-learn 1.x's test var &lt;= n eps var + (n eps mean)^2 (the rounding
/// bound of the two-pass variance). scikit-learn 0.20 (the authors') tested var == 0 only, so a constant column whose
/// computed mean is off by one rounding got a ~1e-17 scale and values of order +-1 instead of 0: the two versions
/// differ only on such degenerate features (none in the organoid data).
/// </summary>
/// <param name="Means">Per-feature mean of the training data (scikit-learn mean_).</param>
/// <param name="Scales">Per-feature population sd of the training data, 1 for a constant feature (scikit-learn scale_).</param>
public sealed record Standardizer(IReadOnlyList<double> Means, IReadOnlyList<double> Scales)
{
    /// <summary>Fits means and population standard deviations of each column of <paramref name="x"/> (samples x features).</summary>
    public static Standardizer Fit(double[,] x)
    {
        ArgumentNullException.ThrowIfNull(x);
        int n = x.GetLength(0), p = x.GetLength(1);
        if (n < 1) throw new ArgumentException("Standardizer: x has no rows (samples)", nameof(x));
        if (p < 1) throw new ArgumentException("Standardizer: x has no columns (features)", nameof(x));
        ModelInput.CheckFinite(x, "Standardizer");
        var means = new double[p];
        var scales = new double[p];
        for (int j = 0; j < p; j++)
        {
            double s = 0;
            for (int i = 0; i < n; i++) s += x[i, j];
            double mean = s / n;
            // Two-pass variance (numpy var): the mean of squared deviations from the computed mean.
            double ss = 0;
            for (int i = 0; i < n; i++) ss += (x[i, j] - mean) * (x[i, j] - mean);
            double variance = ss / n;
            means[j] = mean;
            double bound = n * MachineEpsilon * variance + (n * mean * MachineEpsilon) * (n * mean * MachineEpsilon);
            scales[j] = variance <= bound ? 1.0 : Math.Sqrt(variance);
        }
        return new Standardizer(Array.AsReadOnly(means), Array.AsReadOnly(scales));
    }

    // numpy's finfo(float64).eps = 2^-52 (.NET's double.Epsilon is the smallest subnormal, not this).
    private const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>(x - mean) / scale for each column; a new array, the input is untouched.</summary>
    public double[,] Transform(double[,] x)
    {
        ArgumentNullException.ThrowIfNull(x);
        int n = x.GetLength(0), p = x.GetLength(1);
        if (p != Means.Count)
            throw new ArgumentException($"Standardizer: x has {p} features but the scaler was fitted on {Means.Count}", nameof(x));
        ModelInput.CheckFinite(x, "Standardizer");
        var z = new double[n, p];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < p; j++) z[i, j] = (x[i, j] - Means[j]) / Scales[j];
        return z;
    }

    /// <summary>Fit then transform the same data.</summary>
    public static (Standardizer Scaler, double[,] Z) FitTransform(double[,] x)
    {
        var s = Fit(x);
        return (s, s.Transform(x));
    }
}
