namespace OrganoidBiomarkers.Qc;

/// <summary>
/// A Tukey box plot's numbers, as matplotlib.cbook.boxplot_stats(whis=1.5): quartiles by linear interpolation
/// (<see cref="Quantiles.Linear"/>); the high whisker at the largest value &lt;= Q3 + 1.5 IQR (never below Q3), the low
/// whisker at the smallest value &gt;= Q1 - 1.5 IQR (never above Q1); Beyond counts the values outside the whiskers.
/// </summary>
public sealed record BoxSummary(double Q1, double Median, double Q3, double WhiskerLow, double WhiskerHigh, int Beyond)
{
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
