namespace OrganoidBiomarkers.Common;

/// <summary>How tied values share ranks, named as in Math.NET's RankDefinition.</summary>
public enum TieRanking
{
    /// <summary>Tied values get the mean of the ranks they span (pandas 'average', R ties.method = "average").</summary>
    Average,
    /// <summary>Tied values get the lowest rank they span (pandas 'min').</summary>
    Min,
    /// <summary>Ties are broken by position: first seen, first ranked (R ties.method = "first").</summary>
    First,
}

/// <summary>1-based ranks of a vector in ascending order.</summary>
public static class Ranks
{
    /// <summary>
    /// Ranks 1..n in ascending order, ties shared by <paramref name="ties"/> (as <c>scipy.stats.rankdata</c> with method
    /// "average", "min", "ordinal"; tests/…/Common/RanksTests).
    /// </summary>
    /// <param name="values">Values to rank; NaN is not expected (it compares below every number, so it ranks first).</param>
    /// <param name="ties">How tied values share ranks.</param>
    /// <returns>A new array of ranks, aligned with <paramref name="values"/>.</returns>
    public static double[] Of(IReadOnlyList<double> values, TieRanking ties = TieRanking.Average)
    {
        int n = values.Count;
        var order = Enumerable.Range(0, n).ToArray();
        // Stable sort by value, then index: deterministic for ties.
        Array.Sort(order, (a, b) => values[a].CompareTo(values[b]) is var c && c != 0 ? c : a.CompareTo(b));
        var ranks = new double[n];
        int i = 0;
        while (i < n)
        {
            int j = i;
            while (j + 1 < n && values[order[j + 1]] == values[order[i]]) j++;
            for (int k = i; k <= j; k++)
            {
                ranks[order[k]] = ties switch
                {
                    TieRanking.Average => (i + j) / 2.0 + 1,
                    TieRanking.Min => i + 1,
                    TieRanking.First => k + 1,
                    _ => throw new ArgumentOutOfRangeException(nameof(ties)),
                };
            }
            i = j + 1;
        }
        return ranks;
    }
}
