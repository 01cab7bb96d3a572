namespace OrganoidBiomarkers.Patients;

/// <summary>
/// Scale on which the pointwise Kaplan-Meier confidence interval is symmetric, named after R survfit's
/// <c>conf.type</c> (survival::survfit_confint). All use Greenwood's variance.
/// </summary>
public enum KaplanMeierConfidence
{
    /// <summary>R <c>"log"</c> (survfit's default): exp(log S +- z se(log S)), upper capped at 1; undefined where S = 0.</summary>
    Log,
    /// <summary>R <c>"log-log"</c> (lifelines' only interval): exp(-exp(log(-log S) -+ z se(log S)/log S)); undefined where S = 0 or 1.</summary>
    LogLog,
    /// <summary>R <c>"plain"</c>: S +- z se(S), clipped to [0, 1].</summary>
    Plain,
}

/// <summary>What the Kaplan-Meier estimate means after the last follow-up time when the curve has not reached 0.</summary>
public enum KaplanMeierTail
{
    /// <summary>
    /// Not estimable: NaN (standard errors and limits too). The data say nothing past the last censoring. If the curve
    /// reached 0 it stays 0 (certain), so 0 is returned then.
    /// </summary>
    Undefined,
    /// <summary>
    /// The last value is carried forward, as R <c>summary(fit, times, extend = TRUE)</c> and lifelines'
    /// <c>survival_function_at_times</c> do (the authors' "5-year survival" if follow-up ended before 60 months).
    /// </summary>
    CarryLastValue,
}
