using OrganoidBiomarkers.Models;
using OrganoidBiomarkers.Reporting;
using OrganoidBiomarkers.Study;

namespace OrganoidBiomarkers.Pipeline;

/// <summary>
/// Notebook 04's per-arm figures, titled and saved under output/figures/ in one call each, so the notebook shows them
/// with one library call per step (the plots themselves are <see cref="ModelFigures"/>).
/// </summary>
public static class ModelStageFigures
{
    /// <summary>
    /// One coefficient bar chart per model of <paramref name="arm"/>'s main training set (the <paramref name="top"/>
    /// strongest biomarkers, 1..100), saved as 04_coefficients_{drug}_{selection}_{model}.png, in the paper's model order.
    /// </summary>
    public static IReadOnlyList<Figure> CoefficientBars(RunContext run, IReadOnlyList<ArmTrainingSet> sets, IReadOnlyList<ArmModel> models, ArmDefinition arm, int top)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(arm);
        if (top is < 1 or > 100) throw new ArgumentOutOfRangeException(nameof(top), top, "top must be in 1..100");
        var main = ModelFitting.MainSet(sets, arm);
        return ModelFitting.ModelsOf(models, main).Select(m =>
        {
            var title = $"{arm.Drug.Label}, {m.ModelName}{(m.Fit is RidgeCvFit cv ? $" (alpha {cv.Alpha:0.0})" : "")}: top {Math.Min(top, m.Features.Count)} of {m.Features.Count} pathways ({m.Data.OrganoidCount} organoids)";
            return Figures.Save(ModelFigures.CoefficientBars(m, title, top), run.FigurePath($"04_coefficients_{arm.Drug.FileLabel}_{main.Selection}_{m.ModelName}.png"), 1100, 680);
        }).ToList();
    }

    /// <summary>The leave-one-organoid-out scatter of <paramref name="arm"/>'s main training set (every model), saved as 04_loo_{drug}_{selection}.png.</summary>
    public static Figure LeaveOneOut(RunContext run, IReadOnlyList<ArmTrainingSet> sets, IReadOnlyList<ModelCrossValidation> crossValidation, ArmDefinition arm)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(arm);
        var main = ModelFitting.MainSet(sets, arm);
        var loo = ModelFitting.LeaveOneOutOf(crossValidation, main);
        return Figures.Save(ModelFigures.LeaveOneOutScatter(loo, $"{arm.Drug.Label}, {main.Selection} pathways: leave-one-organoid-out predictions ({loo[0].Observed.Count} organoids)"),
            run.FigurePath($"04_loo_{arm.Drug.FileLabel}_{main.Selection}.png"), 900, 700);
    }

    /// <summary>
    /// The leave-one-organoid-out Spearman of every paper-trained arm's models (<see cref="ModelStageOutputs.Bars"/>;
    /// each bar labelled with its permutation p), saved as 04_cv_summary.png.
    /// </summary>
    public static Figure CrossValidationSummary(RunContext run, IReadOnlyList<ModelCrossValidation> crossValidation, IReadOnlyList<ArmDefinition> paperArms)
    {
        ArgumentNullException.ThrowIfNull(run);
        var bars = ModelStageOutputs.Bars(crossValidation, paperArms);
        return Figures.Save(ModelFigures.CrossValidationSummary(bars, "Leave-one-organoid-out Spearman rho (label: permutation p, number of permutations)"),
            run.FigurePath("04_cv_summary.png"), 1000, 200 + 28 * bars.Count);
    }

    /// <summary>The paper's models and the ML.NET learners side by side (leave-one-out Spearman, permutation p), saved as 04_learner_comparison.png.</summary>
    public static Figure LearnerComparison(RunContext run, IReadOnlyList<ModelCrossValidation> crossValidation, IReadOnlyList<ArmLearners> learners)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Figures.Save(ModelFigures.LearnerComparison(crossValidation, learners, "Leave-one-organoid-out Spearman rho, the paper's models and ML.NET's (label: permutation p, draws)"),
            run.FigurePath("04_learner_comparison.png"), 1000, ModelFigures.LearnerComparisonHeight(crossValidation, learners));
    }
}
