using System.Globalization;
using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Models;
using OrganoidBiomarkers.Patients;
using OrganoidBiomarkers.Study;

namespace OrganoidBiomarkers.Pipeline;

/// <summary>
/// What stage 05 (patient validation) reads from earlier stages: the study, stage 01's cohort members, organoid
/// responses and cohort table, stage 03's proximal pathways, stage 04's models and organoid scores, and each arm's inputs.
/// </summary>
/// <param name="Study">The study definition.</param>
/// <param name="Members">Cohort members by cohort (stages/01/cohort_members.tsv).</param>
/// <param name="Cohorts">stages/01/cohorts.tsv.</param>
/// <param name="Proximal">stages/03/proximal_pathways.tsv as (drug, selection, pathway).</param>
/// <param name="Models">stages/04/models.tsv.</param>
/// <param name="Mode">The one gene-set convention of the models (<see cref="ArmInputs.ModeOf"/>).</param>
/// <param name="OrganoidScores">stages/04/organoid_nes.tsv.</param>
/// <param name="Arms">Each arm's inputs, in study order.</param>
public sealed record PatientValidationInputs(StudyDefinition Study, IReadOnlyDictionary<string, IReadOnlyList<CohortMember>> Members, TsvTable Cohorts,
    IReadOnlyList<(string Drug, string Selection, string Pathway)> Proximal, IReadOnlyList<StageModel> Models, string Mode,
    PathwayScores OrganoidScores, IReadOnlyList<ArmInputs> Arms);

/// <summary>What stage 06 (robustness) reads: stage 04's models and organoid scores, stage 05's hand-over, each arm's inputs.</summary>
/// <param name="Study">The study definition.</param>
/// <param name="OrganoidScores">stages/04/organoid_nes.tsv.</param>
/// <param name="Arms">Each arm's inputs, in study order.</param>
/// <param name="Validation">stages/05/validation.tsv.</param>
/// <param name="Baselines">stages/05/baselines.tsv.</param>
/// <param name="MainSplits">Each arm's main split rebuilt from stages/05/main_units.tsv and main_scores_*.tsv, checked against validation.tsv.</param>
public sealed record RobustnessInputs(StudyDefinition Study, PathwayScores OrganoidScores, IReadOnlyList<ArmInputs> Arms,
    IReadOnlyList<ValidationRow> Validation, IReadOnlyList<BaselineRow> Baselines, IReadOnlyList<MainSplit> MainSplits);

/// <summary>
/// The files stages 05 and 06 read and write under output/stages/ (later stages read these, never output/results/):
/// stage 05 hands stage 06 copies of validation.tsv and baselines.tsv, and each arm's main unit (patients, follow-up in
/// days, standardised pathway scores), from which stage 06 rebuilds the main split bit for bit.
/// </summary>
public static class PatientStageFiles
{
    /// <summary>stages/05/main_units.tsv: every patient of each arm's main unit with follow-up in days.</summary>
    public const string MainUnitsFile = "main_units.tsv";

    /// <summary>stages/05/main_scores_&lt;arm&gt;.tsv: the main unit's standardised pathway scores (pathways x patients).</summary>
    /// <param name="arm">The arm; its drug's <see cref="DrugIdentity.FileLabel"/> names the file (e.g. main_scores_5fu.tsv).</param>
    public static string MainScoresFile(ArmDefinition arm) => $"main_scores_{arm.Drug.FileLabel}.tsv";

    /// <summary>Reads what stage 05 needs (stages 01, 03 and 04).</summary>
    /// <param name="run">The run (its study and output/stages/).</param>
    /// <exception cref="InputException">A stage file is missing (the fix names the stage to run) or malformed.</exception>
    public static PatientValidationInputs ForPatientValidation(RunContext run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var study = run.Study;
        var members = StageFiles.CohortMembers(run.StagePath(1, "cohort_members.tsv"));
        var cohortsPath = run.StagePath(1, "cohorts.tsv");
        if (!File.Exists(cohortsPath)) throw new InputException(cohortsPath, 0, "file not found", "run stage 01 first (scripts/run-pipeline, or --only 01)");
        var proximal = StageFiles.ProximalPathways(run.StagePath(3, "proximal_pathways.tsv")).Select(p => (p.Drug, p.Selection, p.Pathway)).ToList();
        var (models, mode, organoids, arms) = Stage04(run, study, members);
        return new PatientValidationInputs(study, members, TsvFiles.Read(cohortsPath), proximal, models, mode, organoids, arms);
    }

