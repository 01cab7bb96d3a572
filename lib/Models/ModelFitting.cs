using System.Diagnostics;
using System.Globalization;
using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Study;

namespace OrganoidBiomarkers.Models;

/// <summary>The settings of a model-fitting run (stage 04's parameters).</summary>
/// <param name="Models">Model names (<see cref="Regressors.ByName"/>), in table order; default <see cref="ModelFitting.PaperModels"/>.</param>
/// <param name="Permutations">Permutations of the leave-one-out null for ridge-based models and least squares (≥ 1; default 1999).</param>
/// <param name="SvrPermutations">Permutations for the SVR, refitted on every shuffle (≥ 1; default 199).</param>
/// <param name="Seed">Seed of the shuffles (the same shuffles for every model of a drug: a paired comparison).</param>
public sealed record ModelFittingOptions(IReadOnlyList<string> Models, int Permutations, int SvrPermutations, ulong Seed)
{
    /// <summary>Checks the settings: known model names, at least one permutation each.</summary>
    /// <exception cref="ArgumentException">An unknown model or fewer than 1 permutation (naming the parameter).</exception>
    public ModelFittingOptions Checked()
    {
        if (Permutations < 1 || SvrPermutations < 1)
            throw new ArgumentException($"--param permutations / svr_permutations must be >= 1 (got {Permutations}, {SvrPermutations})");
        if (Models.Count == 0) throw new ArgumentException("no model to fit");
        foreach (var m in Models) _ = Regressors.ByName(m);
        return this;
    }

    /// <summary>Permutations for a model: <see cref="SvrPermutations"/> for "svr", else <see cref="Permutations"/>.</summary>
    /// <param name="model">A model name.</param>
    public int PermutationsFor(string model) => model == "svr" ? SvrPermutations : Permutations;
}

/// <summary>One arm's organoid training set for one selection of proximal pathways.</summary>
/// <param name="Arm">The arm.</param>
/// <param name="Training">The arm's training definition used (its collection; a substitute is labelled).</param>
/// <param name="Selection">Selection id.</param>
/// <param name="Network">The selection's network name.</param>
/// <param name="Proximal">The proximal pathways requested as features (z ≤ the cut-off), in file order.</param>
/// <param name="Set">Features with a score x organoids with a response (<see cref="OrganoidTraining.Assemble"/>).</param>
/// <param name="Response">The response the set regresses on (its collection's <see cref="OrganoidCollection.TrainingResponse"/>).</param>
public sealed record ArmTrainingSet(ArmDefinition Arm, TrainingDefinition Training, string Selection, string Network, IReadOnlyList<string> Proximal, OrganoidTrainingSet Set,
    TrainingResponse Response = TrainingResponse.LnIc50)
{
    /// <summary>The organoid cohort of the training set, e.g. "crc_organoids_5fu" (models.tsv's training column).</summary>
    public string Cohort => Arm.OrganoidCohort(Training);

    /// <summary>"{label} / {selection}", as the count log names the set.</summary>
    public string Label => $"{Arm.Drug.Label} / {Selection}";

    /// <summary>True for the arm's pre-specified selection (<see cref="MainSetting.Selection"/>).</summary>
    public bool IsMainSelection => Selection == Arm.Main.Selection;
}

/// <summary>A model fitted on an arm's training set.</summary>
/// <param name="Training">The training set.</param>
/// <param name="Model">The fitted model and its biomarker ranking.</param>
public sealed record ArmModel(ArmTrainingSet Training, OrganoidModel Model)
{
    /// <summary>The arm.</summary>
    public ArmDefinition Arm => Training.Arm;

    /// <summary>The selection id.</summary>
    public string Selection => Training.Selection;
}

/// <summary>Leave-one-organoid-out of one model and the permutation null of its Spearman rho.</summary>
/// <param name="Model">The model.</param>
/// <param name="LeaveOneOut">Predictions, Spearman rho, RMSE and the mean baseline.</param>
/// <param name="Permutation">The permutation null and p.</param>
/// <param name="Seconds">Wall time for both.</param>
public sealed record ModelCrossValidation(ArmModel Model, LeaveOneOutResult LeaveOneOut, PermutationTestResult Permutation, double Seconds);

