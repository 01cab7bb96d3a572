namespace OrganoidBiomarkers.Patients;

/// <summary>
/// Survival of predicted responders against predicted non-responders: KM curves, log-rank, survival at a horizon
/// (5 years = 60 months by default), and the Cox hazard ratio of non-responders relative to responders (HR > 1: the
/// predicted non-responders die sooner, which is what the paper's claim predicts). Times are in months.
/// </summary>
/// <param name="Responders">Patients predicted to respond.</param>
/// <param name="NonResponders">Patients predicted not to respond.</param>
/// <param name="EventsResponders">Deaths among the responders.</param>
/// <param name="EventsNonResponders">Deaths among the non-responders.</param>
/// <param name="LogRankChiSquare">Log-rank chi-square (1 df), &gt;= 0; NaN without deaths or when not estimable.</param>
/// <param name="LogRankP">Log-rank p in [0, 1]; NaN when the chi-square is.</param>
/// <param name="SurvivalAtHorizonResponders">Kaplan-Meier S(horizon) of the responders in [0, 1], the last value carried
/// past the last follow-up.</param>
/// <param name="SurvivalAtHorizonNonResponders">Kaplan-Meier S(horizon) of the non-responders, likewise.</param>
/// <param name="HazardRatio">Cox hazard ratio of non-responders relative to responders, &gt; 0; NaN without deaths or
/// when not estimable.</param>
/// <param name="HazardRatioLower">Lower limit of the Wald 95% interval of the hazard ratio (NaN likewise).</param>
/// <param name="HazardRatioUpper">Upper limit of the Wald 95% interval of the hazard ratio (NaN likewise).</param>
/// <param name="ResponderCurve">Kaplan-Meier fit of the responders.</param>
/// <param name="NonResponderCurve">Kaplan-Meier fit of the non-responders.</param>
public sealed record GroupComparison(
    int Responders,
    int NonResponders,
    int EventsResponders,
    int EventsNonResponders,
    double LogRankChiSquare,
    double LogRankP,
    double SurvivalAtHorizonResponders,
    double SurvivalAtHorizonNonResponders,
    double HazardRatio,
    double HazardRatioLower,
    double HazardRatioUpper,
    KaplanMeierFit ResponderCurve,
    KaplanMeierFit NonResponderCurve)
{
    /// <summary>Deaths in both groups.</summary>
    public int Events => EventsResponders + EventsNonResponders;

    /// <summary>Default horizon: 5 years.</summary>
    public const double FiveYearsInMonths = 60;

    /// <summary>
    /// Compares two groups' right-censored survival (times in months): Kaplan-Meier of each (R survival 3.5
    /// <c>survfit</c>), log-rank (<c>survdiff</c>), survival at <paramref name="horizonMonths"/> with the last value
    /// carried past the last follow-up (as lifelines), and the Cox hazard ratio of <paramref name="nonResponders"/>
    /// relative to <paramref name="responders"/> (<c>coxph</c>, Efron ties, Wald 95% interval). Tests are NaN without deaths,
    /// and the log-rank test and hazard ratio are NaN when every death happens while only one group is at risk (nothing
    /// to compare: <see cref="CoxStatus.NotEstimable"/>; R's coxph reports coef NA).
    /// </summary>
    /// <param name="responders">Predicted responders (≥ 1 subject).</param>
    /// <param name="nonResponders">Predicted non-responders (≥ 1 subject).</param>
    /// <param name="horizonMonths">The survival horizon, ≥ 0 (default 60 months = 5 years).</param>
    /// <exception cref="ArgumentException">Either group is empty.</exception>
    public static GroupComparison Compare(IReadOnlyList<SurvivalTime> responders, IReadOnlyList<SurvivalTime> nonResponders, double horizonMonths = FiveYearsInMonths)
    {
        if (responders.Count == 0 || nonResponders.Count == 0)
            throw new ArgumentException($"both groups need patients (responders {responders.Count}, non-responders {nonResponders.Count})");
        var kmR = KaplanMeier.Fit(responders);
        var kmN = KaplanMeier.Fit(nonResponders);
        int eR = responders.Count(t => t.Event), eN = nonResponders.Count(t => t.Event);
        double chi2 = double.NaN, p = double.NaN, hr = double.NaN, lo = double.NaN, hi = double.NaN;
        if (eR + eN > 0)
        {
            var lr = LogRank.Test(responders, nonResponders);
            (chi2, p) = (lr.ChiSquare, lr.PValue);
            var cox = CoxPh.FitGroups(responders, nonResponders);
            var c = cox.Coefficients[0];
            (hr, lo, hi) = (c.HazardRatio, c.Lower, c.Upper);
        }
        // lifelines (the authors) carries the last KM value past the last follow-up: so do we, for parity.
        return new GroupComparison(responders.Count, nonResponders.Count, eR, eN, chi2, p,
            kmR.SurvivalAt(horizonMonths, KaplanMeierTail.CarryLastValue), kmN.SurvivalAt(horizonMonths, KaplanMeierTail.CarryLastValue),
            hr, lo, hi, kmR, kmN);
    }
}
