using System.Globalization;
using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Study;

namespace OrganoidBiomarkers.Models;

/// <summary>
/// The tables of stage 04: the schemas of model_coefficients.tsv, output/stages/04/models.tsv, organoid_cv.tsv and
/// response_measure.tsv (drug = the arm's target row, e.g. FLUOROURACIL), and the tables the notebook displays (drug =
/// the arm's label, e.g. 5-FU).
/// </summary>
public static class ModelTables
{
    private static string F(double v, string format = "0.000") => double.IsNaN(v) ? "NA" : v.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>For display: each training set's organoids, proximal pathways, features with a score, and the proximal pathways without one.</summary>
    /// <param name="sets">The training sets.</param>
    public static TsvTable TrainingSets(IReadOnlyList<ArmTrainingSet> sets) => TsvTable.From(sets,
        ("drug", t => t.Arm.Drug.Label), ("selection", t => t.Selection), ("network", t => t.Network), ("organoids", t => t.Set.OrganoidCount),
        ("proximal pathways", t => t.Proximal.Count), ("features (scored)", t => t.Set.FeatureCount),
        ("proximal, not scored", t => string.Join(", ", t.Set.AbsentFeatures.Select(a => PathwayNames.Short(a, 50)))),
        ("training set", t => t.Training.Substitute is null ? t.Training.Definition : $"SUBSTITUTE ({t.Training.Substitute}): {t.Training.Definition}"));

    /// <summary>For display: each arm's training organoids in the order that decides RidgeCV's unshuffled folds (the score matrix's column order).</summary>
    /// <param name="sets">The training sets.</param>
    public static TsvTable TrainingOrganoids(IReadOnlyList<ArmTrainingSet> sets) => TsvTable.From(sets.GroupBy(t => t.Arm.Id).Select(g => g.First()).ToList(),
        ("drug", t => t.Arm.Drug.Label), ("organoids, in fold order", t => string.Join(" ", t.Set.Organoids)));

    /// <summary>For display: every model's size, RidgeCV alpha and top three biomarkers with the first coefficient.</summary>
    /// <param name="models">The models.</param>
    public static TsvTable Models(IReadOnlyList<ArmModel> models) => TsvTable.From(models,
        ("drug", m => m.Arm.Drug.Label), ("selection", m => m.Selection), ("model", m => m.Model.ModelName), ("organoids", m => m.Model.Data.OrganoidCount),
        ("features", m => m.Model.Features.Count), ("alpha", m => ModelFitting.Alpha(m.Model)),
        ("top biomarker", m => PathwayNames.Short(m.Model.Ranking[0].Name, 60)), ("coef", m => F(m.Model.Ranking[0].Coefficient, "0.0000")),
        ("2nd", m => m.Model.Ranking.Count > 1 ? PathwayNames.Short(m.Model.Ranking[1].Name, 45) : ""),
        ("3rd", m => m.Model.Ranking.Count > 2 ? PathwayNames.Short(m.Model.Ranking[2].Name, 45) : ""));

    /// <summary>For display: RidgeCV's mean R² per alpha (3 unshuffled folds, weighted by test-fold size) and the alpha chosen, per RidgeCV model.</summary>
    /// <param name="models">The models (others than RidgeCV are skipped).</param>
    public static TsvTable RidgeCvAlphas(IReadOnlyList<ArmModel> models)
    {
        var fits = models.Where(m => m.Model.Fit is RidgeCvFit).ToList();
        if (fits.Count == 0) return new TsvTable(["drug", "selection"], []);
        var grid = ((RidgeCvFit)fits[0].Model.Fit).Alphas;
        return new TsvTable(
            new[] { "drug", "selection", "fold sizes" }.Concat(grid.Select(a => $"R² alpha {F(a, "0.0")}")).Append("chosen alpha").ToArray(),
            fits.Select(m =>
            {
                var cv = (RidgeCvFit)m.Model.Fit;
                return (IReadOnlyList<string>)new[] { m.Arm.Drug.Label, m.Selection, string.Join("/", cv.FoldSizes) }
                    .Concat(cv.MeanScores.Select(s => F(s, "0.0000"))).Append(F(cv.Alpha, "0.0")).ToArray();
            }).ToArray());
    }