/// <summary>An arm's main training set with the median AUC as the response (rescaled onto the ln IC50's mean and sd).</summary>
/// <param name="Training">The main training set (on ln IC50).</param>
/// <param name="Auc">Median AUC per training organoid, in training order (raw, not rescaled).</param>
/// <param name="AboveRange">Training organoids whose median ln IC50 lies above the highest tested concentration.</param>
/// <param name="MaxConcentrations">The highest tested concentrations (µM) of the training organoids, distinct.</param>
/// <param name="Spearman">Spearman rho of median ln IC50 and median AUC over the training organoids.</param>
/// <param name="Set">The training set with the rescaled AUC as response (<see cref="ResponseScale.MatchTo"/>).</param>
public sealed record AucTrainingSet(ArmTrainingSet Training, IReadOnlyList<double> Auc, int AboveRange, IReadOnlyList<double> MaxConcentrations, double Spearman, OrganoidTrainingSet Set);

/// <summary>One model retrained on the AUC, against the same model on ln IC50.</summary>
/// <param name="Auc">The AUC training set.</param>
/// <param name="Model">Model name.</param>
/// <param name="Agreement">Top pathway and sign, coefficient rank correlation, shared top 5 (ln IC50 = A, AUC = B).</param>
/// <param name="LeaveOneOut">Leave-one-out on the AUC.</param>
/// <param name="Permutation">Its permutation null (the run's seed: the same shuffles as on ln IC50).</param>
/// <param name="LeaveOneOutRhoOnLnIc50">The same model's leave-one-out rho on ln IC50.</param>
public sealed record AucCheck(AucTrainingSet Auc, string Model, RankingAgreement Agreement, LeaveOneOutResult LeaveOneOut, PermutationTestResult Permutation, double LeaveOneOutRhoOnLnIc50);

/// <summary>
/// Stage 04 as a run (Kong et al. 2020, Methods "Machine learning"): for every arm trained on the scored collection and
/// every selection of the study, the organoid training set (proximal pathways with a score as features, median ln IC50
/// as response); each of the paper's models on it; leave-one-organoid-out with permutation nulls; and the check on the
/// AUC. Orders follow the study: arms, then selections, then models.
/// </summary>
public static class ModelFitting
{
    /// <summary>The paper's three models, in its order: RidgeCV, linear SVR, least squares.</summary>
    public static IReadOnlyList<string> PaperModels { get; } = Array.AsReadOnly(new[] { "ridgecv", "svr", "ols" });

    /// <summary>
    /// The training sets of every arm with a training set on <paramref name="collection"/>, for every selection of the
    /// study that stage 03 gave proximal pathways for that drug. The features re-apply the cut-off
    /// (z ≤ <paramref name="proximalZ"/>), so a file listing every pathway works too; each set's counts go to
    /// <paramref name="log"/> under "{label} / {selection}". A selection without proximal pathways for a drug is not
    /// modelled (noted in the log).
    /// </summary>
    /// <param name="study">The study.</param>
    /// <param name="collection">The organoid collection scored (e.g. "crc").</param>
    /// <param name="nes">Organoid pathway scores (pathways x organoids; <see cref="OrganoidScoring.Nes"/>).</param>
    /// <param name="responses">Stage 01's responses (median ln IC50 per organoid and training drug).</param>
    /// <param name="proximal">Stage 03's proximal pathways.</param>
    /// <param name="proximalZ">The proximal cut-off (Network.Proximity.ProximalZ, −1.2816).</param>
    /// <param name="log">Receives the features and organoids kept per set.</param>
    public static IReadOnlyList<ArmTrainingSet> TrainingSets(StudyDefinition study, string collection, PathwayScores nes, IReadOnlyList<OrganoidResponseSummary> responses,
        IReadOnlyList<ProximalPathway> proximal, double proximalZ, CountLog log) =>
        Sets(study, collection, nes, responses, proximal, proximalZ, log, alternatives: false);

