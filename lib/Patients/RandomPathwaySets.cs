using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Patients;

/// <summary>Random pathway sets of a fixed size, and the empirical p-value of an observed statistic against them.</summary>
public static class RandomPathwaySets
{
    /// <summary>
    /// <paramref name="size"/> distinct pathways drawn uniformly without replacement from <paramref name="pool"/>
    /// (a partial Fisher-Yates shuffle of the pool in ordinal order, so the draw does not depend on the pool's input
    /// order), returned in ordinal order.
    /// </summary>
    /// <param name="pool">The candidate pathways, no name twice.</param>
    /// <param name="size">Pathways to draw, 1..pool size.</param>
    /// <param name="rng">The stream to draw from (<see cref="Rng.ForStream"/>); advanced by <paramref name="size"/> draws.</param>
    /// <exception cref="ArgumentException">A pathway is in the pool twice, or <paramref name="size"/> is outside 1..pool size.</exception>
    public static IReadOnlyList<string> Draw(IReadOnlyCollection<string> pool, int size, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(rng);
        var items = pool.Order(StringComparer.Ordinal).ToArray();
        for (int i = 1; i < items.Length; i++)
            if (string.Equals(items[i], items[i - 1], StringComparison.Ordinal)) throw new ArgumentException($"pathway '{items[i]}' is in the pool twice", nameof(pool));
        if (size < 1 || size > items.Length) throw new ArgumentException($"size must be 1..{items.Length} (the pool), got {size}", nameof(size));
        for (int i = 0; i < size; i++)
        {
            int j = i + rng.NextInt(items.Length - i);
            (items[i], items[j]) = (items[j], items[i]);
        }
        var drawn = items[..size];
        Array.Sort(drawn, StringComparer.Ordinal);
        return drawn;
    }

    /// <summary>Relative tolerance under which a null statistic counts as tied with the observed one (rounding, not signal).</summary>
    public const double TieTolerance = 1e-9;

    /// <summary>
    /// Empirical p-value (1 + #null &gt;= observed) / (1 + n) (Davison and Hinkley 1997; North et al. 2002): the
    /// observed statistic counts as one draw of the null, so p is never 0. Larger statistics are more extreme.
    /// A draw within <paramref name="relativeTolerance"/> x |observed| below the observed value counts as a tie (as
    /// scipy.stats.permutation_test does with 100 eps): statistics equal in exact arithmetic but computed along another
    /// path can differ by rounding, e.g. a split by the same pathway with the opposite coefficient sign, whose log-rank
    /// chi-square is the same but can come out a few ulps lower. Every null of the pipeline uses the default.
    /// </summary>
    /// <param name="observed">The observed statistic (e.g. a log-rank chi-square), not NaN.</param>
    /// <param name="nulls">The statistics of the null draws, at least one, none NaN.</param>
    /// <param name="relativeTolerance">Tie tolerance relative to |observed|, in [0, 1) (default <see cref="TieTolerance"/>).</param>
    /// <returns>p in (0, 1], at least 1 / (1 + n).</returns>
    /// <exception cref="ArgumentException">No null values, a NaN among them or as the observed value, or a tolerance outside [0, 1).</exception>
    public static double EmpiricalP(double observed, IReadOnlyList<double> nulls, double relativeTolerance = TieTolerance)
    {
        ArgumentNullException.ThrowIfNull(nulls);
        if (double.IsNaN(observed)) throw new ArgumentException("the observed statistic is NaN", nameof(observed));
        if (nulls.Count == 0) throw new ArgumentException("no null draws", nameof(nulls));
        if (!(relativeTolerance >= 0 && relativeTolerance < 1)) throw new ArgumentException($"the relative tolerance must be in [0, 1), got {relativeTolerance}", nameof(relativeTolerance));
        double threshold = relativeTolerance == 0 ? observed : observed - relativeTolerance * Math.Abs(observed);
        int atLeast = 0;
        foreach (var v in nulls)
        {
            if (double.IsNaN(v)) throw new ArgumentException("a null draw is NaN: drop undefined draws first and report how many", nameof(nulls));
            if (v >= threshold) atLeast++;
        }
        return (1.0 + atLeast) / (1.0 + nulls.Count);
    }
}
