using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Models;

namespace OrganoidBiomarkers.Patients;

/// <summary>
/// One analysis unit of the patient validation: the members of a cohort that an expression source scores, their
/// survival from one survival source (months), and the source's pathway scores standardised across its reference
/// patients (<see cref="ResponderSplit.Standardize"/>).
/// </summary>
/// <param name="Drug">The drug (the arm's target row).</param>
/// <param name="Cohort">The cohort of the patients.</param>
/// <param name="ExpressionSource">The source that scores them.</param>
/// <param name="SurvivalSource">The source of their follow-up.</param>
/// <param name="Standardized">Standardised pathway scores of <paramref name="Patients"/> (every pathway the source scores).</param>
/// <param name="Patients">The patients, in ordinal order.</param>
/// <param name="Survival">Their follow-up in months (<see cref="SurvivalTime.FromDaysInMonths"/>), in patient order.</param>
/// <param name="FollowUpDays">Their follow-up in days as read, in patient order, when the unit was built from days
/// (<see cref="FromFollowUp"/>); null otherwise.</param>
public sealed record ValidationUnit(
    string Drug,
    string Cohort,
    string ExpressionSource,
    string SurvivalSource,
    PathwayScores Standardized,
    IReadOnlyList<string> Patients,
    IReadOnlyList<SurvivalTime> Survival,
    IReadOnlyList<double>? FollowUpDays = null)
{
    /// <summary>Deaths among the unit's patients.</summary>
    public int Events => Survival.Count(s => s.Event);

    /// <summary>
    /// <see cref="Create"/> from follow-up in days (e.g. stage 01's cohort members, or a survival table): months are
    /// days / (365/12) (<see cref="SurvivalTime.FromDaysInMonths"/>), and the days are kept (<see cref="FollowUpDays"/>)
    /// so that patient-level outputs list them as read.
    /// </summary>
    /// <param name="drug">The drug (the arm's target row).</param>
    /// <param name="cohort">The cohort id.</param>
    /// <param name="expressionSource">The expression source id.</param>
    /// <param name="survivalSource">The survival source id.</param>
    /// <param name="standardized">The source's standardised pathway scores (<see cref="ResponderSplit.Standardize"/>).</param>
    /// <param name="followUp">Patient barcode -> follow-up in days and event.</param>
    /// <param name="log">Receives the join's counts.</param>
    public static ValidationUnit FromFollowUp(string drug, string cohort, string expressionSource, string survivalSource,
        PathwayScores standardized, IReadOnlyDictionary<string, SurvivalRecord> followUp, CountLog log)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        var months = followUp.ToDictionary(kv => kv.Key, kv => SurvivalTime.FromDaysInMonths(kv.Value.Days, kv.Value.Event), StringComparer.Ordinal);
        var unit = Create(drug, cohort, expressionSource, survivalSource, standardized, months, log);
        return unit with { FollowUpDays = unit.Patients.Select(p => followUp[p].Days).ToArray() };
    }

    /// <summary>
    /// The members of <paramref name="survival"/> (patient -> follow-up) that <paramref name="standardized"/> scores,
    /// in ordinal patient order (so the unit does not depend on file order); the join is counted. The unit keeps the
    /// standardised scores of these patients only.
    /// </summary>
    /// <param name="drug">The drug (the arm's target row).</param>
    /// <param name="cohort">The cohort id.</param>
    /// <param name="expressionSource">The expression source id.</param>
    /// <param name="survivalSource">The survival source id.</param>
    /// <param name="standardized">The source's standardised pathway scores.</param>
    /// <param name="survival">Patient barcode -> follow-up in months.</param>
    /// <param name="log">Receives the join's counts (members before, members with a profile after).</param>
    public static ValidationUnit Create(string drug, string cohort, string expressionSource, string survivalSource,
        PathwayScores standardized, IReadOnlyDictionary<string, SurvivalTime> survival, CountLog log)
    {
        ArgumentNullException.ThrowIfNull(standardized);
        ArgumentNullException.ThrowIfNull(survival);
        ArgumentNullException.ThrowIfNull(log);
        var scored = new HashSet<string>(standardized.Samples, StringComparer.Ordinal);
        var patients = survival.Keys.Where(scored.Contains).Order(StringComparer.Ordinal).ToArray();
        log.Record($"{cohort} x {expressionSource} ({survivalSource} survival)", survival.Count, patients.Length,
            $"members with a profile in {expressionSource}");
        // Only the unit's patients are kept (already standardised over the whole reference): splits look patients up
        // by name, and the random-set baseline splits each unit tens of thousands of times.
        return new ValidationUnit(drug, cohort, expressionSource, survivalSource, standardized.SelectSamples(patients), patients,
            patients.Select(p => survival[p]).ToArray());
    }
}

