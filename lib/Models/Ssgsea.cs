using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Models;

/// <summary>
/// Single-sample gene-set enrichment (ssGSEA; Barbie et al. 2009 Nature 462:108, online methods), as gseapy 0.9.x or
/// GSVA 1.46 compute it (<see cref="SsgseaVariant"/>).
/// <para>
/// Both references walk the n genes of a sample from the highest to the lowest rank: at position p a hit (a set gene)
/// adds w_p / sum(w over hits), a miss subtracts 1 / (n - k), k = measured set genes; ES is the SUM of this running
/// curve over all n positions. The increment at p is counted in every partial sum from p to n, i.e. (n - p + 1) times,
/// so ES = sum_hits w_p (n - p + 1) / sum_hits w_p - (n(n + 1)/2 - sum_hits (n - p + 1)) / (n - k): GSVA's
/// <c>.fastRndWalk</c> closed form, and gseapy's <c>cumsum(...).sum()</c> before its division by n. This makes each set
/// cost O(k) per sample once the sample is ranked (the running curve is never built).
/// </para>
/// <para>
/// Ties. Tied genes share a weight, but a tied hit placed before a tied miss adds w/sum(w) + 1/(n - k) to the ES, so
/// the order left by the sort matters (for the authors' data up to 8e-5 in ES). gseapy 0.9 on pandas &lt; 1.0 sorts
/// descending as numpy <c>argsort(kind='quicksort')[::-1]</c> (unstable); this class replays numpy's quicksort
/// comparison for comparison, which reproduces the authors' published scores to 2e-16 (pandas &gt;= 1.0's order does
/// not). GSVA orders integer-truncated ranks with R's stable <c>order(decreasing = TRUE)</c>: ties stay in row order.
/// Either way the tie order depends on the matrix's row order: keep the genes in the order of the input file.
/// </para>
/// <para>
/// Genes and sets. The gene universe is the expression matrix's genes: set genes not measured are dropped (counted).
/// A set with no measured gene is never scored (whatever <see cref="SsgseaOptions.MinSize"/>); sets outside
/// [MinSize, MaxSize] measured genes are dropped; a set covering every measured gene is dropped (no misses, 0/0).
/// Each dropped set is listed in <see cref="SsgseaResult.Sets"/> with its reason and counted in the log. If no set
/// gene at all is measured, or no set is left, the call fails with counts and examples (as GSVA aborts).
/// </para>
/// </summary>
public static class Ssgsea
{
    /// <summary>
    /// Scores every gene set in every sample. <paramref name="sets"/> must have unique, non-empty names and no gene twice
    /// within a set (<see cref="Data.GmtReader"/> guarantees both). Samples are scored in parallel; results are
    /// bit-identical whatever the thread count.
    /// </summary>
    public static SsgseaResult Score(ExpressionMatrix expression, IReadOnlyList<GeneSet> sets, SsgseaOptions options, CountLog? log = null)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentNullException.ThrowIfNull(options);
        log ??= CountLog.Silent;
        Validate(expression, sets, options);

        int n = expression.GeneCount;
        var outcomes = new SsgseaSetOutcome[sets.Count];
        var keptIndex = new List<int[]>();
        var keptNames = new List<string>();
        int memberships = 0, measuredMemberships = 0, withMeasured = 0;
        for (int s = 0; s < sets.Count; s++)
        {
            var set = sets[s];
            var idx = new List<int>(set.Genes.Count);
            foreach (var gene in set.Genes)
                if (expression.GeneIndex(gene) is var g and >= 0) idx.Add(g);
            memberships += set.Genes.Count;
            measuredMemberships += idx.Count;
            if (idx.Count > 0) withMeasured++;
            var status = idx.Count == 0 ? SsgseaSetStatus.NoMeasuredGene
                : idx.Count < options.MinSize ? SsgseaSetStatus.BelowMinSize
                : idx.Count > options.MaxSize ? SsgseaSetStatus.AboveMaxSize
                : idx.Count == n ? SsgseaSetStatus.CoversAllGenes
                : SsgseaSetStatus.Kept;
            outcomes[s] = new SsgseaSetOutcome(set.Name, set.Genes.Count, idx.Count, status);
            if (status == SsgseaSetStatus.Kept) { keptIndex.Add(idx.ToArray()); keptNames.Add(set.Name); }
        }

