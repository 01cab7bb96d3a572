using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Models;

namespace OrganoidBiomarkers.Patients;

/// <summary>
/// The random-set null of one drug and expression source: for each draw, the pathways drawn and, for every unit and
/// every k = 1..<see cref="MaxK"/>, the log-rank chi-square and its signed root of the split made by a model retrained
/// on those pathways. Arrays are indexed [draw, unit, k - 1]; NaN where a split is undefined.
/// </summary>
public sealed record RandomSetNull(
    int SetSize,
    int PoolSize,
    IReadOnlyList<string> Units,
    int MaxK,
    IReadOnlyList<IReadOnlyList<string>> Sets,
    double[,,] ChiSquare,
    double[,,] Signed)
{
    public int Draws => Sets.Count;

    /// <summary>The defined null chi-squares of one unit and k, in draw order.</summary>
    public IReadOnlyList<double> ChiSquares(int unit, int k) => Column(ChiSquare, unit, k);

    /// <summary>The defined signed statistics of one unit and k, in draw order.</summary>
    public IReadOnlyList<double> SignedStatistics(int unit, int k) => Column(Signed, unit, k);

    private List<double> Column(double[,,] a, int unit, int k)
    {
        if (k < 1 || k > MaxK) throw new ArgumentOutOfRangeException(nameof(k), $"k must be 1..{MaxK}");
        var list = new List<double>(Draws);
        for (int d = 0; d < Draws; d++) if (!double.IsNaN(a[d, unit, k - 1])) list.Add(a[d, unit, k - 1]);
        return list;
    }
}

/// <summary>
/// Random pathway sets as a baseline for the network selection (the paper's random control): draw sets of the
/// network selection's size from a pool, retrain the same model on organoids (<see cref="OrganoidTraining"/>, the
/// routine stage 04 trains the main models with),
/// split the same patients, and collect the log-rank statistics. Draw d uses the stream
/// <c>Rng.ForStream(seed, streamIds..., "draw", d)</c> and draws run in parallel into fixed slots, so the result is
/// identical for any thread count.
/// </summary>
public static class RandomSetBaseline
{
    public static RandomSetNull Run(
        PathwayScores organoidScores, IReadOnlyDictionary<string, double> response, string model, IReadOnlyCollection<string> pool, int setSize,
        IReadOnlyList<ValidationUnit> units, int maxK, int draws, ulong seed, IReadOnlyList<string> streamIds,
        int? maxDegreeOfParallelism = null)
    {
        ArgumentNullException.ThrowIfNull(organoidScores);
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(streamIds);
        if (draws < 1) throw new ArgumentException($"draws must be at least 1, got {draws}", nameof(draws));
        if (maxK < 1) throw new ArgumentException($"maxK must be at least 1, got {maxK}", nameof(maxK));
        if (units.Count == 0) throw new ArgumentException("no units to split", nameof(units));
        var poolList = pool.Order(StringComparer.Ordinal).ToArray();
        // Checked here, not inside the parallel loop, so bad input is one ArgumentException rather than an AggregateException.
        var unscored = poolList.Where(p => organoidScores.PathwayIndex(p) < 0).ToArray();
        if (unscored.Length > 0)
            throw new ArgumentException($"{unscored.Length} pool pathway(s) are not scored in the organoids (e.g. {string.Join(", ", unscored.Take(3))}): " +
                                        "the pool must hold organoid-scored pathways only", nameof(pool));
        _ = Regressors.ByName(model); // an unknown model name fails here, once
        if (setSize < 1 || setSize > poolList.Length) throw new ArgumentException($"set size must be 1..{poolList.Length} (the pool), got {setSize}", nameof(setSize));
        var sets = new IReadOnlyList<string>[draws];
        var chi = new double[draws, units.Count, maxK];
        var signed = new double[draws, units.Count, maxK];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? -1 };
        Parallel.For(0, draws, parallel, d =>
        {
            var rng = Rng.ForStream(seed, [.. streamIds, "draw", d.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            var set = RandomPathwaySets.Draw(poolList, setSize, rng);
            sets[d] = set;
            var fitted = OrganoidTraining.Fit(OrganoidTraining.Assemble(organoidScores, response, set), model);
            for (int u = 0; u < units.Count; u++)
                for (int k = 1; k <= maxK; k++)
                {
                    var split = ResponderSplit.Split(fitted.Ranking, k, units[u].Standardized, units[u].Patients);
                    var (c, s) = SurvivalValidation.LogRankStatistic(split, units[u].Survival);
                    chi[d, u, k - 1] = c;
                    signed[d, u, k - 1] = s;
                }
        });
        return new RandomSetNull(setSize, poolList.Length, units.Select(u => $"{u.Cohort} x {u.ExpressionSource} x {u.SurvivalSource}").ToArray(),
            maxK, sets, chi, signed);
    }
}
