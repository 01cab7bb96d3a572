using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Models;

namespace OrganoidBiomarkers.Patients;

/// <summary>
/// One analysis unit of the patient validation: the members of a cohort that an expression source scores, their
/// survival from one survival source (months), and the source's pathway scores standardised across its reference
/// patients (<see cref="ResponderSplit.Standardize"/>).
/// </summary>
public sealed record ValidationUnit(
    string Drug,
    string Cohort,
    string ExpressionSource,
    string SurvivalSource,
    PathwayScores Standardized,
    IReadOnlyList<string> Patients,
    IReadOnlyList<SurvivalTime> Survival)
{
    public int Events => Survival.Count(s => s.Event);

    /// <summary>
    /// The members of <paramref name="survival"/> (patient -> follow-up) that <paramref name="standardized"/> scores,
    /// in ordinal patient order (so the unit does not depend on file order); the join is counted. The unit keeps the
    /// standardised scores of these patients only.
    /// </summary>
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
