using System.Diagnostics;
using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Models;
using OrganoidBiomarkers.Network;
using OrganoidBiomarkers.Study;

namespace OrganoidBiomarkers.Patients.Atlas;

/// <summary>How many random draws each arm's nulls take, and the seed.</summary>
/// <param name="RandomDraws">Random pathway sets for the random-set baseline (≥ 1; stage 05's random_draws).</param>
/// <param name="Permutations">Organoid-label permutations of the whole-pipeline test (≥ 1; stage 06's robustness_permutations).</param>
/// <param name="Randomisations">Degree-matched randomisations when a selection must be recomputed (stage 03's n_random).</param>
/// <param name="Seed">The run seed.</param>
public sealed record AtlasSettings(int RandomDraws, int Permutations, int Randomisations, ulong Seed)
{
    /// <summary>Checks the counts.</summary>
    /// <exception cref="ArgumentException">A count below 1.</exception>
    public AtlasSettings Checked() => RandomDraws >= 1 && Permutations >= 1 && Randomisations >= 1 ? this
        : throw new ArgumentException($"atlas: random draws, permutations and randomisations must be >= 1 (got {RandomDraws}, {Permutations}, {Randomisations})");
}

/// <summary>
/// What every atlas arm reads, built once for the arms of a run: stage 04's organoid scores and gene-set convention, the
/// organoid responses and the arms' cohorts built by stage 01's rules (<see cref="OrganoidCohorts.Build"/>,
/// <see cref="PatientCohorts.Build"/>), the patient pathway scores of the cancers' expression sources, the survival
/// tables, the authors' z table and the Reactome sets (for a recomputed selection).
/// </summary>
/// <param name="Plan">The plan (study, arms).</param>
/// <param name="OrganoidScores">stages/04/organoid_nes.tsv.</param>
/// <param name="Mode">Stage 04's gene-set convention (models.tsv).</param>
/// <param name="Responses">Every atlas drug's organoid responses (median ln IC50 and AUC per organoid).</param>
/// <param name="OrganoidCohorts">The organoid cohort names built ("crc_organoids_{arm}").</param>
/// <param name="Members">The arms' treated and control cohort members, by cohort id.</param>
/// <param name="Scores">Patient pathway scores of the arms' expression sources, in <paramref name="Mode"/>.</param>
/// <param name="Survival">Survival tables (read once per source and projects).</param>
/// <param name="Authors">The authors' proximity z table.</param>
/// <param name="Pathways">Reactome gene sets (read without a description column), for a recomputed selection.</param>
/// <param name="Network">Reads a recomputed selection's interactome (called at most once per selection).</param>
public sealed record AtlasInputs(AtlasPlan Plan, PathwayScores OrganoidScores, string Mode, IReadOnlyList<OrganoidResponseSummary> Responses,
    IReadOnlyCollection<string> OrganoidCohorts, IReadOnlyDictionary<string, IReadOnlyList<CohortMember>> Members, IReadOnlyList<SourcePathwayScores> Scores,
    SurvivalTables Survival, AuthorsProximityTable Authors, IReadOnlyList<GeneSet> Pathways, Func<SelectionDefinition, SelectionNetwork> Network)
{
    /// <summary>
    /// Builds the organoid cohorts and responses and the patient cohorts of <paramref name="arms"/> with stage 01's code,
    /// on the study the arms make together (each cohort by its own rule: an arm's members do not depend on the others).
    /// </summary>
    /// <param name="plan">The atlas plan.</param>
    /// <param name="arms">The arms to run (a subset of the plan's, or all).</param>
    /// <param name="organoidScores">stages/04/organoid_nes.tsv.</param>
    /// <param name="mode">Stage 04's gene-set convention.</param>
    /// <param name="scores">Patient pathway scores of the arms' expression sources, in <paramref name="mode"/>.</param>
    /// <param name="survival">Survival tables.</param>
    /// <param name="authors">The authors' proximity z table.</param>
    /// <param name="pathways">Reactome gene sets, for a recomputed selection.</param>
    /// <param name="pathOf">Manifest id to local path.</param>
    /// <param name="log">Receives the cohort joins' and networks' counts.</param>
    public static AtlasInputs Build(AtlasPlan plan, IReadOnlyList<AtlasArm> arms, PathwayScores organoidScores, string mode, IReadOnlyList<SourcePathwayScores> scores,
        SurvivalTables survival, AuthorsProximityTable authors, IReadOnlyList<GeneSet> pathways, Func<string, string> pathOf, CountLog log)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(arms);
        var together = plan.Study with { Arms = arms.Select(a => a.Arm).ToList(), Cohorts = arms.SelectMany(a => new[] { a.Treated, a.Control }).ToList(), Atlas = null };
        var organoids = arms.Count == 0 ? new Study.OrganoidCohorts([], [], []) : Study.OrganoidCohorts.Build(together, pathOf, log);
        var patients = arms.Count == 0 ? new PatientCohorts([], []) : PatientCohorts.Build(together, pathOf, log);
        var networks = new Dictionary<string, SelectionNetwork>(StringComparer.Ordinal);
        SelectionNetwork Network(SelectionDefinition s)
        {
            if (!networks.TryGetValue(s.Id, out var n))
                networks[s.Id] = n = ProximityRun.Networks(plan.Study with { Selections = [s] }, pathOf, log).Single();
            return n;
        }
        return new AtlasInputs(plan, organoidScores, mode, organoids.Responses, organoids.Cohorts.Select(c => c.Name).ToList(),
            patients.Cohorts.ToDictionary(c => c.Name, c => c.Members, StringComparer.Ordinal), scores, survival, authors, pathways, Network);
    }
}