    /// <summary>
    /// Stage 04's learner comparison rankings (stages/04/learner_models.tsv, models.tsv's schema; coef = signed
    /// permutation importance), for stage 05's learner splits (<see cref="LearnerSplits"/>).
    /// </summary>
    public static IReadOnlyList<StageModel> LearnerModels(RunContext run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return StageFiles.Models(run.StagePath(4, LearnerFitting.StageFile));
    }

    /// <summary>Reads what stage 06 needs (stages 01, 04 and 05) and rebuilds each arm's main split (<see cref="MainSplit.Rebuild"/>).</summary>
    /// <param name="run">The run (its study and output/stages/).</param>
    /// <exception cref="InputException">A stage file is missing (the fix names the stage to run) or malformed.</exception>
    /// <exception cref="InvalidOperationException">A main split rebuilt from the hand-over differs from validation.tsv's main row (rerun stage 05).</exception>
    public static RobustnessInputs ForRobustness(RunContext run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var study = run.Study;
        var members = StageFiles.CohortMembers(run.StagePath(1, "cohort_members.tsv"));
        var (_, _, organoids, arms) = Stage04(run, study, members);
        var validation = ValidationRow.Parse(ReadStage05(run, "validation.tsv"), run.StagePath(5, "validation.tsv"));
        var baselines = BaselineRow.Parse(ReadStage05(run, "baselines.tsv"), run.StagePath(5, "baselines.tsv"));
        var units = ReadMainUnits(run, arms);
        var mains = arms.Select(a => MainSplit.Rebuild(a, validation.Single(v => v.Main && v.Split.Drug == a.Drug), units[a.Arm.Id])).ToList();
        return new RobustnessInputs(study, organoids, arms, validation, baselines, mains);
    }

