using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Models;

/// <summary>
/// One learner trained on all organoids (features standardised over them, as <see cref="OrganoidTraining.Fit(OrganoidTrainingSet, IRegressor)"/>)
/// and its features ranked by <see cref="PermutationImportance"/> on the training organoids; <see cref="Biomarkers"/>
/// is that ranking in the form the patient split takes (coefficient = signed importance).
/// </summary>
/// <param name="Data">The training set (unscaled scores and response).</param>
/// <param name="Scaler">The standardiser fitted over the training organoids; patients' scores go through it first.</param>
/// <param name="Model">The learner fitted on all standardised training organoids.</param>
/// <param name="Ranking">Features by permutation importance on the training organoids, rank 1 first.</param>
/// <param name="Biomarkers"><paramref name="Ranking"/> as <see cref="RankedBiomarker"/>s (<see cref="PermutationImportance.AsBiomarkers"/>).</param>
public sealed record OrganoidLearnerModel(OrganoidTrainingSet Data, Standardizer Scaler, ITrainedModel Model,
    IReadOnlyList<FeatureImportance> Ranking, IReadOnlyList<RankedBiomarker> Biomarkers)
{
    /// <summary>The fitted learner's name (<see cref="ITrainedModel.ModelName"/>).</summary>
    public string ModelName => Model.ModelName;
}

/// <summary>
/// One learner's evaluation, as stage 04 evaluates its linear models: leave-one-organoid-out Spearman and RMSE against
/// the mean baseline, the permutation p of the Spearman, and the full-data model with its ranking. <see cref="Alpha"/>:
/// RidgeCV's chosen alpha, ridge's or SDCA's (scikit-learn scale) alpha; null for the other learners.
/// </summary>
/// <param name="Learner">The learner's <see cref="ILearner.Name"/>.</param>
/// <param name="Alpha">The penalty as described above, or null.</param>
/// <param name="LeaveOneOut">Leave-one-organoid-out predictions, Spearman and RMSE, with the scaler refitted per fold.</param>
/// <param name="Permutation">The permutation null of the leave-one-out Spearman.</param>
/// <param name="Model">The full-data model and its ranking.</param>
public sealed record LearnerEvaluation(string Learner, double? Alpha, LeaveOneOutResult LeaveOneOut, PermutationTestResult Permutation, OrganoidLearnerModel Model);

/// <summary>
/// The paper's comparison of learning algorithms on the organoids (it compared ridge, least squares, SVR and a deep
/// network): every learner on the same training set, the same leave-one-organoid-out with the scaler refitted per
/// fold, and the same permutation null (the same shuffles of the response for every learner: paired). One call per
/// notebook cell: <c>LearnerComparison.Run(training, Learners.Names, permutations: 199, seed: run.Seed)</c>, then
/// <see cref="ToTable"/> (organoid_cv.tsv's columns) and <see cref="RankingTable"/>.
/// </summary>
/// <param name="Data">The training set every learner was evaluated on.</param>
/// <param name="Evaluations">One evaluation per learner, in the order the learners were named.</param>
/// <param name="Seed">The seed of the permutation shuffles and the importance streams.</param>
public sealed record LearnerComparison(OrganoidTrainingSet Data, IReadOnlyList<LearnerEvaluation> Evaluations, ulong Seed)
{
    /// <summary>Permutation-importance repeats per feature for the full-data ranking.</summary>
    public const int ImportanceRepeats = 20;

    /// <summary>
    /// Evaluates each of <paramref name="learners"/> (names of <see cref="Learners.ByName"/>) on <paramref name="data"/>:
    /// <paramref name="permutations"/> (1..100,000) shuffles drawn from Rng(<paramref name="seed"/>) for the null, and
    /// permutation importance (<see cref="ImportanceRepeats"/> repeats) from the same seed for the ranking.
    /// </summary>
    public static LearnerComparison Run(OrganoidTrainingSet data, IEnumerable<string> learners, int permutations, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(learners);
        if (permutations is < 1 or > 100_000) throw new ArgumentException($"LearnerComparison: permutations must be in 1..100000, got {permutations}", nameof(permutations));
        var names = learners.ToArray();
        if (names.Length == 0) throw new ArgumentException("LearnerComparison: no learners", nameof(learners));
        var duplicate = names.GroupBy(n => n.Trim().ToLowerInvariant()).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"LearnerComparison: learner '{duplicate.Key}' listed twice", nameof(learners));
        var y = data.Response.ToArray();
        var evaluations = names.Select(name =>
        {
            var learner = Learners.ByName(name);
            var loo = CrossValidation.LeaveOneOut(learner, data.X, y);
            var null_ = CrossValidation.PermutationTest(learner, data.X, y, permutations, seed);
            var model = Fit(data, learner, seed);
            double? alpha = model.Model switch { RidgeCvFit cv => cv.Alpha, RidgeFit r => r.Alpha, _ => learner is SdcaLearner s ? s.Alpha : null };
            return new LearnerEvaluation(learner.Name, alpha, loo, null_, model);
        }).ToArray();
        return new LearnerComparison(data, Array.AsReadOnly(evaluations), seed);
    }

    /// <summary>
    /// Standardises the features over the training organoids, fits <paramref name="learner"/> and ranks the features by
    /// permutation importance (<see cref="ImportanceRepeats"/> repeats, streams from <paramref name="seed"/>).
    /// </summary>
    public static OrganoidLearnerModel Fit(OrganoidTrainingSet data, ILearner learner, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(learner);
        var (scaler, z) = Standardizer.FitTransform(data.X);
        var y = data.Response.ToArray();
        var model = learner.Fit(z, y);
        var ranking = PermutationImportance.Compute(model, z, y, data.Features, ImportanceRepeats, seed);
        return new OrganoidLearnerModel(data, scaler, model, ranking, PermutationImportance.AsBiomarkers(ranking));
    }

    /// <summary>
    /// One row per learner with organoid_cv.tsv's columns (drug, selection, model, n_organoids, n_features, alpha,
    /// loo_spearman, loo_rmse, baseline_rmse, perm_p, n_permutations); alpha as <see cref="LearnerEvaluation.Alpha"/>, empty when null.
    /// </summary>
    public TsvTable ToTable(string drug, string selection) => TsvTable.From(Evaluations,
        ("drug", _ => drug), ("selection", _ => selection), ("model", e => e.Learner),
        ("n_organoids", _ => Data.OrganoidCount), ("n_features", _ => Data.FeatureCount),
        ("alpha", e => e.Alpha),
        ("loo_spearman", e => e.LeaveOneOut.SpearmanRho), ("loo_rmse", e => e.LeaveOneOut.Rmse), ("baseline_rmse", e => e.LeaveOneOut.Baseline.Rmse),
        ("perm_p", e => e.Permutation.PValue), ("n_permutations", e => e.Permutation.Permutations));

    /// <summary>The top <paramref name="top"/> features of every learner by permutation importance (learner, rank, pathway, importance, sd, direction).</summary>
    public TsvTable RankingTable(int top = 10) => TsvTable.From(Evaluations.SelectMany(e => e.Model.Ranking.Take(top).Select(r => (e.Learner, r))),
        ("model", t => t.Learner), ("rank", t => t.r.Rank), ("pathway", t => t.r.Name), ("importance", t => t.r.Importance),
        ("importance_sd", t => t.r.ImportanceSd), ("direction", t => t.r.Direction));
}
