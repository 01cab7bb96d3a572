using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Models;

namespace OrganoidBiomarkers.Patients;

/// <summary>
/// The random-set null of one drug and expression source: for each draw, the pathways drawn and, for every unit and
/// every k = 1..<see cref="MaxK"/>, the log-rank chi-square and its signed root of the split made by a model retrained
/// on those pathways. Arrays are indexed [draw, unit, k - 1]; NaN where a split is undefined.
/// </summary>
/// <param name="SetSize">Pathways per random set (the network selection's size).</param>
/// <param name="PoolSize">Pathways the sets were drawn from.</param>
/// <param name="Units">One label per validation unit, "cohort x expression source x survival source".</param>
/// <param name="MaxK">Largest number of model features (pathways) k; k runs 1..MaxK.</param>
/// <param name="Sets">The pathways of each draw, in draw order.</param>
/// <param name="ChiSquare">Log-rank chi-square of each [draw, unit, k - 1]; NaN where undefined.</param>
/// <param name="Signed">sqrt(chi-square), positive in the paper's direction (predicted non-responders die more than
/// expected), of each [draw, unit, k - 1]; NaN where undefined.</param>
public sealed record RandomSetNull(
    int SetSize,
    int PoolSize,
    IReadOnlyList<string> Units,
    int MaxK,
    IReadOnlyList<IReadOnlyList<string>> Sets,
    double[,,] ChiSquare,
    double[,,] Signed)
{
    /// <summary>Random sets drawn.</summary>
    public int Draws => Sets.Count;

    /// <summary>The defined null chi-squares of one unit and k, in draw order.</summary>
    /// <param name="unit">0-based index into <see cref="Units"/>.</param>
    /// <param name="k">Number of top biomarkers, 1..<see cref="MaxK"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> outside 1..<see cref="MaxK"/>.</exception>
    public IReadOnlyList<double> ChiSquares(int unit, int k) => Column(ChiSquare, unit, k);

    /// <summary>The defined signed statistics of one unit and k, in draw order.</summary>
    /// <param name="unit">0-based index into <see cref="Units"/>.</param>
    /// <param name="k">Number of top biomarkers, 1..<see cref="MaxK"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> outside 1..<see cref="MaxK"/>.</exception>
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
    /// <summary>Draws <paramref name="draws"/> random sets and splits every unit with each, for k = 1..<paramref name="maxK"/>.</summary>
    /// <param name="organoidScores">Organoid pathway scores (the pool must be scored there).</param>
    /// <param name="response">Organoid ln IC50 by organoid.</param>
    /// <param name="model">Regressor name (<see cref="Regressors.ByName"/>).</param>
    /// <param name="pool">Pathways to draw from (scored in the organoids and in every unit's source).</param>
    /// <param name="setSize">Pathways per set, 1..pool size (the network selection's size).</param>
    /// <param name="units">Patients to split (≥ 1 unit).</param>
    /// <param name="maxK">Largest k, ≥ 1.</param>
    /// <param name="draws">Random sets, ≥ 1.</param>
    /// <param name="seed">Run seed.</param>
    /// <param name="streamIds">Names of the random stream (e.g. stage, drug, sources).</param>
    /// <param name="maxDegreeOfParallelism">Threads (null: all cores); the result does not depend on it.</param>
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
        foreach (var unit in units)
        {
            var missing = poolList.Where(p => unit.Standardized.PathwayIndex(p) < 0).ToArray();
            if (missing.Length > 0)
                throw new ArgumentException($"{missing.Length} pool pathway(s) are not scored in unit {unit.Cohort} x {unit.ExpressionSource} (e.g. {string.Join(", ", missing.Take(3))}): " +
                                            "draw the pool from pathways scored in the organoids and in the source", nameof(pool));
        }
        var splitters = units.Select(u => new UnitSplitter(u, poolList)).ToArray();
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
            var ranked = fitted.Ranking.OrderBy(b => b.Rank).ToArray();
            for (int u = 0; u < units.Count; u++)
                splitters[u].AllK(ranked, maxK, chi, signed, d, u);
        });
        return new RandomSetNull(setSize, poolList.Length, units.Select(u => $"{u.Cohort} x {u.ExpressionSource} x {u.SurvivalSource}").ToArray(),
            maxK, sets, chi, signed);
    }

    /// <summary>
    /// The split and log-rank of <see cref="SurvivalValidation.Evaluate"/> for k = 1..maxK at once, with what does not
    /// depend on the split computed once per unit: each pool pathway's z-scores, and the patients grouped by distinct
    /// survival time (ascending) with each group's size and deaths. Every floating-point operation is that of
    /// <see cref="ResponderSplit.Split"/> (scores summed biomarker by biomarker in rank order, the same median) and of
    /// <see cref="LogRank.Test"/> (the same sums over distinct times, in the same order), so the statistics are
    /// bit-identical to the general path (tested), at a fraction of its cost: the null needs draws x units x k splits.
    /// </summary>
    private sealed class UnitSplitter
    {
        private readonly Dictionary<string, double[]> _z = new(StringComparer.Ordinal);
        private readonly int _n, _events;
        private readonly int[] _order;       // patients by time (ties in patient order, as SurvivalInput.OrderByTime)
        private readonly int[] _blockEnd;    // end (exclusive) in _order of each distinct time
        private readonly int[] _blockDeaths; // deaths at each distinct time
        private readonly bool[] _isEvent;

        public UnitSplitter(ValidationUnit unit, IReadOnlyList<string> pool)
        {
            _n = unit.Patients.Count;
            var columns = unit.Patients.Select(p => unit.Standardized.SampleIndex(p) is var i and >= 0 ? i
                : throw new ArgumentException($"patient {p} of unit {unit.Cohort} has no standardised score")).ToArray();
            foreach (var p in pool)
            {
                int row = unit.Standardized.PathwayIndex(p);
                _z[p] = columns.Select(c => unit.Standardized.Values[row, c]).ToArray();
            }
            var times = unit.Survival.ToArray();
            if (times.Length != _n) throw new ArgumentException($"unit {unit.Cohort}: {times.Length} survival times for {_n} patients");
            _isEvent = times.Select(t => t.Event).ToArray();
            _events = _isEvent.Count(e => e);
            _order = Enumerable.Range(0, _n).ToArray();
            Array.Sort(_order, (a, b) => times[a].Time.CompareTo(times[b].Time) is var c && c != 0 ? c : a.CompareTo(b));
            var ends = new List<int>();
            var deaths = new List<int>();
            for (int i = 0; i < _n;)
            {
                double t = times[_order[i]].Time;
                int dead = 0;
                for (; i < _n && times[_order[i]].Time == t; i++) if (times[_order[i]].Event) dead++;
                ends.Add(i);
                deaths.Add(dead);
            }
            _blockEnd = ends.ToArray();
            _blockDeaths = deaths.ToArray();
        }

        public void AllK(RankedBiomarker[] ranked, int maxK, double[,,] chi, double[,,] signed, int draw, int unit)
        {
            var score = new double[_n];
            var responder = new bool[_n];
            for (int k = 1; k <= maxK; k++)
            {
                // ResponderSplit: the top k scorable biomarkers (here all are scorable); fewer when the model has fewer.
                if (k <= ranked.Length)
                {
                    var z = _z[ranked[k - 1].Name];
                    double coef = ranked[k - 1].Coefficient;
                    for (int i = 0; i < _n; i++) score[i] += coef * z[i];
                }
                int responders = ResponderSplit.Label(score, responder, out _);
                (chi[draw, unit, k - 1], signed[draw, unit, k - 1]) = LogRank(responder, responders);
            }
        }

        private (double ChiSquare, double Signed) LogRank(bool[] responder, int responders)
        {
            if (responders == 0 || responders == _n || _events == 0) return (double.NaN, double.NaN);
            int atRisk = _n, atRisk1 = responders, observed1 = 0;
            var sums = new LogRankSums();
            for (int b = 0, start = 0; b < _blockEnd.Length; start = _blockEnd[b], b++)
            {
                int leaving = _blockEnd[b] - start, leaving1 = 0;
                for (int i = start; i < _blockEnd[b]; i++)
                    if (responder[_order[i]]) { leaving1++; if (IsEvent(i)) observed1++; }
                sums.AddTime(_blockDeaths[b], atRisk, atRisk1);
                atRisk -= leaving;
                atRisk1 -= leaving1;
            }
            double chiSquare = sums.ChiSquare(observed1);
            int observed2 = _events - observed1;
            return (chiSquare, (observed2 >= sums.Expected2 ? 1 : -1) * Math.Sqrt(chiSquare));
        }

        private bool IsEvent(int orderPosition) => _isEvent[_order[orderPosition]];
    }
}
