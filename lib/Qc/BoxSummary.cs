namespace OrganoidBiomarkers.Qc;

/// <summary>
/// A Tukey box plot's numbers, as matplotlib.cbook.boxplot_stats(whis=1.5): quartiles by linear interpolation
/// (<see cref="Quantiles.Linear"/>); the high whisker at the largest value &lt;= Q3 + 1.5 IQR (never below Q3), the low
/// whisker at the smallest value &gt;= Q1 - 1.5 IQR (never above Q1); Beyond counts the values outside the whiskers.
/// Matches <c>boxplot_stats</c> (matplotlib 3.6.3) to 1e-12 and its flier count exactly (tests/…/Golden/qc, "box").
/// </summary>
/// <param name="Q1">First quartile (linear interpolation).</param>
/// <param name="Median">Median.</param>
/// <param name="Q3">Third quartile.</param>
/// <param name="WhiskerLow">Low whisker end: a data value, &lt;= Q1.</param>
/// <param name="WhiskerHigh">High whisker end: a data value (or Q3), &gt;= Q3.</param>
/// <param name="Beyond">Values below the low or above the high whisker (matplotlib's fliers).</param>
public sealed record BoxSummary(double Q1, double Median, double Q3, double WhiskerLow, double WhiskerHigh, int Beyond)
{
    /// <summary>The box plot numbers of <paramref name="values"/>.</summary>
    /// <param name="values">At least 1 finite value.</param>
    /// <param name="whisker">Whisker reach in IQRs (matplotlib's <c>whis</c>), 1.5 by convention.</param>
    /// <exception cref="ArgumentException">The list is empty or holds a non-finite value.</exception>
    public static BoxSummary Of(IReadOnlyList<double> values, double whisker = TukeyFence.Conventional)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) throw new ArgumentException("box summary of an empty list");
        double q1 = Quantiles.Linear(values, 0.25), median = Quantiles.Linear(values, 0.5), q3 = Quantiles.Linear(values, 0.75);
        double iqr = q3 - q1, lowLimit = q1 - whisker * iqr, highLimit = q3 + whisker * iqr;
        double high = double.NegativeInfinity, low = double.PositiveInfinity;
        foreach (var v in values)
        {
            if (v <= highLimit && v > high) high = v;
            if (v >= lowLimit && v < low) low = v;
        }
        high = high < q3 ? q3 : high; // also covers "no value <= limit" (high is -inf)
        low = low > q1 ? q1 : low;
        int beyond = values.Count(v => v < low || v > high);
        return new BoxSummary(q1, median, q3, low, high, beyond);
    }
}