/// <summary>A split of one unit's patients by the top-k biomarkers, and the survival comparison of the two groups.</summary>
/// <param name="K">The number of top biomarkers asked for (the split lists the ones actually used).</param>
/// <param name="Split">Scores, median and groups.</param>
/// <param name="Comparison">Null when one group is empty (all scores tied) or the unit has no event.</param>
/// <param name="SignedLogRank">sqrt(chi-square), positive when predicted non-responders die more than expected (the
/// paper's direction), negative otherwise; NaN when undefined.</param>
public sealed record ValidationOutcome(int K, PatientSplit Split, GroupComparison? Comparison, double SignedLogRank);

/// <summary>
/// The paper's patient validation of organoid biomarkers: score each patient with the top-k biomarkers
/// (<see cref="ResponderSplit.Split"/>), call the half at or below the median predicted responders, and compare the
/// groups' survival (<see cref="GroupComparison"/>: Kaplan-Meier, log-rank, 5-year survival, Cox HR).
/// </summary>
public static class SurvivalValidation
{
    /// <summary>
    /// Splits <paramref name="unit"/>'s patients by the top <paramref name="k"/> scorable biomarkers of
    /// <paramref name="ranked"/> (<see cref="ResponderSplit.Split"/>) and compares the groups' survival
    /// (<see cref="GroupComparison.Compare"/>, matched to R survival 3.5); the comparison is null when a group is empty
    /// or the unit has no death.
    /// </summary>
    /// <param name="ranked">A model's biomarkers with ranks and coefficients.</param>
    /// <param name="k">Biomarkers to use, k ≥ 1.</param>
    /// <param name="unit">The patients (≥ 2).</param>
    public static ValidationOutcome Evaluate(IReadOnlyList<RankedBiomarker> ranked, int k, ValidationUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var split = ResponderSplit.Split(ranked, k, unit.Standardized, unit.Patients);
        var (responders, nonResponders) = Groups(split, unit.Survival);
        if (responders.Count == 0 || nonResponders.Count == 0 || unit.Events == 0)
            return new ValidationOutcome(k, split, null, double.NaN);
        var comparison = GroupComparison.Compare(responders, nonResponders);
        return new ValidationOutcome(k, split, comparison, Signed(responders, nonResponders));
    }

    /// <summary>
    /// The log-rank chi-square of a split and its signed square root (see <see cref="ValidationOutcome.SignedLogRank"/>),
    /// without the Kaplan-Meier and Cox fits: what the random-set null needs. NaN when undefined.
    /// </summary>
    /// <param name="split">The split of the unit's patients.</param>
    /// <param name="survival">The same patients' follow-up, in the split's patient order.</param>
    /// <returns>Both NaN when a group is empty or there is no death; the statistic itself is NaN when no death time
    /// has both groups at risk.</returns>
    /// <exception cref="ArgumentException">The survival list and the split differ in length.</exception>
    public static (double ChiSquare, double Signed) LogRankStatistic(PatientSplit split, IReadOnlyList<SurvivalTime> survival)
    {
        var (responders, nonResponders) = Groups(split, survival);
        if (responders.Count == 0 || nonResponders.Count == 0 || !responders.Concat(nonResponders).Any(s => s.Event))
            return (double.NaN, double.NaN);
        var lr = LogRank.Test(responders, nonResponders);
        return (lr.ChiSquare, Sign(lr) * Math.Sqrt(lr.ChiSquare));
    }

    private static double Signed(IReadOnlyList<SurvivalTime> responders, IReadOnlyList<SurvivalTime> nonResponders)
    {
        var lr = LogRank.Test(responders, nonResponders);
        return Sign(lr) * Math.Sqrt(lr.ChiSquare);
    }

    private static double Sign(LogRankResult lr) => lr.Group2.Observed >= lr.Group2.Expected ? 1 : -1;

    private static (List<SurvivalTime> Responders, List<SurvivalTime> NonResponders) Groups(PatientSplit split, IReadOnlyList<SurvivalTime> survival)
    {
        if (survival.Count != split.Patients.Count)
            throw new ArgumentException($"{survival.Count} survival times for {split.Patients.Count} split patients");
        var r = new List<SurvivalTime>();
        var n = new List<SurvivalTime>();
        for (int i = 0; i < survival.Count; i++) (split.Responder[i] ? r : n).Add(survival[i]);
        return (r, n);
    }
}
