using System.Globalization;
using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Patients;

/// <summary>Which responder labels a bootstrap resample carries.</summary>
public enum BootstrapSplit
{
    /// <summary>
    /// Each resampled patient keeps the label the full-cohort split gave it (the split is fixed; only the patients vary):
    /// the interval says how much the survival difference of these two groups depends on which patients were sampled.
    /// </summary>
    FixedLabels,
    /// <summary>
    /// The resample is split again at its own median score (score &lt;= median: responder), as the pipeline would split
    /// that cohort: the interval also carries the variability of the median cut.
    /// </summary>
    ResplitAtResampleMedian,
}

/// <summary>
/// The bootstrap distribution of one statistic: its value on the original patients, every resample's value (NaN where
/// undefined), and the percentile interval (<see cref="RobustnessBootstrap.PercentileInterval"/>) of the defined ones.
/// </summary>
/// <param name="Name">"survival_difference" or "hazard_ratio".</param>
/// <param name="Observed">The statistic on the original patients.</param>
/// <param name="Draws">Each resample's value in resample order; NaN where undefined. Infinite values are kept.</param>
/// <param name="Undefined">Resamples where the statistic is undefined (NaN), left out of the interval and median.</param>
/// <param name="Infinite">Resamples where it is infinite on its natural scale: a hazard ratio of +inf or 0 (log HR = +-inf: no death
/// in one group). Kept, ordered as the extremes.</param>
/// <param name="Median">Median of the defined draws (<see cref="RobustnessBootstrap.Quantile"/> at 0.5); NaN when none is defined.</param>
/// <param name="Lower">Lower limit of the percentile interval of the defined draws.</param>
/// <param name="Upper">Upper limit.</param>
/// <param name="Level">Coverage of the interval (0.95).</param>
public sealed record BootstrapStatistic(string Name, double Observed, IReadOnlyList<double> Draws, int Undefined, int Infinite,
    double Median, double Lower, double Upper, double Level);

/// <summary>A patient bootstrap of the responder/non-responder comparison (<see cref="RobustnessBootstrap.OverPatients"/>).</summary>
/// <param name="Labels">How resampled patients were labelled.</param>
/// <param name="Resamples">Number of resamples.</param>
/// <param name="HorizonMonths">The survival horizon (60 months = 5 years).</param>
/// <param name="SurvivalDifference">Kaplan-Meier survival at the horizon, responders minus non-responders.</param>
/// <param name="HazardRatio">Cox hazard ratio of non-responders relative to responders (Efron ties).</param>
public sealed record RobustnessBootstrapResult(BootstrapSplit Labels, int Resamples, double HorizonMonths,
    BootstrapStatistic SurvivalDifference, BootstrapStatistic HazardRatio);

/// <summary>
/// Nonparametric bootstrap over patients (Efron and Tibshirani 1993, ch. 6 and 13): draw n patients with replacement
/// from the n split patients, recompute the 5-year survival difference (Kaplan-Meier at the horizon, last value carried
/// as <see cref="GroupComparison"/>) and the Cox hazard ratio (<see cref="CoxPh.FitGroups"/>), and take percentile
/// intervals.
/// <para>
/// Undefined and infinite values are counted, never dropped silently: the survival difference is undefined when a
/// resample has no patient in one group; the hazard ratio is undefined then, when the resample has no death, when the
/// Cox fit does not converge, or when every death of the resample falls while only one group is at risk
/// (<see cref="CoxStatus.NotEstimable"/>), and it is infinite (+inf, or 0 on the log scale's other end) when one group has no death (monotone likelihood,
/// <see cref="CoxStatus.InfiniteCoefficient"/>). Infinite values are real outcomes of the resample, so they are kept and
/// ordered as the extremes (an interval limit can then be infinite); undefined ones are left out.
/// </para>
/// <para>
/// Draw order: resample b draws its n patient indices with <c>NextInt(n)</c>, in order, from the stream
/// <c>Rng.ForStream(seed, streamIds..., "bootstrap", b)</c>. The stream does not depend on <see cref="BootstrapSplit"/>,
/// so both label rules see the same resamples. Resamples run in parallel into fixed slots (thread-count invariant).
/// </para>
/// </summary>
public static class RobustnessBootstrap
{
    /// <summary>Coverage of the percentile intervals: 95%.</summary>
    public const double DefaultLevel = 0.95;