        if (measuredMemberships == 0)
            throw new ArgumentException(
                $"none of the {memberships} genes of the {sets.Count} gene sets is among the {n} measured genes " +
                $"(set genes e.g. {Examples(sets.SelectMany(x => x.Genes))}; measured genes e.g. {Examples(expression.Genes)}): " +
                "check both use the same identifiers (symbols vs Entrez IDs)", nameof(sets));
        log.Record("ssgsea: set genes measured", memberships, measuredMemberships,
            $"set genes not among the {n} genes of the expression matrix are dropped");
        log.Record("ssgsea: sets with a measured gene", sets.Count, withMeasured, "a set with no measured gene is not scored");
        int inSize = outcomes.Count(o => o.Status is SsgseaSetStatus.Kept or SsgseaSetStatus.CoversAllGenes);
        log.Record("ssgsea: sets within size limits", withMeasured, inSize,
            $"{options.MinSize} <= measured genes <= {(options.MaxSize == int.MaxValue ? "unlimited" : options.MaxSize)} ({options.Variant})");
        if (inSize != keptNames.Count)
            log.Record("ssgsea: sets leaving a gene outside", inSize, keptNames.Count, "a set covering every measured gene has no misses (ES 0/0)");
        if (keptNames.Count == 0)
            throw new ArgumentException(
                $"no gene set left to score: {sets.Count} sets, {withMeasured} with a measured gene, none with {options.MinSize}..{options.MaxSize} " +
                $"measured genes and a gene outside it (e.g. {string.Join(", ", outcomes.Take(3).Select(o => $"{o.Name}: {o.MeasuredGenes} measured, {o.Status}"))})",
                nameof(sets));

