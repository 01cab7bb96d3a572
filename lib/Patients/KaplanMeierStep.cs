namespace OrganoidBiomarkers.Patients;

/// <summary>
/// One row of the Kaplan-Meier table at a distinct observed time (event or censoring), as R
/// <c>summary(survfit(...), censored = TRUE)</c>.
/// </summary>
/// <param name="Time">The observed time.</param>
/// <param name="AtRisk">Subjects with time &gt;= <paramref name="Time"/> (censored at this time count as at risk).</param>
/// <param name="Events">Events at this time.</param>
/// <param name="Censored">Censorings at this time.</param>
/// <param name="Survival">S(t): product of (1 - events/at risk) over event times &lt;= t.</param>
/// <param name="StdErrLogSurvival">Greenwood standard error of log S: sqrt(sum d/(n(n-d))); R <c>fit$std.err</c>. +Inf once S = 0.</param>
/// <param name="StdErr">Standard error of S: S x <paramref name="StdErrLogSurvival"/>; R <c>summary(fit)$std.err</c>. NaN once S = 0 (as R).</param>
/// <param name="Lower">Lower confidence limit (NaN where undefined, R's NA).</param>
/// <param name="Upper">Upper confidence limit (NaN where undefined, R's NA).</param>
public sealed record KaplanMeierStep(
    double Time, int AtRisk, int Events, int Censored,
    double Survival, double StdErrLogSurvival, double StdErr, double Lower, double Upper);

/// <summary>
/// The Kaplan-Meier estimate read at a chosen time, as R <c>summary(fit, times = t, extend = TRUE)</c>: the value of
/// the right-continuous step function (the last step at or before t; 1 before the first step).
/// </summary>
/// <param name="Time">The query time.</param>
/// <param name="AtRisk">Subjects with time &gt;= the query time (the at-risk row under a KM plot).</param>
/// <param name="Survival">S(t).</param>
/// <param name="StdErr">Greenwood standard error of S(t).</param>
/// <param name="Lower">Lower confidence limit (NaN where undefined).</param>
/// <param name="Upper">Upper confidence limit (NaN where undefined).</param>
public sealed record KaplanMeierPoint(double Time, int AtRisk, double Survival, double StdErr, double Lower, double Upper);

/// <summary>
/// Median survival and its confidence limits, as R <c>print(survfit(...))</c> (survival:::survmean): the first time
/// the curve is below 0.5; if the curve equals 0.5 (within 1.5e-8) on an interval, the midpoint of that interval.
/// The limits are the same rule applied to the lower and upper confidence curves. NaN when not reached (R's NA).
/// </summary>
/// <param name="Estimate">Median survival time, in the fit's time unit; NaN when the curve never drops below 0.5.</param>
/// <param name="Lower">Lower confidence limit: the same rule on the lower confidence curve; NaN when not reached.</param>
/// <param name="Upper">Upper confidence limit: the same rule on the upper confidence curve; NaN when not reached (often, as
/// the upper curve drops last).</param>
public sealed record MedianSurvival(double Estimate, double Lower, double Upper);