    /// <summary>
    /// The main training sets of every scored collection (<see cref="TrainingSets(StudyDefinition, string, PathwayScores, IReadOnlyList{OrganoidResponseSummary}, IReadOnlyList{ProximalPathway}, double, CountLog)"/>
    /// per collection, in the order of <paramref name="scored"/>): each arm is trained on its first training set (the
    /// first the run can use: in a connected run the cisplatin arm's bladder organoids).
    /// </summary>
    public static IReadOnlyList<ArmTrainingSet> TrainingSets(StudyDefinition study, IReadOnlyList<CollectionScores> scored, IReadOnlyList<OrganoidResponseSummary> responses,
        IReadOnlyList<ProximalPathway> proximal, double proximalZ, CountLog log) =>
        scored.SelectMany(c => Sets(study, c.Collection.Id, c.Nes, responses, proximal, proximalZ, log, alternatives: false)).ToList();

    /// <summary>
    /// The arms' other training sets on the scored collections (an arm's second and later training sets the run can
    /// use: in a connected run the cisplatin arm's CRC organoids), each on every selection: stage 05 splits patients with
    /// their models as labelled sensitivity rows. Counts go to <paramref name="log"/> as "{label} / {selection}
    /// ({cohort})".
    /// </summary>
    public static IReadOnlyList<ArmTrainingSet> AlternativeSets(StudyDefinition study, IReadOnlyList<CollectionScores> scored, IReadOnlyList<OrganoidResponseSummary> responses,
        IReadOnlyList<ProximalPathway> proximal, double proximalZ, CountLog log) =>
        scored.SelectMany(c => Sets(study, c.Collection.Id, c.Nes, responses, proximal, proximalZ, log, alternatives: true)).ToList();

    private static List<ArmTrainingSet> Sets(StudyDefinition study, string collection, PathwayScores nes, IReadOnlyList<OrganoidResponseSummary> responses,
        IReadOnlyList<ProximalPathway> proximal, double proximalZ, CountLog log, bool alternatives)
    {
        var definition = study.OrganoidCollection(collection);
        var sets = new List<ArmTrainingSet>();
        foreach (var arm in study.Arms)
            foreach (var training in arm.Training.Skip(alternatives ? 1 : 0).Take(alternatives ? int.MaxValue : 1).Where(t => t.Organoids == collection))
            {
                var response = OrganoidResponseSummary.TrainingResponse(responses, definition, arm.Drug.ScreenName);
                string suffix = alternatives ? $" ({arm.OrganoidCohort(training)})" : "";
                foreach (var selection in study.Selections)
                {
                    var features = proximal.Where(p => p.Drug == arm.Drug.TargetRow && p.Selection == selection.Id && p.Z <= proximalZ).Select(p => p.Pathway).ToList();
                    if (features.Count == 0) { log.Note($"{arm.Drug.Label} / {selection.Id}{suffix}", "no proximal pathway in stage 03's file: not modelled"); continue; }
                    var set = OrganoidTraining.Assemble(nes, response, features, log, $"{arm.Drug.Label} / {selection.Id}{suffix}");
                    sets.Add(new ArmTrainingSet(arm, training, selection.Id, selection.Network, features, set, definition.TrainingResponse));
                }
            }
        return sets;
    }

    /// <summary>Fits every model on every training set (features standardised over the training organoids; biomarkers ranked by |coefficient|).</summary>
    /// <param name="sets">The training sets.</param>
    /// <param name="models">Model names, e.g. <see cref="PaperModels"/>.</param>
    public static IReadOnlyList<ArmModel> Fit(IReadOnlyList<ArmTrainingSet> sets, IReadOnlyList<string> models) =>
        sets.SelectMany(t => models.Select(name => new ArmModel(t, OrganoidTraining.Fit(t.Set, name)))).ToList();

