using System.Globalization;
using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Models;

/// <summary>One arm's learner comparison: the ML.NET learners on the arm's main training set.</summary>
/// <param name="Training">The arm's main training set (the same organoids and features as its paper models).</param>
/// <param name="Comparison">Every learner's leave-one-out, permutation null and full-data ranking.</param>
/// <param name="Seconds">Wall time per learner, in <see cref="LearnerComparison.Evaluations"/> order.</param>
/// <param name="CpuSeconds">CPU time of the whole process per learner (nothing else runs meanwhile), in the same order.</param>
public sealed record ArmLearners(ArmTrainingSet Training, LearnerComparison Comparison, IReadOnlyList<double> Seconds, IReadOnlyList<double> CpuSeconds);

/// <summary>
/// Stage 04's learner comparison (the paper compared ridge, least squares, SVR and a deep network; here the ML.NET
/// learners of <see cref="Learners.MlNetNames"/>, README "Learner comparison"): each arm's main training set only (the
/// learners refit on every shuffle and are slow), evaluated as the paper's models are (<see cref="LearnerComparison"/>:
/// leave-one-organoid-out with the scaler refitted per fold, the permutation null of the Spearman rho with the run's
/// seed, i.e. the first shuffles of the paper models' null), and each learner's features ranked by permutation
/// importance, signed by direction, for stage 05's top-k patient splits (output/stages/04/<see cref="StageFile"/>).
/// </summary>
public static class LearnerFitting
{
    /// <summary>The stage-04 hand-off file of the learners' rankings (models.tsv's schema; coef = signed permutation importance).</summary>
    public const string StageFile = "learner_models.tsv";

    /// <summary>Permutations of the learners' null by default (--param learner_permutations): see README "Learner comparison" for the cost.</summary>
    public const int DefaultPermutations = 9;

    /// <summary>
    /// Every learner of <paramref name="learners"/> (names of <see cref="Learners.ByName"/>) on each arm's main training set
    /// (<see cref="ModelFitting.MainSet"/>), arms in the order of <paramref name="sets"/>, with <paramref name="permutations"/>
    /// (1..100,000) shuffles from <paramref name="seed"/>.
    /// </summary>
    public static IReadOnlyList<ArmLearners> Compare(IReadOnlyList<ArmTrainingSet> sets, IReadOnlyList<string> learners, int permutations, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentNullException.ThrowIfNull(learners);
        var result = new List<ArmLearners>();
        foreach (var arm in sets.Select(t => t.Arm).DistinctBy(a => a.Id, StringComparer.Ordinal))
        {
            var main = ModelFitting.MainSet(sets, arm);
            var evaluations = new List<LearnerEvaluation>();
            var (seconds, cpuSeconds) = (new List<double>(), new List<double>());
            foreach (var name in learners)
            {
                var timer = WorkTimer.Start();
                evaluations.AddRange(LearnerComparison.Run(main.Set, [name], permutations, seed).Evaluations);
                seconds.Add(timer.WallSeconds);
                cpuSeconds.Add(timer.CpuSeconds);
            }
            result.Add(new ArmLearners(main, new LearnerComparison(main.Set, evaluations.AsReadOnly(), seed), seconds.AsReadOnly(), cpuSeconds.AsReadOnly()));
        }
        return result;
    }

    /// <summary>
    /// organoid_cv.tsv: the paper models' rows (<see cref="ModelTables.CrossValidationFile"/>, unchanged) followed by one
    /// row per arm x learner (drug = the arm's target row; alpha: SDCA's scikit-learn alpha, empty for the trees).
    /// </summary>
    public static TsvTable CrossValidationFile(IReadOnlyList<ModelCrossValidation> cv, IReadOnlyList<ArmLearners> learners)
    {
        ArgumentNullException.ThrowIfNull(learners);
        var paper = ModelTables.CrossValidationFile(cv);
        var rows = paper.Rows.ToList();
        foreach (var a in learners)
        {
            var table = a.Comparison.ToTable(a.Training.Arm.Drug.TargetRow, a.Training.Selection);
            if (!table.Columns.SequenceEqual(paper.Columns, StringComparer.Ordinal))
                throw new InvalidOperationException($"LearnerComparison.ToTable's columns ({string.Join(", ", table.Columns)}) are not organoid_cv.tsv's");
            rows.AddRange(table.Rows);
        }
        return new TsvTable(paper.Columns, rows);
    }