        var es = new double[keptNames.Count, expression.SampleCount];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? -1 };
        Parallel.For(0, expression.SampleCount, parallel,
            () => new SampleRanking(n),
            (sample, _, ranking) =>
            {
                ranking.Rank(expression, sample, options.Variant, options.Weight);
                for (int s = 0; s < keptIndex.Count; s++)
                    es[s, sample] = ranking.EnrichmentScore(keptIndex[s], options.Variant);
                return ranking;
            },
            _ => { });

        double max = double.NegativeInfinity, min = double.PositiveInfinity;
        foreach (var v in es) { if (v > max) max = v; if (v < min) min = v; }
        double range = max - min;
        if (range == 0) log.Note("ssgsea", "every ES is equal (range 0): NES undefined (NaN)");
        var nes = new double[keptNames.Count, expression.SampleCount];
        for (int s = 0; s < keptNames.Count; s++)
            for (int j = 0; j < expression.SampleCount; j++)
                nes[s, j] = range == 0 ? double.NaN : es[s, j] / range;

        return new SsgseaResult(options.Variant, keptNames, expression.Samples, es, nes, range, outcomes);
    }

    private static void Validate(ExpressionMatrix expression, IReadOnlyList<GeneSet> sets, SsgseaOptions options)
    {
        if (!Enum.IsDefined(options.Variant)) throw new ArgumentException($"unknown ssGSEA variant {options.Variant}", nameof(options));
        if (!double.IsFinite(options.Weight) || options.Weight < 0)
            throw new ArgumentException($"weight must be finite and >= 0 (got {options.Weight})", nameof(options));
        if (options.MinSize < 1) throw new ArgumentException($"MinSize must be at least 1 (got {options.MinSize})", nameof(options));
        if (options.MaxSize < options.MinSize)
            throw new ArgumentException($"MaxSize {options.MaxSize} is below MinSize {options.MinSize}", nameof(options));
        if (options.MaxDegreeOfParallelism is < 1)
            throw new ArgumentException($"MaxDegreeOfParallelism must be at least 1 (got {options.MaxDegreeOfParallelism})", nameof(options));
        if (expression.GeneCount < 2) throw new ArgumentException($"ssGSEA needs at least 2 genes (got {expression.GeneCount})", nameof(expression));
        if (expression.SampleCount < 1) throw new ArgumentException("the expression matrix has no sample", nameof(expression));
        if (sets.Count == 0) throw new ArgumentException("no gene set given", nameof(sets));
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var set in sets)
        {
            if (set is null || string.IsNullOrEmpty(set.Name)) throw new ArgumentException("a gene set is null or has an empty name", nameof(sets));
            if (!names.Add(set.Name)) throw new ArgumentException($"gene-set name '{set.Name}' appears twice", nameof(sets));
            var genes = new HashSet<string>(StringComparer.Ordinal);
            foreach (var gene in set.Genes)
                if (!genes.Add(gene))
                    throw new ArgumentException($"gene '{gene}' appears twice in set '{set.Name}' (deduplicate first, e.g. with GmtReader)", nameof(sets));
        }
    }

    private static string Examples(IEnumerable<string> names) =>
        string.Join(", ", names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(3));

    /// <summary>One sample's ranking: per gene its weight and its "tail" n - p + 1 (p = 1-based descending position).</summary>
    private sealed class SampleRanking
    {
        private readonly int _n;
        private readonly double[] _values;
        private readonly int[] _order;
        private readonly int[] _tail;
        private readonly double[] _weight;

        public SampleRanking(int n)
        {
            _n = n;
            _values = new double[n];
            _order = new int[n];
            _tail = new int[n];
            _weight = new double[n];
        }

        public void Rank(ExpressionMatrix expression, int sample, SsgseaVariant variant, double weight)
        {
            var values = expression.Values;
            for (int g = 0; g < _n; g++) { _values[g] = values[g, sample]; _order[g] = g; }
            if (variant == SsgseaVariant.Gseapy09) RankGseapy09(weight);
            else RankGsva(weight);
        }

        // gseapy 0.9: ranks = rank(method='average'); scaled = 10000*ranks/n; order = argsort(quicksort)[::-1].
        // Ranking the raw values instead of the scaled ranks gives the same comparisons, hence the same order.
        private void RankGseapy09(double weight)
        {
            NumpyQuicksort.ArgsortInplace(_values, _order);
            int n = _n;
            for (int i = 0; i < n;)
            {
                int j = i;
                while (j + 1 < n && _values[_order[j + 1]] == _values[_order[i]]) j++;
                double rank = (i + j) / 2.0 + 1;
                double w = Math.Pow(10000.0 * rank / n, weight);
                for (int m = i; m <= j; m++)
                {
                    // ascending slot m is descending position p = n - m, so n - p + 1 = m + 1
                    _tail[_order[m]] = m + 1;
                    _weight[_order[m]] = w;
                }
                i = j + 1;
            }
        }

        // GSVA 1.46: R <- colRanks(ties = "average"); mode(R) <- "integer" (truncates); order(R, decreasing = TRUE) is
        // stable, so tied genes keep row order. Truncation keeps distinct values distinct: a tie run over slots i..j
        // (1-based) truncates to floor((i+j)/2) < j + 1 <= the next run's value.
        private void RankGsva(double weight)
        {
            Array.Sort(_values, _order);
            int n = _n;
            for (int i = 0; i < n;)
            {
                int j = i;
                while (j + 1 < n && _values[j + 1] == _values[i]) j++;
                if (j > i) Array.Sort(_order, i, j - i + 1);
                int truncated = (int)((i + j) / 2.0 + 1);
                double w = Math.Pow(truncated, weight);
                // the run's genes in row order take descending positions n - j, n - j + 1, ...: tail = j - m + 1
                for (int m = 0; m <= j - i; m++)
                {
                    int g = _order[i + m];
                    _tail[g] = j - m + 1;
                    _weight[g] = w;
                }
                i = j + 1;
            }
        }

        public double EnrichmentScore(int[] setGenes, SsgseaVariant variant)
        {
            double sumWeight = 0, sumWeightTail = 0;
            long sumTail = 0;
            foreach (var g in setGenes)
            {
                sumWeight += _weight[g];
                sumWeightTail += _weight[g] * _tail[g];
                sumTail += _tail[g];
            }
            long n = _n, k = setGenes.Length;
            double es = sumWeightTail / sumWeight - (n * (n + 1) / 2 - sumTail) / (double)(n - k);
            return variant == SsgseaVariant.Gseapy09 ? es / n : es;
        }
    }
}