    /// <summary>Resamples the split's patients and summarises the survival difference and hazard ratio (see the class summary).</summary>
    /// <param name="split">The split (scores and labels of the full cohort).</param>
    /// <param name="survival">The split patients' survival, in the split's patient order (months).</param>
    /// <param name="resamples">Resamples, ≥ 1.</param>
    /// <param name="seed">Run seed.</param>
    /// <param name="streamIds">Names of the random stream (e.g. "robustness", drug).</param>
    /// <param name="labels">Fixed labels or re-split at each resample's median.</param>
    /// <param name="level">Interval coverage in (0, 1).</param>
    /// <param name="horizonMonths">Survival horizon, finite and ≥ 0 (60 months).</param>
    /// <param name="maxDegreeOfParallelism">Threads (null: all cores); the result does not depend on it.</param>
    public static RobustnessBootstrapResult OverPatients(
        PatientSplit split, IReadOnlyList<SurvivalTime> survival, int resamples, ulong seed, IReadOnlyList<string> streamIds,
        BootstrapSplit labels = BootstrapSplit.FixedLabels, double level = DefaultLevel,
        double horizonMonths = GroupComparison.FiveYearsInMonths, int? maxDegreeOfParallelism = null)
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(survival);
        ArgumentNullException.ThrowIfNull(streamIds);
        int n = split.Patients.Count;
        if (survival.Count != n) throw new ArgumentException($"{survival.Count} survival times for {n} split patients", nameof(survival));
        if (split.Scores.Count != n || split.Responder.Count != n) throw new ArgumentException("the split's scores and labels must have one entry per patient", nameof(split));
        if (resamples < 1) throw new ArgumentException($"resamples must be at least 1, got {resamples}", nameof(resamples));
        if (!(level > 0 && level < 1)) throw new ArgumentException($"level must be in (0, 1), got {level}", nameof(level));
        if (!double.IsFinite(horizonMonths) || horizonMonths < 0) throw new ArgumentException($"the horizon must be finite and >= 0, got {horizonMonths}", nameof(horizonMonths));
        if (labels is not (BootstrapSplit.FixedLabels or BootstrapSplit.ResplitAtResampleMedian)) throw new ArgumentOutOfRangeException(nameof(labels));
        SurvivalInput.Validate(survival, nameof(survival));

