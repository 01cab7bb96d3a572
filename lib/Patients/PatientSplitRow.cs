using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Patients;

/// <summary>
/// One patient of one split: a row of output/results/patients.tsv, from which anyone can redraw the Kaplan-Meier
/// curves and recompute the log-rank test, 5-year survival and hazard ratio of the split with their own tools
/// (scripts/recompute/ does so with R's survival package).
/// </summary>
/// <param name="Arm">The study arm's id (e.g. "5fu").</param>
/// <param name="Drug">The drug as results name it (target row, e.g. "FLUOROURACIL").</param>
/// <param name="Setting">"main" or the sensitivity setting (<see cref="SensitivityEntry.Setting"/>).</param>
/// <param name="Cohort">The split patients' cohort.</param>
/// <param name="ExpressionSource">The source that scored them.</param>
/// <param name="SurvivalSource">The source of their follow-up.</param>
/// <param name="Selection">The model's selection (a baseline's name for baselines).</param>
/// <param name="Model">The regressor.</param>
/// <param name="K">Biomarkers asked for.</param>
/// <param name="Patient">12-character TCGA barcode.</param>
/// <param name="Score">Sum of coefficient x standardised pathway score over the biomarkers used.</param>
/// <param name="Responder">Predicted responder: score ≤ the median of the split's patients (<see cref="ResponderSplit.IsResponder"/>).</param>
/// <param name="Days">Follow-up in days, as read.</param>
/// <param name="Months">Days / (365/12), the time every survival statistic uses.</param>
/// <param name="Event">Death (true) or censored.</param>
public sealed record PatientSplitRow(string Arm, string Drug, string Setting, string Cohort, string ExpressionSource, string SurvivalSource,
    string Selection, string Model, int K, string Patient, double Score, bool Responder, double Days, double Months, bool Event)
{
    /// <summary>patients.tsv's columns, in file order (/work/coord/contracts.md).</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["arm", "drug", "setting", "cohort", "expression_source", "survival_source", "selection", "model", "k", "patient", "score", "group", "days", "months", "event"];

    /// <summary>The group's name in patients.tsv.</summary>
    public string Group => Responder ? "responder" : "nonresponder";

    /// <summary>The rows as patients.tsv (numbers as <see cref="TsvTable.Cell"/>: invariant, round-trip "R"; event 1 or 0).</summary>
    /// <param name="rows">The rows, written in the order given.</param>
    public static TsvTable Table(IEnumerable<PatientSplitRow> rows) => TsvTable.From(rows,
        ("arm", r => r.Arm), ("drug", r => r.Drug), ("setting", r => r.Setting), ("cohort", r => r.Cohort), ("expression_source", r => r.ExpressionSource),
        ("survival_source", r => r.SurvivalSource), ("selection", r => r.Selection), ("model", r => r.Model), ("k", r => r.K), ("patient", r => r.Patient),
        ("score", r => r.Score), ("group", r => r.Group), ("days", r => r.Days), ("months", r => r.Months), ("event", r => r.Event ? 1 : 0));
}

/// <summary>How a split recomputed from its patients.tsv rows compares with the result table it came from.</summary>
/// <param name="Arm">The arm.</param>
/// <param name="Setting">The setting.</param>
/// <param name="Patients">Rows of the split.</param>
/// <param name="CountsMatch">Patients, responders, non-responders and events all equal the table's.</param>
/// <param name="LogRankP">The log-rank p recomputed from the rows.</param>
/// <param name="MaxDifference">Largest |difference| of log-rank p, 5-year survival per group and HR against the table (0 when all are equal or both undefined).</param>
public sealed record PatientSplitCheck(string Arm, string Setting, int Patients, bool CountsMatch, double LogRankP, double MaxDifference);

/// <summary>
/// patients.tsv: every patient of the main split of each arm and of every sensitivity split beside it
/// (<see cref="SensitivitySplits"/>), ordered by arm (study order), setting (robustness.tsv's order), patient (ordinal).
/// </summary>
public static class PatientSplits
{
    /// <summary>
    /// The rows of <paramref name="sensitivity"/>'s entries, each taken from the in-memory split it summarises: the
    /// validation run or baseline run whose table row the entry came from.
    /// </summary>
    /// <param name="sensitivity">Each arm's sensitivity entries (the main split first).</param>
    /// <param name="runs">The validation runs the entries may come from.</param>
    /// <param name="baselines">The baseline runs the entries may come from.</param>
    /// <exception cref="ArgumentException">An entry whose split is not among the runs, or a unit without follow-up in days.</exception>
    public static IReadOnlyList<PatientSplitRow> Rows(IReadOnlyList<ArmSensitivity> sensitivity, IReadOnlyList<ValidationRun> runs, IReadOnlyList<BaselineRun> baselines)
    {
        ArgumentNullException.ThrowIfNull(sensitivity);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(baselines);
        var byValidation = runs.ToDictionary(r => (object)r.Row, r => (r.Unit.Treated, r.Outcome), ReferenceEqualityComparer.Instance);
        var byBaseline = baselines.ToDictionary(r => (object)r.Row, r => (r.Patients, r.Outcome), ReferenceEqualityComparer.Instance);
        var rows = new List<PatientSplitRow>();
        foreach (var arm in sensitivity)
            foreach (var e in arm.Entries)
            {
                object key = (object?)e.Validation ?? e.Baseline ?? throw new ArgumentException($"{arm.Arm.Id} / {e.Setting}: entry without a source row");
                var (unit, outcome) = byValidation.TryGetValue(key, out var v) ? v
                    : byBaseline.TryGetValue(key, out var b) ? b
                    : throw new ArgumentException($"{arm.Arm.Id} / {e.Setting}: the entry's split is not among the runs given");
                rows.AddRange(Of(arm.Arm.Id, e.Setting, e.Selection, e.Split, unit, outcome));
            }
        return rows;
    }

