namespace OrganoidBiomarkers.Common;

/// <summary>Adjustments of a family of p-values for multiple testing.</summary>
public static class MultipleTesting
{
    /// <summary>
    /// Benjamini-Hochberg (1995) adjusted p-values (false discovery rate "q-values"), as R's
    /// <c>p.adjust(p, method = "BH")</c> to the bit: with the m defined p-values in decreasing order,
    /// q_(i) = min(1, min over j &gt;= i of (m / j) p_(j)), j the rank in increasing order. NaN entries (R's NA) stay NaN
    /// and do not count in m (R's default <c>n = length(p)</c> after its NA removal). Rejecting every hypothesis with
    /// q &lt;= alpha controls the false discovery rate at alpha for independent or positively dependent tests.
    /// </summary>
    /// <param name="p">P-values in [0, 1], or NaN; any length (an empty list gives an empty list).</param>
    /// <returns>The adjusted p-values, in the order of <paramref name="p"/>.</returns>
    /// <exception cref="ArgumentException">A value outside [0, 1] (infinite included).</exception>
    public static IReadOnlyList<double> BenjaminiHochberg(IReadOnlyList<double> p)
    {
        ArgumentNullException.ThrowIfNull(p);
        for (int i = 0; i < p.Count; i++)
            if (!double.IsNaN(p[i]) && !(p[i] >= 0 && p[i] <= 1))
                throw new ArgumentException($"p-value {i} is {p[i]}: p-values must lie in [0, 1] (NaN for undefined)", nameof(p));
        var defined = Enumerable.Range(0, p.Count).Where(i => !double.IsNaN(p[i])).ToArray();
        int m = defined.Length;
        var q = Enumerable.Repeat(double.NaN, p.Count).ToArray();
        // Decreasing p (a stable order, as R's order(decreasing = TRUE)); the cumulative minimum runs from the largest p down.
        var order = defined.OrderByDescending(i => p[i]).ToArray();
        double running = double.PositiveInfinity;
        for (int k = 0; k < m; k++)
        {
            int rank = m - k; // rank in increasing order
            running = Math.Min(running, (double)m / rank * p[order[k]]);
            q[order[k]] = Math.Min(1, running);
        }
        return q;
    }
}