/// <summary>The random-set baseline of an arm's main split: where its log-rank statistic ranks among random pathway sets.</summary>
/// <param name="Draws">Random sets drawn.</param>
/// <param name="Defined">Of them, with a defined statistic.</param>
/// <param name="SetSize">Pathways per set (the main model's feature count).</param>
/// <param name="Pool">Pathways scored both in the organoids and in the expression source.</param>
/// <param name="P">Two-sided empirical p of the chi-square (NaN when undefined).</param>
/// <param name="PDirectional">Directional empirical p of the signed root (the paper's direction).</param>
public sealed record AtlasRandomSets(int Draws, int Defined, int SetSize, int Pool, double P, double PDirectional);

/// <summary>
/// One atlas arm, run: the proximal pathways, the organoid model, the main split (the pre-specified main setting), the
/// negative control, the random-set baseline and the whole-pipeline permutation test.
/// </summary>
/// <param name="Arm">The arm.</param>
/// <param name="Proximal">The proximal pathways of the arm's selection (closest first).</param>
/// <param name="Training">The organoid training set, or null when no proximal pathway has an organoid score.</param>
/// <param name="Model">The main model as stage 04 hands models over, or null.</param>
/// <param name="Main">The main split (as validation.tsv's main row), or null when the arm could not be split.</param>
/// <param name="Control">The main model's split of the negative-control patients (same cancer, not treated), or null.</param>
/// <param name="Random">The random-set baseline, or null.</param>
/// <param name="Permutation">The permutation test, or null when the main split is undefined.</param>
/// <param name="Note">Empty when every analysis ran; otherwise what did not and why.</param>
/// <param name="Seconds">Wall time of the arm (shown, never written to a result file).</param>
public sealed record AtlasArmResult(AtlasArm Arm, IReadOnlyList<ProximalPathway> Proximal, ArmTrainingSet? Training, StageModel? Model, ValidationRun? Main,
    BaselineRun? Control, AtlasRandomSets? Random, RobustnessPermutationResult? Permutation, string Note, double Seconds)
{
    /// <summary>True when the main split has a defined log-rank test.</summary>
    public bool Tested => Main?.Outcome.Comparison is { } c && !double.IsNaN(c.LogRankP);
}