    /// <summary>
    /// output/stages/04/<see cref="StageFile"/>: models.tsv's columns (drug, selection, gmt, model, pathway, coef, rank,
    /// organoid_drug, n_organoids, training), one row per arm x learner x feature in rank order; coef = the signed permutation
    /// importance (<see cref="PermutationImportance.AsBiomarkers"/>), so stage 05 splits patients by it as by a coefficient.
    /// </summary>
    public static TsvTable StageModels(IReadOnlyList<ArmLearners> learners, string gmt) => TsvTable.From(
        learners.SelectMany(a => a.Comparison.Evaluations.SelectMany(e => e.Model.Biomarkers.OrderBy(b => b.Rank).Select(b => (Arm: a, e.Learner, Biomarker: b)))),
        ("drug", r => r.Arm.Training.Arm.Drug.TargetRow), ("selection", r => r.Arm.Training.Selection), ("gmt", _ => gmt), ("model", r => r.Learner),
        ("pathway", r => r.Biomarker.Name), ("coef", r => r.Biomarker.Coefficient), ("rank", r => r.Biomarker.Rank),
        ("organoid_drug", r => r.Arm.Training.Arm.Drug.ScreenName), ("n_organoids", r => r.Arm.Training.Set.OrganoidCount), ("training", r => r.Arm.Training.Cohort));

    /// <summary>
    /// For display: each arm's main training set, the paper's models (from <paramref name="cv"/>) beside the learners,
    /// evaluated the same way: leave-one-out rho and RMSE (with the mean-of-the-others baseline), permutation p (and how
    /// many permutations), the top feature (by |coefficient| for the paper's models, by permutation importance for the
    /// learners) and the seconds each took (wall; for the learners also the process's CPU seconds).
    /// </summary>
    public static TsvTable Comparison(IReadOnlyList<ModelCrossValidation> cv, IReadOnlyList<ArmLearners> learners)
    {
        ArgumentNullException.ThrowIfNull(cv);
        ArgumentNullException.ThrowIfNull(learners);
        var rows = new List<(ArmLearners Arm, string Model, string Kind, LeaveOneOutResult Loo, PermutationTestResult Null, string Top, string Seconds)>();
        foreach (var a in learners)
        {
            foreach (var c in cv.Where(c => ReferenceEquals(c.Model.Training, a.Training)))
                rows.Add((a, c.Model.Model.ModelName, "paper's model", c.LeaveOneOut, c.Permutation, c.Model.Model.Ranking[0].Name, F(c.Seconds, "0.0")));
            for (int i = 0; i < a.Comparison.Evaluations.Count; i++)
            {
                var e = a.Comparison.Evaluations[i];
                rows.Add((a, e.Learner, "ML.NET", e.LeaveOneOut, e.Permutation, e.Model.Ranking[0].Name, $"{F(a.Seconds[i], "0.0")} ({F(a.CpuSeconds[i], "0.0")} CPU)"));
            }
        }
        return TsvTable.From(rows, ("drug", r => r.Arm.Training.Arm.Drug.Label), ("selection", r => r.Arm.Training.Selection), ("model", r => r.Model), ("kind", r => r.Kind),
            ("organoids", r => r.Arm.Training.Set.OrganoidCount), ("features", r => r.Arm.Training.Set.FeatureCount),
            ("LOO Spearman", r => F(r.Loo.SpearmanRho)), ("permutation p", r => F(r.Null.PValue, "0.000")), ("permutations", r => r.Null.Permutations),
            ("LOO RMSE", r => F(r.Loo.Rmse)), ("baseline RMSE", r => F(r.Loo.Baseline.Rmse)), ("top feature", r => PathwayNames.Short(r.Top, 45)),
            ("seconds", r => r.Seconds));
    }

