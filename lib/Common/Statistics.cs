namespace OrganoidBiomarkers.Common;

/// <summary>Small descriptive statistics with the conventions stated (used across stages).</summary>
public static class Statistics
{
    /// <summary>Median; the mean of the two middle values for even n (numpy/pandas convention).</summary>
    /// <param name="values">At least 1 value.</param>
    /// <exception cref="ArgumentException">The list is empty.</exception>
    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) throw new ArgumentException("median of an empty list");
        var sorted = values.ToArray();
        Array.Sort(sorted);
        int n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    /// <summary>Arithmetic mean, summed in list order.</summary>
    /// <param name="values">At least 1 value.</param>
    /// <exception cref="ArgumentException">The list is empty.</exception>
    public static double Mean(IReadOnlyList<double> values)
    {
        if (values.Count == 0) throw new ArgumentException("mean of an empty list");
        double s = 0;
        for (int i = 0; i < values.Count; i++) s += values[i];
        return s / values.Count;
    }
}
