namespace OrganoidBiomarkers.Qc;

/// <summary>
/// Tukey's lower fence (Tukey 1977, Exploratory Data Analysis): a value is a low outlier when it lies strictly below
/// Q1 - k IQR, with Q1, Q3 the linear-interpolation quartiles (<see cref="Quantiles.Linear"/>) and IQR = Q3 - Q1.
/// Only the low side is used for sample quality: a sample that correlates unusually WELL with the others is not suspect.
/// Quartiles and fence match numpy 1.24.2 <c>percentile</c> to 1e-12 (tests/…/Golden/qc, "fence").
/// </summary>
/// <param name="Q1">First quartile of the values.</param>
/// <param name="Q3">Third quartile.</param>
/// <param name="K">Multiplier of the IQR, > 0.</param>
/// <param name="Below">One flag per value, in input order: true when strictly below <see cref="Lower"/>.</param>
public sealed record TukeyFence(double Q1, double Q3, double K, IReadOnlyList<bool> Below)
{
    /// <summary>Tukey's conventional multiplier for "outside" values.</summary>
    public const double Conventional = 1.5;

    /// <summary>Interquartile range Q3 - Q1 (>= 0).</summary>
    public double Iqr => Q3 - Q1;

    /// <summary>The fence Q1 - K IQR; a value equal to it is not flagged.</summary>
    public double Lower => Q1 - K * Iqr;

    /// <summary>Flags each value strictly below Q1 - k IQR (in input order).</summary>
    /// <param name="values">At least 4 finite values (e.g. each organoid's median r to the others).</param>
    /// <param name="k">Multiplier, positive and finite (<see cref="Conventional"/> 1.5).</param>
    /// <exception cref="ArgumentException">Fewer than 4 values, a non-finite value, or an invalid <paramref name="k"/>.</exception>
    public static TukeyFence Low(IReadOnlyList<double> values, double k = Conventional)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count < 4) throw new ArgumentException($"Tukey fence: needs at least 4 values to estimate quartiles, got {values.Count}");
        if (!(k > 0) || !double.IsFinite(k)) throw new ArgumentException($"Tukey fence: multiplier k must be positive and finite, got {k}");
        double q1 = Quantiles.Linear(values, 0.25), q3 = Quantiles.Linear(values, 0.75);
        double lower = q1 - k * (q3 - q1);
        return new TukeyFence(q1, q3, k, values.Select(v => v < lower).ToArray());
    }
}
