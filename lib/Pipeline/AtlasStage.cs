using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Models;
using OrganoidBiomarkers.Network;
using OrganoidBiomarkers.Patients;
using OrganoidBiomarkers.Patients.Atlas;
using OrganoidBiomarkers.Study;

namespace OrganoidBiomarkers.Pipeline;

/// <summary>
/// What stage 07 (the drug atlas) reads: stage 04's organoid scores and gene-set convention (output/stages/04), the
/// study's atlas section, the screen, DrugBank vocabulary, drug targets and the authors' z table, each cancer's expression
/// source (the first available of its preference list) prepared and scored as stage 05 scores patients, the survival
/// tables, and the atlas' plan.
/// </summary>
/// <param name="Study">The study definition (with its atlas section).</param>
/// <param name="Plan">Every screened drug's eligibility and the generated arms.</param>
/// <param name="OrganoidScores">stages/04/organoid_nes.tsv.</param>
/// <param name="Mode">Stage 04's gene-set convention.</param>
/// <param name="Sources">The cancers' expression sources, prepared.</param>
/// <param name="Scores">Their patient pathway scores in <paramref name="Mode"/>.</param>
/// <param name="Authors">The authors' proximity z table.</param>
/// <param name="Pathways">The Reactome gene sets (no description column).</param>
/// <param name="Survival">Survival tables.</param>
/// <param name="Data">The run's data store.</param>
/// <param name="Unrecognised">The drug names of the cancers' records neither rule recognises (<see cref="AtlasEligibility.UnrecognisedNames"/>).</param>
public sealed record AtlasStageInputs(StudyDefinition Study, AtlasPlan Plan, PathwayScores OrganoidScores, string Mode, IReadOnlyList<PreparedSource> Sources,
    IReadOnlyList<SourcePathwayScores> Scores, AuthorsProximityTable Authors, IReadOnlyList<GeneSet> Pathways, SurvivalTables Survival, DataStore Data,
    IReadOnlyList<UnrecognisedDrugName> Unrecognised)
{
    /// <summary>The shared inputs of <paramref name="arms"/> (their organoid responses and cohorts built by stage 01's code).</summary>
    public AtlasInputs For(IReadOnlyList<AtlasArm> arms, CountLog log) =>
        AtlasInputs.Build(Plan, arms, OrganoidScores, Mode, Scores, Survival, Authors, Pathways, Data.PathOf, log);
}

/// <summary>Stage 07's wiring: its inputs, the arm parameter, and the check against stage 05's hand-over.</summary>
public static class AtlasStage
{
    /// <summary>The value of <c>--param arm</c> that runs every arm.</summary>
    public const string AllArms = "all";

    /// <summary>Reads stage 07's inputs and plans the atlas (<see cref="AtlasEligibility.Plan"/>).</summary>
    /// <param name="run">The run.</param>
    /// <param name="data">The run's data store.</param>
    /// <param name="log">Receives every reader's and join's counts.</param>
    /// <exception cref="InputException">The study has no atlas section, or stage 04's files are missing.</exception>
    public static AtlasStageInputs Open(RunContext run, DataStore data, CountLog log)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(data);
        var study = run.Study;
        var atlas = study.Atlas ?? throw new InputException(run.StudyPath, 0, "the study has no \"atlas\" section", "add one (see data/study.json and lib/Study/AtlasDefinition.cs)");
        var modelsPath = run.StagePath(4, "models.tsv");
        if (!File.Exists(modelsPath)) throw new InputException(modelsPath, 0, "file not found", "run stage 04 first (scripts/run-pipeline, or --only 04,05,06,07)");
        string mode = ArmInputs.ModeOf(StageFiles.Models(modelsPath));
        var organoids = StageFiles.PathwayScores(run.StagePath(4, "organoid_nes.tsv"));
        var collection = study.OrganoidCollection(atlas.Organoids);
        var screen = StudyInputs.OrganoidScreen(collection, data.PathOf, log);
        var vocabulary = DrugBankVocabulary.Read(data.PathOf(PatientCohorts.DrugBankVocabularyInput));
        var targets = DrugTargets.Read(data.PathOf("drug_targets"));
        var authors = ProximityRun.AuthorsTable(study, data.PathOf);
        var pathways = GmtReader.Read(data.PathOf("reactome_gmt"), GmtLayout.NoDescription, CountLog.Silent);
        var expression = atlas.Cancers.ToDictionary(c => c.Id, c => AtlasArms.Expression(study, c, data.IsAvailable), StringComparer.Ordinal);
        var sourceDefinitions = expression.Values.Select(e => e.Source).DistinctBy(s => s.Id).OrderBy(s => study.ExpressionSources.ToList().IndexOf(s)).ToList();
        var sources = PatientExpressionSources.Prepare(sourceDefinitions, data, log);
        var scores = PatientExpressionSources.Score(sources, pathways, mode);
        var profiled = sources.ToDictionary(s => s.Id, s => (IReadOnlyCollection<string>)s.Expression.Patients.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var plan = AtlasEligibility.Plan(study, screen.Drugs, vocabulary, targets, authors, profiled, expression, data.PathOf, log);
        return new AtlasStageInputs(study, plan, organoids, mode, sources, scores, authors, pathways, SurvivalTables.From(data, log), data,
            AtlasEligibility.UnrecognisedNames(study, vocabulary, data.PathOf));
    }