    /// <summary>
    /// For display: the <paramref name="top"/> strongest biomarkers of each model side by side (rank, then name and
    /// coefficient per model); fewer rows when no model has that many features.
    /// </summary>
    /// <param name="models">Models of one training set.</param>
    /// <param name="top">Rows at most (≥ 1).</param>
    public static TsvTable TopBiomarkers(IReadOnlyList<OrganoidModel> models, int top) => new(
        new[] { "rank" }.Concat(models.SelectMany(m => new[] { m.ModelName, "coef" })).ToArray(),
        Enumerable.Range(0, Math.Min(top, models.Count == 0 ? 0 : models.Max(m => m.Ranking.Count))).Select(k => (IReadOnlyList<string>)new[] { (k + 1).ToString(CultureInfo.InvariantCulture) }
            .Concat(models.SelectMany(m => k < m.Ranking.Count ? new[] { PathwayNames.Short(m.Ranking[k].Name, 60), F(m.Ranking[k].Coefficient, "0.0000") } : ["", ""])).ToArray()).ToArray());

    /// <summary>The schema of model_coefficients.tsv: drug, selection, gmt, model, pathway, coef, rank (every model's ranking in table order).</summary>
    /// <param name="models">The models.</param>
    /// <param name="gmt">The gene-set convention's name (<see cref="OrganoidScoring.GmtName"/>).</param>
    public static TsvTable Coefficients(IReadOnlyList<ArmModel> models, string gmt) => TsvTable.From(Ranked(models),
        ("drug", r => r.Model.Arm.Drug.TargetRow), ("selection", r => r.Model.Selection), ("gmt", _ => gmt), ("model", r => r.Model.Model.ModelName),
        ("pathway", r => r.Biomarker.Name), ("coef", r => r.Biomarker.Coefficient), ("rank", r => r.Biomarker.Rank));

    /// <summary>
    /// The schema of output/stages/04/models.tsv (what stage 05 scores patients with): the columns of
    /// <see cref="Coefficients"/>, then organoid_drug (the screen's name), n_organoids and training (the training set's
    /// organoid cohort, e.g. crc_organoids_5fu: an arm's other training sets are listed too).
    /// </summary>
    /// <param name="models">The models.</param>
    /// <param name="gmt">The gene-set convention's name.</param>
    public static TsvTable StageModels(IReadOnlyList<ArmModel> models, string gmt) => TsvTable.From(Ranked(models),
        ("drug", r => r.Model.Arm.Drug.TargetRow), ("selection", r => r.Model.Selection), ("gmt", _ => gmt), ("model", r => r.Model.Model.ModelName),
        ("pathway", r => r.Biomarker.Name), ("coef", r => r.Biomarker.Coefficient), ("rank", r => r.Biomarker.Rank),
        ("organoid_drug", r => r.Model.Arm.Drug.ScreenName), ("n_organoids", r => r.Model.Model.Data.OrganoidCount), ("training", r => r.Model.Training.Cohort));

    private sealed record RankedRow(ArmModel Model, RankedBiomarker Biomarker);

    private static IEnumerable<RankedRow> Ranked(IReadOnlyList<ArmModel> models) =>
        models.SelectMany(m => m.Model.Ranking.OrderBy(b => b.Rank).Select(b => new RankedRow(m, b)));

    /// <summary>For display: leave-one-out Spearman and RMSE, the mean baseline's RMSE, the permutation p, and the time, per model.</summary>
    /// <param name="cv">The cross-validation.</param>
    public static TsvTable CrossValidation(IReadOnlyList<ModelCrossValidation> cv) => TsvTable.From(cv,
        ("drug", c => c.Model.Arm.Drug.Label), ("selection", c => c.Model.Selection), ("model", c => c.Model.Model.ModelName), ("organoids", c => c.Model.Model.Data.OrganoidCount),
        ("features", c => c.Model.Model.Features.Count), ("LOO Spearman", c => F(c.LeaveOneOut.SpearmanRho)), ("LOO RMSE", c => F(c.LeaveOneOut.Rmse)),
        ("baseline RMSE", c => F(c.LeaveOneOut.Baseline.Rmse)), ("permutation p", c => F(c.Permutation.PValue, "0.0000")), ("permutations", c => c.Permutation.Permutations),
        ("seconds", c => F(c.Seconds, "0.00")));

