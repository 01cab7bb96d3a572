using System.Globalization;
using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Patients;

/// <summary>
/// One patient split as the result tables list it (the shared columns of validation.tsv and baselines.tsv): which
/// patients, which model and k, the group sizes and deaths, and the survival comparison (<see cref="GroupComparison"/>).
/// NaN where the comparison is undefined (one group empty, or no death).
/// </summary>
/// <param name="Drug">The arm's drug as stage 03/04 name it (target row, e.g. "FLUOROURACIL").</param>
/// <param name="Cohort">The split patients' cohort (treated, or untreated for the negative control).</param>
/// <param name="ExpressionSource">The expression source that scored them.</param>
/// <param name="SurvivalSource">The survival source of their follow-up.</param>
/// <param name="Mode">The gene-set convention of the scores ("authors" or "corrected").</param>
/// <param name="Model">The regressor ("ridgecv", "svr", "ols").</param>
/// <param name="K">Biomarkers asked for (1 ≤ k ≤ <see cref="ValidationGrid.MaxK"/>).</param>
/// <param name="Patients">Patients split (≥ 2).</param>
/// <param name="Responders">Predicted responders (score ≤ median).</param>
/// <param name="NonResponders">Predicted non-responders.</param>
/// <param name="Events">Deaths among the split patients.</param>
/// <param name="LogRankP">Log-rank p (chi-square, 1 df).</param>
/// <param name="Surv5Responders">Kaplan-Meier survival of the responders at 60 months (last value carried).</param>
/// <param name="Surv5NonResponders">The same for the non-responders.</param>
/// <param name="HazardRatio">Cox hazard ratio of non-responders vs responders (Efron); +inf or 0 when one group has no death.</param>
/// <param name="HazardRatioLower">Lower Wald 95% limit.</param>
/// <param name="HazardRatioUpper">Upper Wald 95% limit.</param>
/// <param name="KUsed">Biomarkers actually used (fewer than k only when the source scores fewer).</param>
/// <param name="Biomarkers">The biomarkers used, "rank:name" joined by ';'.</param>
/// <param name="UnscoredSkipped">Better-ranked biomarkers the source could not score.</param>
/// <param name="LogRankChiSquare">The log-rank chi-square.</param>
/// <param name="SignedZ">Its signed root: + when the predicted non-responders die sooner (the paper's direction).</param>
/// <param name="TrainingOrganoids">The training set's label (<see cref="ArmInputs.TrainingLabel"/>), naming a substitute.</param>
public sealed record SplitSummary(
    string Drug, string Cohort, string ExpressionSource, string SurvivalSource, string Mode, string Model, int K,
    int Patients, int Responders, int NonResponders, int Events,
    double LogRankP, double Surv5Responders, double Surv5NonResponders, double HazardRatio, double HazardRatioLower, double HazardRatioUpper,
    int KUsed, string Biomarkers, int UnscoredSkipped, double LogRankChiSquare, double SignedZ, string TrainingOrganoids)
{
    /// <summary>The column names, in file order; <paramref name="patientsColumn"/> is "n_treated" (validation.tsv) or "n_patients" (baselines.tsv).</summary>
    /// <param name="patientsColumn">The name of the patient-count column.</param>
    public static IReadOnlyList<string> Columns(string patientsColumn) =>
        ["drug", "cohort", "expression_source", "survival_source", "mode", "model", "k", patientsColumn, "n_responders", "n_nonresponders", "events",
         "logrank_p", "surv5_responders", "surv5_nonresponders", "hr", "hr_low", "hr_high", "k_used", "biomarkers", "unscored_skipped",
         "logrank_chisq", "signed_z", "training_organoids"];

    /// <summary>The summary of <paramref name="outcome"/> on <paramref name="unit"/>'s patients.</summary>
    /// <param name="unit">The patients split.</param>
    /// <param name="mode">The gene-set convention of the run.</param>
    /// <param name="model">The model's name.</param>
    /// <param name="outcome">The split and its comparison; a null comparison gives NaN tests.</param>
    /// <param name="trainingOrganoids">The training set's label (<see cref="ArmInputs.TrainingLabel"/>).</param>
    public static SplitSummary Of(ValidationUnit unit, string mode, string model, ValidationOutcome outcome, string trainingOrganoids)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(outcome);
        var c = outcome.Comparison;
        int responders = outcome.Split.Responder.Count(x => x);
        return new SplitSummary(unit.Drug, unit.Cohort, unit.ExpressionSource, unit.SurvivalSource, mode, model, outcome.K,
            unit.Patients.Count, responders, unit.Patients.Count - responders, unit.Events,
            c?.LogRankP ?? double.NaN, c?.SurvivalAtHorizonResponders ?? double.NaN, c?.SurvivalAtHorizonNonResponders ?? double.NaN,
            c?.HazardRatio ?? double.NaN, c?.HazardRatioLower ?? double.NaN, c?.HazardRatioUpper ?? double.NaN,
            outcome.Split.Biomarkers.Count, string.Join(";", outcome.Split.Biomarkers.Select(b => $"{b.Rank}:{b.Name}")),
            outcome.Split.UnscoredBiomarkers.Count, c?.LogRankChiSquare ?? double.NaN, outcome.SignedLogRank, trainingOrganoids);
    }

    /// <summary>The cells, in <see cref="Columns"/> order, formatted as <see cref="TsvTable.Cell"/> does.</summary>
    public IEnumerable<string> Cells() => new object?[]
    {
        Drug, Cohort, ExpressionSource, SurvivalSource, Mode, Model, K, Patients, Responders, NonResponders, Events,
        LogRankP, Surv5Responders, Surv5NonResponders, HazardRatio, HazardRatioLower, HazardRatioUpper,
        KUsed, Biomarkers, UnscoredSkipped, LogRankChiSquare, SignedZ, TrainingOrganoids,
    }.Select(TsvTable.Cell);

    /// <summary>Reads the summary from <paramref name="row"/> starting at <paramref name="at"/> (the <see cref="Columns"/> block).</summary>
    internal static SplitSummary Read(TableCells row, int at) => new(
        row.Text(at), row.Text(at + 1), row.Text(at + 2), row.Text(at + 3), row.Text(at + 4), row.Text(at + 5), row.Int(at + 6),
        row.Int(at + 7), row.Int(at + 8), row.Int(at + 9), row.Int(at + 10),
        row.Number(at + 11), row.Number(at + 12), row.Number(at + 13), row.Number(at + 14), row.Number(at + 15), row.Number(at + 16),
        row.Int(at + 17), row.Text(at + 18), row.Int(at + 19), row.Number(at + 20), row.Number(at + 21), row.Text(at + 22));
}