    /// <summary>One split's patients, in the unit's (ordinal) patient order.</summary>
    /// <param name="arm">The arm's id.</param>
    /// <param name="setting">The setting's label (as robustness.tsv writes it).</param>
    /// <param name="selection">The pathway selection of the split's model.</param>
    /// <param name="split">The split's table row.</param>
    /// <param name="unit">The patients split, built with follow-up in days.</param>
    /// <param name="outcome">The split of those patients.</param>
    /// <exception cref="ArgumentException">The unit has no follow-up in days (<see cref="ValidationUnit.FromFollowUp"/>) or the outcome is not of its patients.</exception>
    public static IEnumerable<PatientSplitRow> Of(string arm, string setting, string selection, SplitSummary split, ValidationUnit unit, ValidationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(outcome);
        var days = unit.FollowUpDays ?? throw new ArgumentException($"unit {unit.Cohort} x {unit.ExpressionSource}: no follow-up in days (build it with ValidationUnit.FromFollowUp)");
        if (!outcome.Split.Patients.SequenceEqual(unit.Patients, StringComparer.Ordinal))
            throw new ArgumentException($"{arm} / {setting}: the split's patients are not the unit's");
        return unit.Patients.Select((p, i) => new PatientSplitRow(arm, split.Drug, setting, split.Cohort, split.ExpressionSource, split.SurvivalSource,
            selection, split.Model, split.K, p, outcome.Split.Scores[i], outcome.Split.Responder[i], days[i], unit.Survival[i].Time, unit.Survival[i].Event));
    }

    /// <summary>
    /// Recomputes each split of <paramref name="rows"/> from its rows alone (months and event by group, <see cref="GroupComparison.Compare"/>)
    /// and compares with the table row it came from (<paramref name="tables"/>, keyed by arm and setting).
    /// </summary>
    /// <param name="rows">patients.tsv's rows.</param>
    /// <param name="tables">Each arm's sensitivity entries with their table rows.</param>
    public static IReadOnlyList<PatientSplitCheck> Check(IReadOnlyList<PatientSplitRow> rows, IReadOnlyList<ArmSensitivity> tables)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(tables);
        var checks = new List<PatientSplitCheck>();
        foreach (var arm in tables)
            foreach (var e in arm.Entries)
            {
                var mine = rows.Where(r => r.Arm == arm.Arm.Id && r.Setting == e.Setting).ToList();
                var r = mine.Where(x => x.Responder).Select(x => new SurvivalTime(x.Months, x.Event)).ToList();
                var n = mine.Where(x => !x.Responder).Select(x => new SurvivalTime(x.Months, x.Event)).ToList();
                var s = e.Split;
                bool counts = mine.Count == s.Patients && r.Count == s.Responders && n.Count == s.NonResponders && mine.Count(x => x.Event) == s.Events;
                double p = double.NaN, diff = double.NaN;
                if (r.Count > 0 && n.Count > 0)
                {
                    var c = GroupComparison.Compare(r, n);
                    p = c.LogRankP;
                    diff = new[] { (c.LogRankP, s.LogRankP), (c.SurvivalAtHorizonResponders, s.Surv5Responders), (c.SurvivalAtHorizonNonResponders, s.Surv5NonResponders),
                        (c.HazardRatio, s.HazardRatio) }.Max(x => Difference(x.Item1, x.Item2));
                }
                checks.Add(new PatientSplitCheck(arm.Arm.Id, e.Setting, mine.Count, counts, p, diff));
            }
        return checks;
    }

    private static double Difference(double a, double b) =>
        a.Equals(b) ? 0 : double.IsNaN(a) || double.IsNaN(b) || double.IsInfinity(a) || double.IsInfinity(b) ? double.PositiveInfinity : Math.Abs(a - b);
}