        // On the original patients both label rules give the split itself (its median is theirs).
        var all = Enumerable.Range(0, n).ToArray();
        var (observedDiff, observedHr) = Compare(all, split, survival, BootstrapSplit.FixedLabels, horizonMonths);
        var diff = new double[resamples];
        var hr = new double[resamples];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? -1 };
        Parallel.For(0, resamples, parallel, b =>
        {
            var rng = Rng.ForStream(seed, [.. streamIds, "bootstrap", b.ToString(CultureInfo.InvariantCulture)]);
            var drawn = new int[n];
            for (int i = 0; i < n; i++) drawn[i] = rng.NextInt(n);
            (diff[b], hr[b]) = Compare(drawn, split, survival, labels, horizonMonths);
        });
        return new RobustnessBootstrapResult(labels, resamples, horizonMonths,
            Summarise("survival_difference", observedDiff, diff, level, double.IsInfinity),
            Summarise("hazard_ratio", observedHr, hr, level, v => v == 0 || double.IsPositiveInfinity(v)));
    }

    /// <summary>
    /// The percentile interval of <paramref name="values"/> at <paramref name="level"/>: the (1 - level)/2 and
    /// (1 + level)/2 quantiles by <see cref="Quantile"/>. NaN values are not allowed (leave undefined draws out first).
    /// </summary>
    /// <param name="values">The bootstrap statistics, at least one, none NaN (infinities allowed).</param>
    /// <param name="level">Coverage in (0, 1) (default 0.95).</param>
    /// <exception cref="ArgumentException"><paramref name="level"/> outside (0, 1), or <paramref name="values"/> empty or holding NaN.</exception>
    public static (double Lower, double Upper) PercentileInterval(IReadOnlyList<double> values, double level = DefaultLevel)
    {
        if (!(level > 0 && level < 1)) throw new ArgumentException($"level must be in (0, 1), got {level}", nameof(level));
        var sorted = SortedChecked(values);
        return (QuantileOfSorted(sorted, (1 - level) / 2), QuantileOfSorted(sorted, (1 + level) / 2));
    }

    /// <summary>
    /// The q-quantile with linear interpolation between order statistics: R's <c>quantile(x, q, type = 7)</c> (numpy's
    /// default 'linear'), with R's arithmetic: index 1 + (n - 1) q, h its fractional part, (1 - h) x[j] + h x[j+1], skipped when h = 0 or x[j] = x[j+1]; so
    /// on the extended reals an infinite neighbour gives an infinite quantile (and -inf with +inf gives NaN, as R).
    /// </summary>
    /// <param name="values">The values, at least one, none NaN (any order).</param>
    /// <param name="q">The probability, in [0, 1].</param>
    /// <exception cref="ArgumentException"><paramref name="q"/> outside [0, 1], or <paramref name="values"/> empty or holding NaN.</exception>
    public static double Quantile(IReadOnlyList<double> values, double q)
    {
        if (!(q >= 0 && q <= 1)) throw new ArgumentException($"q must be in [0, 1], got {q}", nameof(q));
        return QuantileOfSorted(SortedChecked(values), q);
    }

    private static double[] SortedChecked(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) throw new ArgumentException("no values", nameof(values));
        var sorted = values.ToArray();
        if (sorted.Any(double.IsNaN)) throw new ArgumentException("a value is NaN: leave undefined draws out first and report how many", nameof(values));
        Array.Sort(sorted);
        return sorted;
    }

    private static double QuantileOfSorted(double[] x, double q)
    {
        // R's arithmetic to the letter (1-based index 1 + (n - 1) q, h = index - floor(index)), so results match R's bits.
        double index = 1 + (x.Length - 1) * q;
        int lo = (int)Math.Floor(index), hi = (int)Math.Ceiling(index);
        double h = index - lo;
        double a = x[lo - 1], b = x[hi - 1];
        if (!(index > lo) || b == a) return a;
        return (1 - h) * a + h * b;
    }

    private static BootstrapStatistic Summarise(string name, double observed, double[] draws, double level, Func<double, bool> isInfinite)
    {
        var defined = draws.Where(v => !double.IsNaN(v)).ToArray();
        int infinite = defined.Count(isInfinite);
        if (defined.Length == 0)
            return new BootstrapStatistic(name, observed, draws, draws.Length, 0, double.NaN, double.NaN, double.NaN, level);
        var (lower, upper) = PercentileInterval(defined, level);
        return new BootstrapStatistic(name, observed, draws, draws.Length - defined.Length, infinite, Quantile(defined, 0.5), lower, upper, level);
    }

    /// <summary>Survival difference at the horizon and hazard ratio of the patients at <paramref name="drawn"/> (indices into the split).</summary>
    private static (double Difference, double HazardRatio) Compare(int[] drawn, PatientSplit split, IReadOnlyList<SurvivalTime> survival,
        BootstrapSplit labels, double horizon)
    {
        // Re-split: the resample's scores (a patient drawn twice counts twice) labelled by the split rule itself.
        var resplit = new bool[drawn.Length];
        if (labels == BootstrapSplit.ResplitAtResampleMedian) ResponderSplit.Label(drawn.Select(i => split.Scores[i]).ToArray(), resplit, out _);
        var responders = new List<SurvivalTime>();
        var nonResponders = new List<SurvivalTime>();
        for (int j = 0; j < drawn.Length; j++)
        {
            int i = drawn[j];
            bool responder = labels == BootstrapSplit.FixedLabels ? split.Responder[i] : resplit[j];
            (responder ? responders : nonResponders).Add(survival[i]);
        }
        if (responders.Count == 0 || nonResponders.Count == 0) return (double.NaN, double.NaN);
        double difference = KaplanMeier.Fit(responders).SurvivalAt(horizon, KaplanMeierTail.CarryLastValue)
                            - KaplanMeier.Fit(nonResponders).SurvivalAt(horizon, KaplanMeierTail.CarryLastValue);
        if (!responders.Any(s => s.Event) && !nonResponders.Any(s => s.Event)) return (difference, double.NaN);
        var cox = CoxPh.FitGroups(responders, nonResponders);
        double hr = cox.Status is CoxStatus.NotConverged or CoxStatus.NotEstimable ? double.NaN : cox.Coefficients[0].HazardRatio;
        return (difference, hr);
    }
}
