using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Models;
using OrganoidBiomarkers.Study;

namespace OrganoidBiomarkers.Patients;

/// <summary>
/// One study arm as a run has it: the arm's definition, the training set used (the first of the arm's training sets
/// that stage 01 built), the organoids' response to the drug (median ln IC50) and the arm's stage-04 models in the
/// run's gene-set convention, with the pre-specified main model among them.
/// </summary>
/// <param name="Arm">The arm (data/study.json).</param>
/// <param name="Training">The training set used.</param>
/// <param name="Response">Median ln IC50 by organoid (stage 01), for the drug's screen name.</param>
/// <param name="Models">The arm's models (stage 04) in the run's mode, in file order.</param>
/// <param name="MainModel">The model of the main setting (selection and model of <see cref="MainSetting"/>).</param>
/// <param name="OrganoidScores">The training collection's organoid pathway scores (stage 04); null: the run's one
/// organoid score table, passed separately (<see cref="ScoresOr"/>).</param>
/// <param name="Alternatives">The arm's other training sets this run has models for (in a connected run the cisplatin
/// arm's CRC organoids), each with its own response, models and scores: stage 05 splits patients with them as labelled
/// sensitivity rows, never as the main result.</param>
/// <param name="AlternativeTo">For an alternative: the main training set's organoid cohort (it labels the rows); null for the main.</param>
public sealed record ArmInputs(ArmDefinition Arm, TrainingDefinition Training, IReadOnlyDictionary<string, double> Response,
    IReadOnlyList<StageModel> Models, StageModel MainModel, PathwayScores? OrganoidScores = null, IReadOnlyList<ArmInputs>? Alternatives = null,
    string? AlternativeTo = null)
{
    /// <summary>The drug as stage 03/04 and the result tables name it (the arm's target row).</summary>
    public string Drug => Arm.Drug.TargetRow;

    /// <summary>
    /// The training set as result tables label it: the organoid cohort (e.g. "crc_organoids_5fu"), followed by
    /// " (substitute: reason)" when the set stands in for the paper's (e.g. the cisplatin arm's CRC organoids), or, for an
    /// alternative training set, " (alternative to {main cohort})".
    /// </summary>
    public string TrainingLabel => AlternativeTo is { } main ? $"{Arm.OrganoidCohort(Training)} (alternative to {main})" : TrainingLabelOf(Arm, Training);

    /// <summary>The arm's own organoid scores when it has them, else <paramref name="shared"/> (the run's one organoid score table).</summary>
    /// <param name="shared">The run's organoid pathway scores.</param>
    public PathwayScores ScoresOr(PathwayScores shared) => OrganoidScores ?? shared;

    /// <summary>This arm's inputs, then those of its alternative training sets (the order the validation grid lists them).</summary>
    public IReadOnlyList<ArmInputs> WithAlternatives => [this, .. Alternatives ?? []];

    /// <summary>See <see cref="TrainingLabel"/>.</summary>
    /// <param name="arm">The arm.</param>
    /// <param name="training">One of its training sets.</param>
    public static string TrainingLabelOf(ArmDefinition arm, TrainingDefinition training) =>
        arm.OrganoidCohort(training) + (training.Substitute is { } why ? $" (substitute: {why})" : "");

    /// <summary>
    /// Assembles an arm's inputs. The training set is the first of <see cref="ArmDefinition.Training"/> whose organoid
    /// cohort stage 01 built (<paramref name="organoidCohorts"/>); the main model is the arm's model with the main
    /// selection and model name in <paramref name="mode"/>.
    /// </summary>
    /// <param name="arm">The arm.</param>
    /// <param name="organoidCohorts">The cohort names of stage 01's cohort_members.tsv.</param>
    /// <param name="response">The organoids' median ln IC50 for the arm's drug (stage 01's organoid_response.tsv).</param>
    /// <param name="models">Every model of stage 04 (all drugs); the arm's are those of its target row in <paramref name="mode"/>.</param>
    /// <param name="mode">The run's gene-set convention (<see cref="ModeOf"/>).</param>
    /// <exception cref="ArgumentException">No training set was built, or the arm has no main model.</exception>
    public static ArmInputs Create(ArmDefinition arm, IReadOnlyCollection<string> organoidCohorts, IReadOnlyDictionary<string, double> response,
        IReadOnlyList<StageModel> models, string mode)
    {
        ArgumentNullException.ThrowIfNull(arm);
        ArgumentNullException.ThrowIfNull(organoidCohorts);
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(models);
        var training = arm.Training.FirstOrDefault(t => organoidCohorts.Contains(arm.OrganoidCohort(t)))
            ?? throw new ArgumentException($"arm {arm.Id}: none of its training sets ({string.Join(", ", arm.Training.Select(arm.OrganoidCohort))}) was built by stage 01; rerun stage 01");
        var own = ModelsOf(arm, training, models, mode);
        var main = own.Where(m => m.Selection == arm.Main.Selection && m.Model == arm.Main.Model).ToList();
        if (main.Count != 1)
            throw new ArgumentException($"arm {arm.Id}: {main.Count} stage-04 models for the main setting ({arm.Drug.TargetRow}, selection {arm.Main.Selection}, model {arm.Main.Model}, mode {mode}); rerun stage 04");
        return new ArmInputs(arm, training, response, own, main[0]);
    }

    /// <summary>
    /// The arm's stage-04 models of one training set in <paramref name="mode"/>: those of the arm's target row with that
    /// training cohort (a models.tsv without a training column has one training set per arm: all of the arm's models).
    /// </summary>
    /// <param name="arm">The arm.</param>
    /// <param name="training">One of its training sets.</param>
    /// <param name="models">Every model of stage 04 (all drugs).</param>
    /// <param name="mode">The run's gene-set convention (models.tsv's gmt column).</param>
    public static IReadOnlyList<StageModel> ModelsOf(ArmDefinition arm, TrainingDefinition training, IReadOnlyList<StageModel> models, string mode)
    {
        ArgumentNullException.ThrowIfNull(arm);
        ArgumentNullException.ThrowIfNull(models);
        string cohort = arm.OrganoidCohort(training);
        return models.Where(m => m.Drug == arm.Drug.TargetRow && m.Gmt == mode && (m.Training is null || m.Training == cohort)).ToList();
    }

    /// <summary>
    /// An alternative training set of <paramref name="main"/>'s arm with its models (the same selection and model name as
    /// the main setting mark its main model), or null when stage 04 fitted none for it.
    /// </summary>
    /// <param name="main">The arm's main inputs.</param>
    /// <param name="training">Another of the arm's training sets.</param>
    /// <param name="response">That set's training response by organoid.</param>
    /// <param name="models">Every model of stage 04.</param>
    /// <param name="mode">The run's gene-set convention.</param>
    /// <param name="scores">That set's organoid scores.</param>
    public static ArmInputs? Alternative(ArmInputs main, TrainingDefinition training, IReadOnlyDictionary<string, double> response, IReadOnlyList<StageModel> models,
        string mode, PathwayScores scores)
    {
        ArgumentNullException.ThrowIfNull(main);
        string cohort = main.Arm.OrganoidCohort(training);
        var own = models.Where(m => m.Drug == main.Drug && m.Gmt == mode && m.Training == cohort).ToList();
        var model = own.FirstOrDefault(m => m.Selection == main.Arm.Main.Selection && m.Model == main.Arm.Main.Model);
        return model is null ? null : new ArmInputs(main.Arm, training, response, own, model, scores, null, main.Arm.OrganoidCohort(main.Training));
    }

    /// <summary>
    /// The one gene-set convention of stage 04's models (models.tsv's gmt column): patients are scored under the same
    /// convention. An error when the file mixes conventions (organoid_nes.tsv holds one).
    /// </summary>
    /// <param name="models">Every model of stage 04.</param>
    /// <exception cref="ArgumentException">No model, or several conventions: rerun stage 04.</exception>
    public static string ModeOf(IReadOnlyList<StageModel> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        var modes = models.Select(m => m.Gmt).Distinct().Order(StringComparer.Ordinal).ToList();
        if (modes.Count != 1)
            throw new ArgumentException($"models.tsv holds {(modes.Count == 0 ? "no models" : "several gene-set conventions (" + string.Join(", ", modes) + ")")}; organoid_nes.tsv holds one: rerun stage 04");
        return modes[0];
    }

    /// <summary>
    /// Trains <paramref name="model"/> on <paramref name="features"/> of the organoid scores against this arm's
    /// response: stage 04's routine (<see cref="OrganoidTraining"/>), which the baselines and the robustness checks use.
    /// </summary>
    /// <param name="organoidScores">Organoid pathway scores (<see cref="ScoresOr"/> gives the arm's).</param>
    /// <param name="features">The pathways to train on.</param>
    /// <param name="model">A model name as <see cref="Regressors.ByName"/> takes it.</param>
    public OrganoidModel Train(PathwayScores organoidScores, IEnumerable<string> features, string model) =>
        OrganoidTraining.Fit(OrganoidTraining.Assemble(organoidScores, Response, features), model);
}