    /// <summary>
    /// For display, what the training set's size does to each learner (computed from the run, one row per arm x learner):
    /// organoids per leave-one-out fit; the spread (population sd) of the held-out predictions against that of the
    /// observed responses (a learner that cannot learn from the fold predicts close to the fold's mean); RMSE against
    /// the mean-of-the-others baseline; the features the full-data model uses (non-zero weight: for a tree ensemble the
    /// features it ever splits on); the rank, in the learner's importance ranking, of the top biomarker of the arm's
    /// main model (the study's main setting for the arm, e.g. "ridgecv"); and a reading of these numbers.
    /// </summary>
    public static TsvTable SmallSample(IReadOnlyList<ModelCrossValidation> cv, IReadOnlyList<ArmLearners> learners)
    {
        ArgumentNullException.ThrowIfNull(cv);
        ArgumentNullException.ThrowIfNull(learners);
        var rows = learners.SelectMany(a => a.Comparison.Evaluations.Select(e => (Arm: a, Eval: e,
            Main: cv.FirstOrDefault(c => ReferenceEquals(c.Model.Training, a.Training) && c.Model.Model.ModelName == a.Training.Arm.Main.Model)))).ToList();
        return TsvTable.From(rows, ("drug", r => r.Arm.Training.Arm.Drug.Label), ("learner", r => r.Eval.Learner),
            ("organoids per fit", r => r.Arm.Training.Set.OrganoidCount - 1),
            ("sd of LOO predictions / sd observed", r => F(Sd(r.Eval.LeaveOneOut.Predicted) / Sd(r.Eval.LeaveOneOut.Observed), "0.00")),
            ("LOO RMSE / baseline RMSE", r => F(r.Eval.LeaveOneOut.Rmse / r.Eval.LeaveOneOut.Baseline.Rmse, "0.00")),
            ("LOO Spearman (p)", r => $"{F(r.Eval.LeaveOneOut.SpearmanRho)} ({F(r.Eval.Permutation.PValue, "0.00")})"),
            ("features used", r => r.Eval.Model.Model is MlNetModel m ? $"{m.FeatureWeights.Count(w => w != 0)} of {m.FeatureCount}" : "NA"),
            ("rank of the main model's top biomarker", r => r.Main is null ? "NA"
                : $"{r.Eval.Model.Ranking.FirstOrDefault(f => f.Name == r.Main.Model.Model.Ranking[0].Name)?.Rank.ToString(CultureInfo.InvariantCulture) ?? "NA"} ({PathwayNames.Short(r.Main.Model.Model.Ranking[0].Name, 30)})"),
            ("reading", r => Reading(r.Eval)));
    }

    /// <summary>
    /// The wording of <see cref="SmallSample"/>'s last column, from the numbers alone: whether the held-out predictions
    /// beat the mean of the other organoids (RMSE), whether they rank the organoids (rho and its permutation p at 0.05),
    /// and whether they hug the mean (sd of the predictions below a quarter of the observed sd).
    /// </summary>
    public static string Reading(LearnerEvaluation e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var loo = e.LeaveOneOut;
        var parts = new List<string>
        {
            loo.Rmse < loo.Baseline.Rmse ? "beats the mean of the other organoids" : "predicts worse than the mean of the other organoids",
            !(loo.SpearmanRho > 0) ? "does not rank held-out organoids (rho <= 0)"
                : e.Permutation.PValue < 0.05 ? "ranks held-out organoids (permutation p < 0.05)" : "ranking not distinguishable from shuffled responses",
        };
        if (Sd(loo.Predicted) < 0.25 * Sd(loo.Observed)) parts.Add("predictions stay near the fold mean");
        return string.Join("; ", parts);
    }

    private static double Sd(IReadOnlyList<double> v)
    {
        double mean = v.Average();
        return Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / v.Count);
    }

    private static string F(double v, string format = "0.000") => double.IsNaN(v) ? "NA" : v.ToString(format, CultureInfo.InvariantCulture);
}
