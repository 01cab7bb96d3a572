using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Patients;
using OrganoidBiomarkers.Reporting;

namespace OrganoidBiomarkers.Pipeline;

/// <summary>
/// Notebook 05's figures and last files, each in one call, so the notebook keeps one library call per step: the main
/// Kaplan-Meier figures (static and interactive), the random-set null figures, and patients.tsv with the stage-06
/// hand-over (<see cref="PatientStageFiles.WriteHandOver"/>) and counts_log.tsv.
/// </summary>
public static class PatientStageOutputs
{
    /// <summary>The main split's Kaplan-Meier figure, titled with its unit and biomarker, saved as 05_km_{drug}_main.png.</summary>
    /// <param name="run">The run (output/figures/).</param>
    /// <param name="main">An arm's main run, with a defined comparison.</param>
    public static Figure KaplanMeier(RunContext run, ValidationRun main)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(main);
        var b = main.Outcome.Split.Biomarkers[0];
        string name = b.Name.Replace("REACTOME_", "", StringComparison.Ordinal);
        return Figures.Save(ValidationFigures.KaplanMeier(main.Outcome.Comparison ?? throw new ArgumentException($"arm {main.Arm.Arm.Id}: the main split has no defined comparison", nameof(main)),
            $"{main.Arm.Arm.Drug.Label}: TCGA {main.Unit.Analysis.Cohort} ({main.Unit.ExpressionSource}, {main.Unit.Analysis.Survival} survival), {main.Model.Model}, k = {main.Outcome.K}",
            $"split by biomarker rank {b.Rank}, {(name.Length > 55 ? name[..52] + "..." : name)}{(b.Rank > 1 ? " (better ranks not scorable here)" : "")}; trained on {main.Arm.TrainingLabel}"),
            run.FigurePath($"05_km_{main.Arm.Arm.Drug.FileLabel}_main.png"), 1000, 640);
    }

    /// <summary>The interactive Kaplan-Meier chart of the main split (hover: month, survival, number at risk), saved as 05_km_{drug}_main.plotly.json.</summary>
    public static InteractiveChart InteractiveKaplanMeier(RunContext run, ValidationRun main)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(main);
        return InteractiveCharts.KaplanMeier(main.Outcome.Comparison ?? throw new ArgumentException($"arm {main.Arm.Arm.Id}: the main split has no defined comparison", nameof(main)),
            $"{main.Arm.Arm.Drug.Label}: TCGA {main.Unit.Analysis.Cohort} ({main.Unit.ExpressionSource}), {main.Model.Model}, k = {main.Outcome.K}")
            .Save(run.FigurePath($"05_km_{main.Arm.Arm.Drug.FileLabel}_main.plotly.json"));
    }

    /// <summary>The random-set null of the main split's unit at its k (chi-square histogram, observed marked), saved as 05_random_sets_{drug}.png.</summary>
    public static Figure RandomSets(RunContext run, ValidationRun main, IReadOnlyList<RandomSetComparison> randomRows)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(main);
        ArgumentNullException.ThrowIfNull(randomRows);
        var random = randomRows.Single(x => x.Unit == main.Unit && x.K == main.Outcome.K);
        return Figures.Save(ValidationFigures.NullDistribution(random.NullChiSquares, random.Observed, random.P,
            $"{main.Arm.Arm.Drug.Label}: {main.Unit.Analysis.Cohort} x {main.Unit.ExpressionSource} ({main.Unit.Analysis.Survival}), k = {main.Outcome.K}: {random.Group.Null.Draws} random sets of {random.Group.Null.SetSize} pathways",
            "log-rank chi-square"), run.FigurePath($"05_random_sets_{main.Arm.Arm.Drug.FileLabel}.png"), 1000, 640);
    }

    /// <summary>
    /// Writes results/validation.tsv: the paper models' runs, then the learner comparison's (<see cref="ValidationRow.Table"/>).
    /// </summary>
    /// <param name="run">The run (result folder).</param>
    /// <param name="runs">The paper models' runs.</param>
    /// <param name="learnerRuns">The ML.NET learners' runs (never main).</param>
    /// <returns>The table written (stage 06's hand-over copies it).</returns>
    public static TsvTable WriteValidation(RunContext run, IReadOnlyList<ValidationRun> runs, IReadOnlyList<ValidationRun> learnerRuns)
    {
        ArgumentNullException.ThrowIfNull(run);
        var table = ValidationRow.Table(runs.Concat(learnerRuns).Select(r => r.Row));
        table.Write(run.ResultPath("validation.tsv"));
        return table;
    }

    /// <summary>Writes results/baselines.tsv: the baselines' rows, then the random-set comparisons' (<see cref="BaselineRow.Table"/>).</summary>
    /// <param name="run">The run (result folder).</param>
    /// <param name="baselineRuns">The negative control and baseline runs.</param>
    /// <param name="randomRows">The random-set comparisons.</param>
    /// <returns>The table written (stage 06's hand-over copies it).</returns>
    public static TsvTable WriteBaselines(RunContext run, IReadOnlyList<BaselineRun> baselineRuns, IReadOnlyList<RandomSetComparison> randomRows)
    {
        ArgumentNullException.ThrowIfNull(run);
        var table = BaselineRow.Table(baselineRuns.Select(b => b.Row).Concat(randomRows.Select(r => r.Row)));
        table.Write(run.ResultPath("baselines.tsv"));
        return table;
    }

    /// <summary>
    /// Writes results/patients.tsv (every patient of each arm's main split and of its sensitivity splits, from the paper
    /// models' runs only: the learner comparison's rows are not in it), the stage-06 hand-over and stages/05/counts_log.tsv;
    /// returns each split recomputed from its patient rows against its table row (<see cref="PatientSplits.Check"/>).
    /// </summary>
    public static IReadOnlyList<PatientSplitCheck> Write(RunContext run, Study.StudyDefinition study, IReadOnlyList<ArmInputs> arms, IReadOnlyList<ValidationRun> runs, IReadOnlyList<BaselineRun> baselineRuns,
        TsvTable validationTable, TsvTable baselinesTable, IReadOnlyList<ValidationRun> mainRuns, CountLog log)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(arms);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(baselineRuns);
        ArgumentNullException.ThrowIfNull(log);
        var allValidation = runs.Select(r => r.Row).ToList();
        var allBaselines = baselineRuns.Select(b => b.Row).ToList();
        var sensitivity = arms.Select(a => SensitivitySplits.Of(study, a.Arm, allValidation, allBaselines)).ToList();
        var patientRows = PatientSplits.Rows(sensitivity, runs, baselineRuns);
        PatientSplitRow.Table(patientRows).Write(run.ResultPath("patients.tsv"));
        PatientStageFiles.WriteHandOver(run, validationTable, baselinesTable, mainRuns);
        CountLogTable.Of(log).Write(run.StagePath(5, "counts_log.tsv"));
        return PatientSplits.Check(patientRows, sensitivity);
    }
}