/// <summary>
/// Runs an atlas arm through the paper's pipeline with the study's own stage code: proximal pathways (the authors' table
/// for a drug it has, else recomputed on the selection's network: <see cref="ProximityRun"/>), the organoid model
/// (<see cref="ModelFitting"/>), the patient split of the main setting (<see cref="PatientFollowUp"/>,
/// <see cref="AnalysisUnits"/>, <see cref="ValidationGrid"/>), the negative control (<see cref="SurvivalValidation"/> on
/// the control unit, as <see cref="PatientBaselines"/>), the random-set baseline (<see cref="RandomSetBaseline"/>) and
/// the whole-pipeline permutation test (<see cref="RobustnessPermutation"/>).
/// <para>
/// Every arm is an independent seeded unit of work: its random draws come from streams named by the arm id,
/// <c>Rng.ForStream(seed, "atlas", arm, "random-sets", "draw", d)</c> and <c>Rng.ForStream(seed, "atlas", arm, "perm", i)</c>
/// (a recomputed selection: stage 03's streams, named by drug and pathway), so an arm run alone gives its row of the full
/// atlas bit for bit.
/// </para>
/// </summary>
public static class AtlasRun
{
    /// <summary>Runs one arm (see the class summary).</summary>
    /// <param name="arm">An arm of <paramref name="inputs"/>' plan built into <paramref name="inputs"/>.</param>
    /// <param name="inputs">The shared inputs.</param>
    /// <param name="settings">Draws, permutations, randomisations and seed.</param>
    /// <param name="log">Receives the arm's counts (training set, cohort look-ups, units).</param>
    public static AtlasArmResult RunArm(AtlasArm arm, AtlasInputs inputs, AtlasSettings settings, CountLog log)
    {
        ArgumentNullException.ThrowIfNull(arm);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Checked();
        var clock = Stopwatch.StartNew();
        var study = inputs.Plan.Study;
        var selection = study.Selections.Single(s => s.Id == arm.Arm.Main.Selection);
        var own = arm.StudyOf(study) with { Selections = [selection] };
        var entry = arm.Candidate.Targets!;
        var main = arm.Arm.Main;
        AtlasArmResult Stop(IReadOnlyList<ProximalPathway> proximal, ArmTrainingSet? training, StageModel? model, ValidationRun? run, string note) =>
            new(arm, proximal, training, model, run, null, null, null, note, clock.Elapsed.TotalSeconds);

        // Stage 03: the selection's proximal pathways (the authors' column, or our proximity on the selection's network).
        var rows = selection.Kind == SelectionKind.Recomputed
            ? ProximityRun.Compute([inputs.Network(selection)], [entry], inputs.Pathways, settings.Randomisations, settings.Seed, log).Rows
            : [];
        var proximal = ProximityRun.ProximalPathways(own, rows, inputs.Authors, [entry]);

        // Stage 04: the training set and the main model.
        var response = OrganoidResponseSummary.ForDrug(inputs.Responses, arm.Arm.Drug.ScreenName, r => r.MedianLnIc50);
        var sets = ModelFitting.TrainingSets(own, arm.Arm.Training[0].Organoids, inputs.OrganoidScores, inputs.Responses, proximal, Proximity.ProximalZ, log);
        if (sets.Count == 0) return Stop(proximal, null, null, null, $"no proximal pathway in selection {selection.Id}: not run");
        var fitted = ModelFitting.Fit(sets, [main.Model]).Single();
        var model = new StageModel(entry.PooledName, selection.Id, inputs.Mode, main.Model, fitted.Model.Ranking);

        // Stage 05: the main split, on the arm's follow-up and units.
        var armInputs = ArmInputs.Create(arm.Arm, inputs.OrganoidCohorts, response, [model], inputs.Mode);
        var followUps = PatientFollowUp.ForAnalyses(own, inputs.Members, inputs.Survival, log);
        var units = AnalysisUnits.Build(followUps, inputs.Scores, inputs.Mode, log);
        if (!units.Any(u => u.Analysis.Cohort == main.Cohort && main.Expression.Contains(u.ExpressionSource)))
            return Stop(proximal, sets[0], model, null, $"fewer than 2 patients of {main.Cohort} with a profile in {string.Join(", ", main.Expression)}: not run");
        var runs = ValidationGrid.Evaluate([armInputs], units, main.K);
        var mainRun = ValidationGrid.MainRuns([armInputs], runs).Single();
        if (mainRun.Outcome.Comparison is null)
            return Stop(proximal, sets[0], model, mainRun, "the main split is undefined (one group empty or no death)");

        // The negative control: the main model's split of the same cancer's untreated patients (baselines.tsv's negative_control).
        BaselineRun? control = null;
        if (mainRun.Unit.Control is { } c)
        {
            var outcome = SurvivalValidation.Evaluate(model.Biomarkers, main.K, c);
            control = new BaselineRun(BaselineNames.NegativeControl, mainRun.Unit, c, model.Biomarkers.Count, outcome,
                new BaselineRow(BaselineNames.NegativeControl, SplitSummary.Of(c, inputs.Mode, model.Model, outcome, armInputs.TrainingLabel), model.Biomarkers.Count));
        }

        // The random-set baseline: sets of the selection's size from the pathways scored in the organoids and the source.
        var sourceScores = inputs.Scores.Single(s => s.Source == mainRun.Unit.ExpressionSource && s.Mode == inputs.Mode).Nes;
        var pool = inputs.OrganoidScores.Pathways.Where(p => sourceScores.PathwayIndex(p) >= 0).ToList();
        var nul = RandomSetBaseline.Run(inputs.OrganoidScores, response, model.Model, pool, model.Biomarkers.Count, [mainRun.Unit.Treated], main.K,
            settings.RandomDraws, settings.Seed, ["atlas", arm.Id, "random-sets"]);
        var chi = nul.ChiSquares(0, main.K);
        double observed = mainRun.Outcome.Comparison.LogRankChiSquare;
        bool defined = !double.IsNaN(observed) && chi.Count > 0;
        var random = new AtlasRandomSets(nul.Draws, chi.Count, nul.SetSize, nul.PoolSize,
            defined ? RandomPathwaySets.EmpiricalP(observed, chi) : double.NaN,
            defined ? RandomPathwaySets.EmpiricalP(mainRun.Outcome.SignedLogRank, nul.SignedStatistics(0, main.K)) : double.NaN);

        // The whole-pipeline permutation test (organoid ln IC50 shuffled, model retrained, same patients split).
        RobustnessPermutationResult? permutation = null;
        string note = "";
        if (double.IsNaN(observed)) note = "log-rank undefined (every death while only one group is at risk): no permutation test";
        else
        {
            try
            {
                permutation = RobustnessPermutation.Run(inputs.OrganoidScores, response, model.Biomarkers.Select(b => b.Name).ToArray(), model.Model, main.K,
                    mainRun.Unit.Treated, settings.Permutations, settings.Seed, ["atlas", arm.Id]);
            }
            catch (InvalidOperationException e) { note = $"no permutation test: {e.Message}"; }
        }
        return new AtlasArmResult(arm, proximal, sets[0], model, mainRun, control, random, permutation, note, clock.Elapsed.TotalSeconds);
    }
}