    /// <summary>
    /// The schema of organoid_cv.tsv: drug, selection, model, n_organoids, n_features, alpha (RidgeCV only), loo_spearman,
    /// loo_rmse, baseline_rmse, perm_p, n_permutations.
    /// </summary>
    /// <param name="cv">The cross-validation.</param>
    public static TsvTable CrossValidationFile(IReadOnlyList<ModelCrossValidation> cv) => TsvTable.From(cv,
        ("drug", c => c.Model.Arm.Drug.TargetRow), ("selection", c => c.Model.Selection), ("model", c => c.Model.Model.ModelName), ("n_organoids", c => c.Model.Model.Data.OrganoidCount),
        ("n_features", c => c.Model.Model.Features.Count), ("alpha", c => c.Model.Model.Fit is RidgeCvFit f ? f.Alpha : null), ("loo_spearman", c => c.LeaveOneOut.SpearmanRho),
        ("loo_rmse", c => c.LeaveOneOut.Rmse), ("baseline_rmse", c => c.LeaveOneOut.Baseline.Rmse), ("perm_p", c => c.Permutation.PValue), ("n_permutations", c => c.Permutation.Permutations));

    /// <summary>For display: per arm, the training organoids, how many median IC50s are extrapolated, rho(ln IC50, AUC) and the AUC range.</summary>
    /// <param name="checks">What <see cref="ModelFitting.OnAuc"/> returns.</param>
    public static TsvTable AucInputs(IReadOnlyList<AucCheck> checks) => TsvTable.From(checks.GroupBy(c => c.Auc.Training.Arm.Id).Select(g => g.First().Auc).ToList(),
        ("drug", a => a.Training.Arm.Drug.Label), ("selection", a => a.Training.Selection), ("training organoids", a => a.Set.OrganoidCount),
        ("median ln IC50 above the highest tested concentration", a => $"{a.AboveRange} ({string.Join(", ", a.MaxConcentrations.Select(c => F(c, "0") + " uM"))})"),
        ("Spearman rho (ln IC50, AUC)", a => F(a.Spearman)), ("AUC range", a => $"{F(a.Auc.Min())} to {F(a.Auc.Max())}"));

    /// <summary>For display: each model's top pathway and coefficient on ln IC50 and on AUC, their agreement and the leave-one-out rho on both.</summary>
    /// <param name="checks">What <see cref="ModelFitting.OnAuc"/> returns.</param>
    public static TsvTable AucComparison(IReadOnlyList<AucCheck> checks) => TsvTable.From(checks,
        ("drug", r => r.Auc.Training.Arm.Drug.Label), ("model", r => r.Model), ("top on ln IC50", r => PathwayNames.Short(r.Agreement.TopA, 45)),
        ("coef (ln IC50)", r => F(r.Agreement.TopCoefficientA)), ("top on AUC", r => PathwayNames.Short(r.Agreement.TopB, 45)),
        ("coef (AUC)", r => F(r.Agreement.TopCoefficientB)), ("same top and sign", r => r.Agreement.SameTopAndSign ? "yes" : "NO"),
        ("coefficient rho", r => F(r.Agreement.CoefficientSpearman)), ("top 5 shared", r => $"{r.Agreement.TopKShared} of {r.Agreement.TopK}"),
        ("LOO rho, ln IC50", r => F(r.LeaveOneOutRhoOnLnIc50)), ("LOO rho, AUC", r => F(r.LeaveOneOut.SpearmanRho)), ("permutation p, AUC", r => F(r.Permutation.PValue, "0.0000")));

