namespace OrganoidBiomarkers.Patients;

/// <summary>
/// A fitted Kaplan-Meier curve (<see cref="KaplanMeier.Fit"/>): the step table and what is read off it (survival at
/// chosen times, median, at-risk counts, plot coordinates).
/// </summary>
/// <param name="Steps">One row per distinct observed time, ascending (events and censorings), as R survfit.</param>
/// <param name="Confidence">Interval scale used for <see cref="KaplanMeierStep.Lower"/>/<see cref="KaplanMeierStep.Upper"/>.</param>
/// <param name="ConfidenceLevel">Two-sided level of the intervals.</param>
/// <param name="Subjects">Number of subjects.</param>
/// <param name="Events">Number of events.</param>
public sealed record KaplanMeierFit(
    IReadOnlyList<KaplanMeierStep> Steps,
    KaplanMeierConfidence Confidence,
    double ConfidenceLevel,
    int Subjects,
    int Events)
{
    /// <summary>The last observed time (event or censoring).</summary>
    public double LastTime => Steps[^1].Time;

    /// <summary>
    /// S(t), the right-continuous step function: the survival of the last step at or before <paramref name="t"/>
    /// (1 before the first step). After <see cref="LastTime"/> see <paramref name="tail"/>.
    /// </summary>
    /// <param name="t">Query time in the fit's time unit; any value but NaN (before the first step S = 1).</param>
    /// <param name="tail">What S is after the last observed time when the curve has not reached 0 (default NaN).</param>
    /// <returns>S(t) in [0, 1], or NaN past the last time under <see cref="KaplanMeierTail.Undefined"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="t"/> is NaN.</exception>
    public double SurvivalAt(double t, KaplanMeierTail tail = KaplanMeierTail.Undefined) => At(t, tail).Survival;

    /// <summary>S(t) at each of <paramref name="times"/> (see <see cref="SurvivalAt(double, KaplanMeierTail)"/>).</summary>
    /// <param name="times">Query times, none NaN.</param>
    /// <param name="tail">What S is after the last observed time.</param>
    public double[] SurvivalAt(IReadOnlyList<double> times, KaplanMeierTail tail = KaplanMeierTail.Undefined) =>
        times.Select(t => SurvivalAt(t, tail)).ToArray();

    /// <summary>
    /// The estimate, its standard error and limits, and the number at risk at <paramref name="t"/>, as R
    /// <c>summary(fit, times = t, extend = TRUE)</c> for <see cref="KaplanMeierTail.CarryLastValue"/>. Before the
    /// first step: S = 1, se 0, limits 1 (R's survfit0 start row). One deviation: for t &lt; 0 when a subject has
    /// time 0, R reports S(0) (its row lookup clamps to the first row); this returns 1.
    /// </summary>
    /// <param name="t">Query time; any value but NaN.</param>
    /// <param name="tail">Past the last time with S &gt; 0: NaN estimate and limits (<see cref="KaplanMeierTail.Undefined"/>)
    /// or the last step's values carried on.</param>
    /// <exception cref="ArgumentException"><paramref name="t"/> is NaN.</exception>
    public KaplanMeierPoint At(double t, KaplanMeierTail tail = KaplanMeierTail.Undefined)
    {
        SurvivalInput.ValidateQueryTime(t, nameof(t));
        int atRisk = AtRisk(t);
        int k = LastStepAtOrBefore(t);
        if (k < 0) return new KaplanMeierPoint(t, atRisk, 1, 0, 1, 1);
        var s = Steps[k];
        if (t > LastTime && tail == KaplanMeierTail.Undefined && s.Survival > 0)
            return new KaplanMeierPoint(t, atRisk, double.NaN, double.NaN, double.NaN, double.NaN);
        return new KaplanMeierPoint(t, atRisk, s.Survival, s.StdErr, s.Lower, s.Upper);
    }

    /// <summary>Number of subjects still under observation at <paramref name="t"/> (time &gt;= t); 0 after the last time.</summary>
    /// <param name="t">Query time; any value but NaN.</param>
    /// <exception cref="ArgumentException"><paramref name="t"/> is NaN.</exception>
    public int AtRisk(double t)
    {
        SurvivalInput.ValidateQueryTime(t, nameof(t));
        // Steps are ascending: the first step at or after t holds everyone with time >= t.
        int lo = 0, hi = Steps.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (Steps[mid].Time >= t) hi = mid; else lo = mid + 1;
        }
        return lo < Steps.Count ? Steps[lo].AtRisk : 0;
    }

    /// <summary>At-risk counts at each of <paramref name="times"/>: the table printed under a KM plot.</summary>
    /// <param name="times">Query times, none NaN.</param>
    public int[] AtRisk(IReadOnlyList<double> times) => times.Select(AtRisk).ToArray();

    /// <summary>
    /// Median survival with confidence limits, as R <c>print(survfit(...))</c> / <c>summary(fit)$table</c>. Other
    /// conventions differ only when the curve equals 0.5 exactly: R's <c>quantile(fit, 0.5)</c> then also takes the
    /// midpoint, but with the last time when the curve ends at 0.5; lifelines' <c>median_survival_time_</c> takes the
    /// first time with S &lt;= 0.5 (no midpoint).
    /// </summary>
    public MedianSurvival Median
    {
        get
        {
            // survmean runs on the survfit0 curve (a start row at time 0 with S = lower = upper = 1); that row can
            // never be below 0.5, so the steps alone give the same answer.
            var times = Steps.Select(s => s.Time).ToArray();
            return new MedianSurvival(
                FirstBelowHalf(times, Steps.Select(s => s.Survival).ToArray()),
                FirstBelowHalf(times, Steps.Select(s => s.Lower).ToArray()),
                FirstBelowHalf(times, Steps.Select(s => s.Upper).ToArray()));
        }
    }

    /// <summary>
    /// Plot coordinates of the step curve: a start point at time 0 with S = lower = upper = 1 (omitted when a subject
    /// has time 0, as R survfit0), then one point per step; each value holds until the next point's time (draw as a
    /// horizontal-then-vertical step).
    /// </summary>
    public IReadOnlyList<KaplanMeierPoint> CurvePoints()
    {
        var points = new List<KaplanMeierPoint>(Steps.Count + 1);
        if (Steps[0].Time != 0) points.Add(new KaplanMeierPoint(0, Subjects, 1, 0, 1, 1));
        points.AddRange(Steps.Select(s => new KaplanMeierPoint(s.Time, s.AtRisk, s.Survival, s.StdErr, s.Lower, s.Upper)));
        return points;
    }

    /// <summary>Censoring tick marks for a plot: (time, survival) of every step with at least one censoring.</summary>
    public IReadOnlyList<(double Time, double Survival)> CensorMarks() =>
        Steps.Where(s => s.Censored > 0).Select(s => (s.Time, s.Survival)).ToArray();

    private int LastStepAtOrBefore(double t)
    {
        int lo = 0, hi = Steps.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (Steps[mid].Time <= t) lo = mid + 1; else hi = mid;
        }
        return lo - 1;
    }

    /// <summary>survival:::survmean's minmin: first time with y &lt; 0.5 (+tol); midpoint rule when y == 0.5 there.</summary>
    private static double FirstBelowHalf(double[] x, double[] y)
    {
        const double tolerance = 1.4901161193847656e-08; // R: .Machine$double.eps^0.5
        int first = -1;
        for (int i = 0; i < y.Length; i++)
            if (!double.IsNaN(y[i]) && y[i] < 0.5 + tolerance) { first = i; break; }
        if (first < 0) return double.NaN;
        if (Math.Abs(y[first] - 0.5) < tolerance)
            for (int j = first + 1; j < y.Length; j++)
                if (!double.IsNaN(y[j]) && y[j] < y[first]) return (x[first] + x[j]) / 2;
        return x[first];
    }
}