/// <summary>Stage 04's main model retrained here, as a contract check (<see cref="StageContract.Retrain"/>).</summary>
/// <param name="Arm">The arm's id.</param>
/// <param name="Features">The main model's features.</param>
/// <param name="Mode">The gene-set convention.</param>
/// <param name="MaxCoefficientDifference">Largest |coefficient difference| between stage 04's model and the retrained one.</param>
/// <param name="TopBiomarker">Stage 04's top biomarker.</param>
/// <param name="TopCoefficient">Its coefficient.</param>
public sealed record RetrainingCheck(string Arm, int Features, string Mode, double MaxCoefficientDifference, string TopBiomarker, double TopCoefficient);

/// <summary>Checks of what stage 04 handed over.</summary>
public static class StageContract
{
    /// <summary>Largest coefficient difference accepted between stage 04's model and its retraining (rounding only).</summary>
    public const double RetrainingTolerance = 1e-8;

    /// <summary>
    /// Retrains each arm's main model with <see cref="ArmInputs.Train"/> and compares its coefficients with stage 04's:
    /// they must agree to <see cref="RetrainingTolerance"/>, otherwise the baselines and robustness checks (which
    /// retrain) would not be comparable with the main result.
    /// </summary>
    /// <param name="arms">The arms' inputs, each with its stage-04 main model.</param>
    /// <param name="organoidScores">The run's organoid pathway scores (an arm's own scores take precedence).</param>
    /// <exception cref="InvalidOperationException">A difference above the tolerance: organoid_nes.tsv and models.tsv disagree.</exception>
    public static IReadOnlyList<RetrainingCheck> Retrain(IReadOnlyList<ArmInputs> arms, PathwayScores organoidScores)
    {
        ArgumentNullException.ThrowIfNull(arms);
        var checks = new List<RetrainingCheck>();
        foreach (var a in arms)
        {
            var stage04 = a.MainModel;
            var retrained = a.Train(a.ScoresOr(organoidScores), stage04.Biomarkers.Select(b => b.Name), stage04.Model);
            var byName = retrained.Ranking.ToDictionary(b => b.Name, b => b.Coefficient, StringComparer.Ordinal);
            double maxDiff = stage04.Biomarkers.Max(b => Math.Abs(b.Coefficient - byName[b.Name]));
            if (!(maxDiff <= RetrainingTolerance))
                throw new InvalidOperationException($"{a.Arm.Id}: retraining does not reproduce stage 04's model (max |coef diff| {maxDiff}): organoid_nes.tsv and models.tsv disagree; rerun stage 04");
            checks.Add(new RetrainingCheck(a.Arm.Id, stage04.Biomarkers.Count, stage04.Gmt, maxDiff, stage04.Biomarkers[0].Name, stage04.Biomarkers[0].Coefficient));
        }
        return checks;
    }
}