/// <summary>
/// Typed access to one row of a result table read back from disk, with errors that name the file, line and column
/// (<see cref="InputException"/>). Numbers are parsed with the invariant culture: what <see cref="TsvTable.Cell"/> wrote
/// ("R" round-trip, "NA" for NaN, "Infinity") comes back as the same double, bit for bit.
/// </summary>
internal sealed class TableCells(string path, int line, IReadOnlyList<string> columns, IReadOnlyList<string> cells, string stage)
{
    public string Text(int i) => cells[i];

    public int Int(int i) => int.TryParse(cells[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v
        : throw Bad(i, "is not an integer");

    public int? OptionalInt(int i) => cells[i].Length == 0 ? null : Int(i);

    public double Number(int i) => cells[i] == "NA" ? double.NaN
        : double.TryParse(cells[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : throw Bad(i, "is not a number");

    public double? OptionalNumber(int i) => cells[i].Length == 0 ? null : Number(i);

    public bool Bool(int i) => cells[i] switch { "true" => true, "false" => false, _ => throw Bad(i, "is not true/false") };

    private InputException Bad(int i, string problem) =>
        new(path, line, $"{columns[i]} '{cells[i]}' {problem}", $"rerun stage {stage}");

    /// <summary>Checks that <paramref name="table"/> has exactly <paramref name="expected"/> as its header.</summary>
    public static void RequireColumns(TsvTable table, IReadOnlyList<string> expected, string path, string stage)
    {
        if (!table.Columns.SequenceEqual(expected, StringComparer.Ordinal))
            throw new InputException(path, 1, $"columns ({string.Join(", ", table.Columns)}) are not the expected ({string.Join(", ", expected)})",
                $"rerun stage {stage}");
    }

    /// <summary>Each row of <paramref name="table"/> with its 1-based file line.</summary>
    public static IEnumerable<TableCells> Rows(TsvTable table, string path, string stage) =>
        table.Rows.Select((r, i) => new TableCells(path, i + 2, table.Columns, r, stage));
}