    /// <summary>
    /// Leave-one-organoid-out of every model (scaler and model, RidgeCV's alpha search included, refitted without the
    /// held-out organoid) and the permutation null of its Spearman rho: p = (1 + #null ≥ observed) / (1 + permutations),
    /// shuffles from <see cref="ModelFittingOptions.Seed"/>.
    /// </summary>
    /// <param name="models">The fitted models.</param>
    /// <param name="options">Permutations and seed.</param>
    public static IReadOnlyList<ModelCrossValidation> CrossValidate(IReadOnlyList<ArmModel> models, ModelFittingOptions options) =>
        models.Select(m =>
        {
            var clock = Stopwatch.StartNew();
            var y = m.Model.Data.Response.ToArray();
            var loo = CrossValidation.LeaveOneOut(Regressors.ByName(m.Model.ModelName), m.Model.Data.X, y);
            var perm = CrossValidation.PermutationTest(Regressors.ByName(m.Model.ModelName), m.Model.Data.X, y, options.PermutationsFor(m.Model.ModelName), options.Seed,
                PermutationStatistic.SpearmanRho);
            return new ModelCrossValidation(m, loo, perm, clock.Elapsed.TotalSeconds);
        }).ToList();

    /// <summary>The arm's main training set: its pre-specified selection, else (a run without it) its first selection.</summary>
    /// <param name="sets">The training sets.</param>
    /// <param name="arm">An arm with at least one training set.</param>
    /// <exception cref="ArgumentException">The arm has no training set.</exception>
    public static ArmTrainingSet MainSet(IReadOnlyList<ArmTrainingSet> sets, ArmDefinition arm) =>
        sets.FirstOrDefault(t => t.Arm.Id == arm.Id && t.IsMainSelection) ?? sets.FirstOrDefault(t => t.Arm.Id == arm.Id)
        ?? throw new ArgumentException($"arm {arm.Id} has no training set");

    /// <summary>Each arm's main model: its model of the main setting (<see cref="MainSetting.Model"/>) on its main training set (<see cref="MainSet"/>), arms in set order.</summary>
    /// <param name="sets">The training sets.</param>
    /// <param name="models">Every model of the run.</param>
    public static IReadOnlyList<ArmModel> MainModels(IReadOnlyList<ArmTrainingSet> sets, IReadOnlyList<ArmModel> models) =>
        sets.Select(t => t.Arm).DistinctBy(a => a.Id, StringComparer.Ordinal)
            .Select(a => models.Single(m => ReferenceEquals(m.Training, MainSet(sets, a)) && m.Model.ModelName == a.Main.Model)).ToList();

    /// <summary>The models fitted on one training set, in model order.</summary>
    /// <param name="models">Every model of the run.</param>
    /// <param name="set">One training set of the run.</param>
    public static IReadOnlyList<OrganoidModel> ModelsOf(IReadOnlyList<ArmModel> models, ArmTrainingSet set) =>
        models.Where(m => ReferenceEquals(m.Training, set)).Select(m => m.Model).ToList();

    /// <summary>The leave-one-out results of the models of one training set, in model order.</summary>
    /// <param name="crossValidation">The run's cross-validation.</param>
    /// <param name="set">One training set of the run.</param>
    public static IReadOnlyList<LeaveOneOutResult> LeaveOneOutOf(IReadOnlyList<ModelCrossValidation> crossValidation, ArmTrainingSet set) =>
        crossValidation.Where(c => ReferenceEquals(c.Model.Training, set)).Select(c => c.LeaveOneOut).ToList();

    /// <summary>
    /// The arms whose main models are shown in full (coefficients, leave-one-out figure, checks against the paper): those
    /// trained as the paper trained them, i.e. whose training set is not a substitute.
    /// </summary>
    /// <param name="sets">The training sets.</param>
    public static IReadOnlyList<ArmDefinition> TrainedAsInThePaper(IReadOnlyList<ArmTrainingSet> sets) =>
        sets.Where(t => t.Training.Substitute is null).Select(t => t.Arm).DistinctBy(a => a.Id, StringComparer.Ordinal).ToList();