    /// <summary>
    /// The arms this run computes: every arm of the plan, or the one <c>--param arm=ID</c> names (each arm is an
    /// independent seeded unit of work, so it gives the same row alone as in the full atlas).
    /// </summary>
    /// <exception cref="ParameterException">An arm id the plan does not have (the message lists them).</exception>
    public static IReadOnlyList<AtlasArm> SelectedArms(RunContext run, AtlasPlan plan)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(plan);
        string arm = run.Param("arm", AllArms);
        if (arm == AllArms) return plan.Arms;
        return plan.Arms.Where(a => a.Id == arm).ToList() is [var one] ? [one]
            : throw new ParameterException($"--param arm={arm}: no such atlas arm in this run (arms: {(plan.Arms.Count == 0 ? "none" : string.Join(", ", plan.Arms.Select(a => a.Id)))}, or {AllArms})"
                                           + (NearMatch.Suggest(arm, plan.Arms.Select(a => a.Id)) is { } near ? $"; did you mean arm={near}?" : ""));
    }

    /// <summary>The run's draws, permutations, randomisations and seed (stage 05's, 06's and 03's parameters).</summary>
    public static AtlasSettings Settings(RunContext run) =>
        new AtlasSettings(run.IntParam("random_draws", 1000), run.IntParam("robustness_permutations", 1000), run.IntParam("n_random", Proximity.DefaultRandomisations), run.Seed).Checked();

    /// <summary>
    /// Compares every study arm's main result (stage 05's hand-over: validation.tsv, baselines.tsv, the main units'
    /// patients) with the atlas arm of the same drug and rules (<see cref="AtlasCheck.AgainstStage05"/>): throws when a
    /// comparable pair differs.
    /// </summary>
    public static IReadOnlyList<AtlasStageCheck> CheckAgainstStage05(RunContext run, StudyDefinition study, IReadOnlyList<AtlasRow> rows)
    {
        ArgumentNullException.ThrowIfNull(run);
        var validationPath = run.StagePath(5, "validation.tsv");
        var baselinesPath = run.StagePath(5, "baselines.tsv");
        foreach (var path in new[] { validationPath, baselinesPath, run.StagePath(5, PatientStageFiles.MainUnitsFile) })
            if (!File.Exists(path)) throw new InputException(path, 0, "file not found", "run stage 05 first (scripts/run-pipeline, or --only 05,06,07)");
        var validation = ValidationRow.Parse(TsvFiles.Read(validationPath), validationPath);
        var baselines = BaselineRow.Parse(TsvFiles.Read(baselinesPath), baselinesPath);
        var units = TsvFiles.Read(run.StagePath(5, PatientStageFiles.MainUnitsFile));
        var patients = units.Rows.GroupBy(r => r[units.ColumnIndex("arm")], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(r => r[units.ColumnIndex("patient")]).ToList(), StringComparer.Ordinal);
        return AtlasCheck.AgainstStage05(study, rows, validation, baselines, patients);
    }
}
