namespace OrganoidBiomarkers.Qc;

/// <summary>Sample quantiles with the convention stated.</summary>
public static class Quantiles
{
    /// <summary>
    /// The p-quantile by linear interpolation between order statistics at position (n - 1) p (0-based): numpy.percentile's
    /// default ('linear'), R's type 7, pandas' quantile. Matches numpy 1.24.2 <c>percentile</c> to 1e-12 (tests/…/Golden/qc, "fence").
    /// </summary>
    /// <param name="values">At least 1 finite value, in any order.</param>
    /// <param name="p">Probability, 0 &lt;= p &lt;= 1 (0.25 for Q1).</param>
    /// <exception cref="ArgumentException">The list is empty, a value is not finite, or <paramref name="p"/> is outside [0, 1].</exception>
    public static double Linear(IReadOnlyList<double> values, double p)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) throw new ArgumentException("quantile of an empty list");
        if (!(p >= 0 && p <= 1)) throw new ArgumentException($"quantile probability {p} is outside [0, 1]");
        var sorted = values.ToArray();
        foreach (var v in sorted)
            if (!double.IsFinite(v)) throw new ArgumentException($"quantile: value {v} is not finite");
        Array.Sort(sorted);
        double h = (sorted.Length - 1) * p;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