    /// <summary>
    /// For display, the finding per arm: how many models keep their top pathway and its sign on the AUC (then a k = 1
    /// patient split is the same whichever response is used) and which change.
    /// </summary>
    /// <param name="checks">What <see cref="ModelFitting.OnAuc"/> returns.</param>
    public static TsvTable AucFindings(IReadOnlyList<AucCheck> checks) => TsvTable.From(checks.GroupBy(c => c.Auc.Training.Arm.Id).ToList(),
        ("drug", g => g.First().Auc.Training.Arm.Drug.Label),
        ("medians extrapolated", g => $"{g.First().Auc.AboveRange} of {g.First().Auc.Set.OrganoidCount}"),
        ("models keeping top pathway and sign on AUC", g => $"{g.Count(r => r.Agreement.SameTopAndSign)} of {g.Count()}"),
        ("models whose k = 1 split depends on the extrapolation", g => string.Join(", ", g.Where(r => !r.Agreement.SameTopAndSign).Select(r => r.Model)) is { Length: > 0 } s ? s : "none"));

    /// <summary>
    /// The schema of response_measure.tsv: drug, selection, model, n_organoids, medians_above_range, top_ln_ic50,
    /// coef_ln_ic50, top_auc, coef_auc, same_top_and_sign, coefficient_spearman, top5_shared, loo_spearman_ln_ic50,
    /// loo_spearman_auc, perm_p_auc, n_permutations.
    /// </summary>
    /// <param name="checks">What <see cref="ModelFitting.OnAuc"/> returns.</param>
    public static TsvTable ResponseMeasureFile(IReadOnlyList<AucCheck> checks) => TsvTable.From(checks,
        ("drug", r => r.Auc.Training.Arm.Drug.TargetRow), ("selection", r => r.Auc.Training.Selection), ("model", r => r.Model), ("n_organoids", r => r.Auc.Set.OrganoidCount),
        ("medians_above_range", r => r.Auc.AboveRange), ("top_ln_ic50", r => r.Agreement.TopA), ("coef_ln_ic50", r => r.Agreement.TopCoefficientA),
        ("top_auc", r => r.Agreement.TopB), ("coef_auc", r => r.Agreement.TopCoefficientB), ("same_top_and_sign", r => r.Agreement.SameTopAndSign ? "true" : "false"),
        ("coefficient_spearman", r => r.Agreement.CoefficientSpearman), ("top5_shared", r => r.Agreement.TopKShared), ("loo_spearman_ln_ic50", r => r.LeaveOneOutRhoOnLnIc50),
        ("loo_spearman_auc", r => r.LeaveOneOut.SpearmanRho), ("perm_p_auc", r => r.Permutation.PValue), ("n_permutations", r => r.Permutation.Permutations));

    /// <summary>
    /// For display, the stage's findings per arm (main selection): organoids and features, RidgeCV alpha, top biomarker
    /// per model, leave-one-out rho and permutation p per model, and the AUC check.
    /// </summary>
    /// <param name="sets">The training sets.</param>
    /// <param name="cv">The cross-validation.</param>
    /// <param name="checks">The AUC checks.</param>
    public static TsvTable Findings(IReadOnlyList<ArmTrainingSet> sets, IReadOnlyList<ModelCrossValidation> cv, IReadOnlyList<AucCheck> checks) =>
        TsvTable.From(sets.Select(t => t.Arm).DistinctBy(a => a.Id).Select(a => ModelFitting.MainSet(sets, a)).ToList(),
            ("drug", t => t.Arm.Drug.Label), ("selection", t => t.Selection), ("organoids", t => t.Set.OrganoidCount), ("features", t => t.Set.FeatureCount),
            ("alpha", t => string.Concat(cv.Where(c => ReferenceEquals(c.Model.Training, t)).Select(c => ModelFitting.Alpha(c.Model.Model)))),
            ("top biomarker", t => string.Join("; ", cv.Where(c => ReferenceEquals(c.Model.Training, t)).Select(c => $"{c.Model.Model.ModelName} {PathwayNames.Short(c.Model.Model.Ranking[0].Name, 40)}"))),
            ("LOO rho (permutation p)", t => string.Join("; ", cv.Where(c => ReferenceEquals(c.Model.Training, t)).Select(c => $"{c.Model.Model.ModelName} {F(c.LeaveOneOut.SpearmanRho)} ({F(c.Permutation.PValue, "0.0000")})"))),
            ("same top and sign on AUC", t => $"{checks.Count(c => ReferenceEquals(c.Auc.Training, t) && c.Agreement.SameTopAndSign)} of {checks.Count(c => ReferenceEquals(c.Auc.Training, t))} models"));
}