    /// <summary>Writes stage 05's hand-over: validation.tsv and baselines.tsv copies, the main units and their scores.</summary>
    /// <param name="run">The run (files go to output/stages/05/).</param>
    /// <param name="validation">The table written as validation.tsv.</param>
    /// <param name="baselines">The table written as baselines.tsv.</param>
    /// <param name="mainRuns">Each arm's main validation run, whose unit must carry follow-up in days.</param>
    /// <exception cref="ArgumentException">A main unit has no follow-up in days.</exception>
    public static void WriteHandOver(RunContext run, TsvTable validation, TsvTable baselines, IReadOnlyList<ValidationRun> mainRuns)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(mainRuns);
        validation.Write(run.StagePath(5, "validation.tsv"));
        baselines.Write(run.StagePath(5, "baselines.tsv"));
        var followUp = mainRuns.SelectMany(r => r.Unit.Treated.Patients.Select((p, i) => (Run: r, Patient: p, Days: (r.Unit.Treated.FollowUpDays
            ?? throw new ArgumentException($"arm {r.Arm.Arm.Id}: the main unit has no follow-up in days"))[i], Event: r.Unit.Treated.Survival[i].Event)));
        TsvTable.From(followUp, ("arm", x => x.Run.Arm.Arm.Id), ("drug", x => x.Run.Arm.Drug), ("cohort", x => x.Run.Unit.Analysis.Cohort),
            ("expression_source", x => x.Run.Unit.ExpressionSource), ("survival_source", x => x.Run.Unit.Analysis.Survival),
            ("patient", x => x.Patient), ("days", x => x.Days), ("event", x => x.Event)).Write(run.StagePath(5, MainUnitsFile));
        foreach (var r in mainRuns)
        {
            var z = r.Unit.Treated.Standardized;
            new TsvTable(["pathway", .. z.Samples], z.Pathways.Select((p, i) => (IReadOnlyList<string>)[p, .. z.Samples.Select((_, j) => TsvTable.Cell(z.Values[i, j]))]).ToArray())
                .Write(run.StagePath(5, MainScoresFile(r.Arm.Arm)));
        }
    }

    private static (IReadOnlyList<StageModel> Models, string Mode, PathwayScores Organoids, IReadOnlyList<ArmInputs> Arms) Stage04(
        RunContext run, StudyDefinition study, IReadOnlyDictionary<string, IReadOnlyList<CohortMember>> members)
    {
        var models = StageFiles.Models(run.StagePath(4, "models.tsv"));
        var mode = ArmInputs.ModeOf(models);
        var organoids = StageFiles.PathwayScores(run.StagePath(4, "organoid_nes.tsv"));
        var responses = StageFiles.OrganoidResponseSummaries(run.StagePath(1, "organoid_response.tsv"));
        var scores = new Dictionary<string, PathwayScores>(StringComparer.Ordinal);
        // Each training set's organoid scores: organoid_nes.tsv for the collection stage 04 scored first, organoid_nes_{id}.tsv for others.
        PathwayScores ScoresOf(TrainingDefinition t)
        {
            string file = CollectionScores.StageFile(study, t.Organoids);
            if (!scores.TryGetValue(file, out var s)) scores[file] = s = file == "organoid_nes.tsv" ? organoids : StageFiles.PathwayScores(run.StagePath(4, file));
            return s;
        }
        IReadOnlyDictionary<string, double> ResponseOf(ArmDefinition a, TrainingDefinition t) =>
            OrganoidResponseSummary.TrainingResponse(responses, study.OrganoidCollection(t.Organoids), a.Drug.ScreenName);
        var built = members.Keys.ToList();
        var arms = new List<ArmInputs>();
        foreach (var a in study.Arms)
        {
            var first = a.Training.FirstOrDefault(t => built.Contains(a.OrganoidCohort(t)));
            var main = ArmInputs.Create(a, built, first is null ? new Dictionary<string, double>() : ResponseOf(a, first), models, mode);
            main = main with { OrganoidScores = ScoresOf(main.Training) };
            // The arm's other training sets that stage 01 built and stage 04 fitted (a connected run: cisplatin on the CRC organoids).
            var alternatives = a.Training.Where(t => t != main.Training && built.Contains(a.OrganoidCohort(t)))
                .Select(t => ArmInputs.Alternative(main, t, ResponseOf(a, t), models, mode, ScoresOf(t))).OfType<ArmInputs>().ToList();
            arms.Add(alternatives.Count == 0 ? main : main with { Alternatives = alternatives });
        }
        return (models, mode, organoids, arms);
    }

    private static TsvTable ReadStage05(RunContext run, string file)
    {
        var path = run.StagePath(5, file);
        if (!File.Exists(path)) throw new InputException(path, 0, "file not found", "run stage 05 first (scripts/run-pipeline, or --only 05,06)");
        return TsvFiles.Read(path);
    }

    /// <summary>Each arm's main unit from stages/05 (main_units.tsv and main_scores_*.tsv), by arm id.</summary>
    internal static IReadOnlyDictionary<string, ValidationUnit> ReadMainUnits(RunContext run, IReadOnlyList<ArmInputs> arms)
    {
        var path = run.StagePath(5, MainUnitsFile);
        var table = ReadStage05(run, MainUnitsFile);
        string[] columns = ["arm", "drug", "cohort", "expression_source", "survival_source", "patient", "days", "event"];
        if (!table.Columns.SequenceEqual(columns, StringComparer.Ordinal))
            throw new InputException(path, 1, $"columns ({string.Join(", ", table.Columns)}) are not ({string.Join(", ", columns)})", "rerun stage 05");
        var units = new Dictionary<string, ValidationUnit>(StringComparer.Ordinal);
        foreach (var a in arms)
        {
            var rows = table.Rows.Select((r, i) => (Row: r, Line: i + 2)).Where(x => x.Row[0] == a.Arm.Id).ToList();
            if (rows.Count == 0) throw new InputException(path, 0, $"no patients of arm {a.Arm.Id}", "rerun stage 05");
            var first = rows[0].Row;
            var followUp = rows.ToDictionary(x => x.Row[5], x => new SurvivalRecord(x.Row[5],
                double.TryParse(x.Row[6], NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : throw new InputException(path, x.Line, $"days '{x.Row[6]}' is not a number", "rerun stage 05"),
                x.Row[7] switch { "true" => true, "false" => false, var other => throw new InputException(path, x.Line, $"event '{other}' is not true/false", "rerun stage 05") },
                x.Row[4]), StringComparer.Ordinal);
            var scores = StageFiles.PathwayScores(run.StagePath(5, MainScoresFile(a.Arm)), "05");
            units[a.Arm.Id] = ValidationUnit.FromFollowUp(first[1], first[2], first[3], first[4], scores, followUp, CountLog.Silent);
        }
        return units;
    }
}
