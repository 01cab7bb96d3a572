using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Models;
using OrganoidBiomarkers.Reporting;

namespace OrganoidBiomarkers.Pipeline;

/// <summary>
/// Stage 04's files, written in one call at the end of notebook 04 (its "Outputs" section says what each holds), so the
/// notebook keeps one library call per step: results/model_coefficients.tsv, organoid_cv.tsv (the paper models' rows,
/// then the learners': <see cref="LearnerFitting.CrossValidationFile"/>), response_measure.tsv; stages/04/models.tsv
/// (the main training sets' models, then each arm's alternatives), <see cref="LearnerFitting.StageFile"/>, one NES file
/// per scored collection (<see cref="CollectionScores.StageFile"/>) and counts_log.tsv.
/// </summary>
public static class ModelStageOutputs
{
    /// <summary>Writes every stage-04 file (see the class summary) under the run's output directory.</summary>
    /// <param name="run">The run (output paths, study).</param>
    /// <param name="scored">Every scored organoid collection, the training collection first (its NES file is organoid_nes.tsv).</param>
    /// <param name="models">The models of the arms' training sets (model_coefficients.tsv, models.tsv).</param>
    /// <param name="alternatives">The models of each arm's other training sets (models.tsv only, after <paramref name="models"/>).</param>
    /// <param name="crossValidation">The paper models' cross-validation.</param>
    /// <param name="learners">The learner comparison (<see cref="LearnerFitting.Compare"/>).</param>
    /// <param name="aucChecks">The models retrained on the AUC.</param>
    /// <param name="log">The stage's count log.</param>
    public static void Write(RunContext run, IReadOnlyList<CollectionScores> scored, IReadOnlyList<ArmModel> models, IReadOnlyList<ArmModel> alternatives,
        IReadOnlyList<ModelCrossValidation> crossValidation, IReadOnlyList<ArmLearners> learners, IReadOnlyList<AucCheck> aucChecks, CountLog log)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(scored);
        ArgumentNullException.ThrowIfNull(alternatives);
        ArgumentNullException.ThrowIfNull(log);
        if (scored.Count == 0) throw new ArgumentException("no scored collection", nameof(scored));
        string gmt = scored[0].Scoring.GmtName;
        ModelTables.Coefficients(models, gmt).Write(run.ResultPath("model_coefficients.tsv"));
        ModelTables.StageModels([.. models, .. alternatives], gmt).Write(run.StagePath(4, "models.tsv"));
        LearnerFitting.CrossValidationFile(crossValidation, learners).Write(run.ResultPath("organoid_cv.tsv"));
        LearnerFitting.StageModels(learners, gmt).Write(run.StagePath(4, LearnerFitting.StageFile));
        foreach (var c in scored) c.Scoring.NesTable().Write(run.StagePath(4, CollectionScores.StageFile(run.Study, c.Collection.Id)));
        ModelTables.ResponseMeasureFile(aucChecks).Write(run.ResultPath("response_measure.tsv"));
        CountLogTable.Of(log).Write(run.StagePath(4, "counts_log.tsv"));
    }

    /// <summary>
    /// The bars of the cross-validation summary figure (<see cref="ModelFigures.CrossValidationSummary"/>): one per drug x
    /// selection x model ("5-FU · authors · ridgecv"), highlighted for the main selection of an arm trained as in the paper.
    /// </summary>
    public static IReadOnlyList<CrossValidationBar> Bars(IReadOnlyList<ModelCrossValidation> crossValidation, IReadOnlyList<Study.ArmDefinition> paperArms)
    {
        ArgumentNullException.ThrowIfNull(crossValidation);
        ArgumentNullException.ThrowIfNull(paperArms);
        return crossValidation.Select(c => new CrossValidationBar($"{c.Model.Arm.Drug.Label} · {c.Model.Selection} · {c.Model.Model.ModelName}", c.LeaveOneOut.SpearmanRho,
            c.Permutation.PValue, c.Permutation.Permutations, paperArms.Contains(c.Model.Arm) && c.Model.Training.IsMainSelection)).ToList();
    }
}