    /// <summary>
    /// The check on extrapolated IC50s: each arm's main training set retrained with the median AUC per organoid as the
    /// response (rescaled to the ln IC50's mean and population sd over the training organoids, so the SVR's ε means the
    /// same), every model compared with its ln IC50 twin (<see cref="RankingComparison.Compare"/>, top 5), with
    /// leave-one-out and the permutation null under the run's seed.
    /// </summary>
    /// <param name="sets">The training sets.</param>
    /// <param name="models">The models on ln IC50.</param>
    /// <param name="crossValidation">Their cross-validation (for the ln IC50 leave-one-out rho).</param>
    /// <param name="responses">Stage 01's responses (median AUC and highest tested concentration per organoid).</param>
    /// <param name="options">Models, permutations, seed.</param>
    public static IReadOnlyList<AucCheck> OnAuc(IReadOnlyList<ArmTrainingSet> sets, IReadOnlyList<ArmModel> models, IReadOnlyList<ModelCrossValidation> crossValidation,
        IReadOnlyList<OrganoidResponseSummary> responses, ModelFittingOptions options)
    {
        var checks = new List<AucCheck>();
        // A set already trained on the AUC (a curated response table) has nothing to check.
        foreach (var arm in sets.Where(t => t.Response == TrainingResponse.LnIc50).Select(t => t.Arm).DistinctBy(a => a.Id, StringComparer.Ordinal))
        {
            var auc = AucSet(MainSet(sets, arm), responses);
            var y = auc.Set.Response.ToArray();
            foreach (var name in options.Models)
            {
                var onIc50 = models.Single(m => ReferenceEquals(m.Training, auc.Training) && m.Model.ModelName == name).Model;
                var onAuc = OrganoidTraining.Fit(auc.Set, name);
                var loo = CrossValidation.LeaveOneOut(Regressors.ByName(name), auc.Set.X, y);
                var perm = CrossValidation.PermutationTest(Regressors.ByName(name), auc.Set.X, y, options.PermutationsFor(name), options.Seed, PermutationStatistic.SpearmanRho);
                double rhoIc50 = crossValidation.Single(c => ReferenceEquals(c.Model.Training, auc.Training) && c.Model.Model.ModelName == name).LeaveOneOut.SpearmanRho;
                checks.Add(new AucCheck(auc, name, RankingComparison.Compare(onIc50.Ranking, onAuc.Ranking, topK: 5), loo, perm, rhoIc50));
            }
        }
        return checks;
    }

    /// <summary>The AUC version of a training set (same features and organoids).</summary>
    /// <param name="training">A training set on ln IC50.</param>
    /// <param name="responses">Stage 01's responses.</param>
    public static AucTrainingSet AucSet(ArmTrainingSet training, IReadOnlyList<OrganoidResponseSummary> responses)
    {
        var set = training.Set;
        var rows = responses.Where(r => r.Drug == training.Arm.Drug.ScreenName && (r.Collection is null || r.Collection == training.Training.Organoids))
            .ToDictionary(r => r.Organoid, StringComparer.Ordinal);
        var lnIc50 = set.Response.ToArray();
        var aucRaw = set.Organoids.Select(o => rows[o].MedianAuc).ToArray();
        int above = set.Organoids.Where((o, i) => OrganoidResponseSummary.AboveHighestTested(lnIc50[i], rows[o].MaxConcentration)).Count();
        return new AucTrainingSet(training, aucRaw, above, set.Organoids.Select(o => rows[o].MaxConcentration).Distinct().ToList(),
            Correlation.Spearman(lnIc50, aucRaw), set with { Response = ResponseScale.MatchTo(aucRaw, lnIc50) });
    }

    /// <summary>"0.9" for a RidgeCV model's alpha, "" for other models.</summary>
    /// <param name="model">A fitted model.</param>
    public static string Alpha(OrganoidModel model) => model.Fit is RidgeCvFit cv ? cv.Alpha.ToString("0.0", CultureInfo.InvariantCulture) : "";
}
