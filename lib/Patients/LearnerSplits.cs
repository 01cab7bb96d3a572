using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Models;

namespace OrganoidBiomarkers.Patients;

/// <summary>
/// The patient splits of stage 04's learner comparison (output/stages/04/learner_models.tsv: each ML.NET learner's
/// features ranked by signed permutation importance, on each arm's main selection): the same analysis units and
/// k = 1..<see cref="ValidationGrid.MaxK"/> as the paper's models (<see cref="ValidationGrid.Evaluate"/>), never the main
/// setting. Their rows follow the paper models' rows in validation.tsv; the robustness analysis leaves them out
/// (<see cref="Learners.IsComparisonOnly"/>), so robustness.tsv and patients.tsv keep to the paper's models.
/// </summary>
public static class LearnerSplits
{
    /// <summary>
    /// Every unit (in order) x each of its arm's learner models (file order) in the unit's gene-set convention x
    /// k = 1..<paramref name="maxK"/> (≥ 1); main = false on every row.
    /// </summary>
    /// <param name="arms">The arms' inputs.</param>
    /// <param name="units">The analysis units (<see cref="AnalysisUnits.Build"/>).</param>
    /// <param name="learnerModels">stages/04/learner_models.tsv (<c>PatientStageFiles.LearnerModels</c>); a learner name that is not a comparison learner is refused.</param>
    /// <param name="maxK">Largest k.</param>
    public static IReadOnlyList<ValidationRun> Evaluate(IReadOnlyList<ArmInputs> arms, IReadOnlyList<AnalysisUnit> units, IReadOnlyList<StageModel> learnerModels,
        int maxK = ValidationGrid.MaxK)
    {
        ArgumentNullException.ThrowIfNull(arms);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(learnerModels);
        if (maxK < 1) throw new ArgumentException($"maxK must be at least 1, got {maxK}", nameof(maxK));
        if (learnerModels.FirstOrDefault(m => !Learners.IsComparisonOnly(m.Model)) is { } other)
            throw new ArgumentException($"learner_models.tsv lists model '{other.Model}', which is not a learner of the comparison ({string.Join(", ", Learners.MlNetNames)}): rerun stage 04", nameof(learnerModels));
        var runs = new List<ValidationRun>();
        foreach (var unit in units)
        {
            var arm = arms.Single(a => a.Arm.Id == unit.Arm.Id);
            // Only the arm's own training set (a connected run's cisplatin trains on the bladder organoids).
            foreach (var m in learnerModels.Where(m => m.Drug == arm.Drug && m.Gmt == unit.Mode && (m.Training is null || m.Training == arm.Arm.OrganoidCohort(arm.Training))))
                for (int k = 1; k <= maxK; k++)
                {
                    var outcome = SurvivalValidation.Evaluate(m.Biomarkers, k, unit.Treated);
                    var row = new ValidationRow(SplitSummary.Of(unit.Treated, unit.Mode, m.Model, outcome, arm.TrainingLabel), m.Selection, false);
                    runs.Add(new ValidationRun(arm, unit, m, outcome, row));
                }
        }
        return runs;
    }

    /// <summary>
    /// For display: the k grid (<see cref="ValidationGrid.KGrid"/>: log-rank p per k, ↓ for the opposite direction) of each
    /// arm's main unit and main selection, arms in order, the paper's models (main model first) beside the learners.
    /// </summary>
    public static TsvTable MainUnitGrid(IReadOnlyList<ArmInputs> arms, IReadOnlyList<AnalysisUnit> units, IReadOnlyList<ValidationRun> runs, IReadOnlyList<ValidationRun> learnerRuns)
    {
        ArgumentNullException.ThrowIfNull(arms);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(learnerRuns);
        var grids = arms.Select(a =>
        {
            var main = AnalysisUnits.Main(a.Arm, units);
            var shown = runs.Concat(learnerRuns).Where(r => ReferenceEquals(r.Unit, main) && r.Model.Selection == a.Arm.Main.Selection).ToList();
            return ValidationGrid.KGrid(shown, a.Arm.Id, _ => true);
        }).ToList();
        var widest = grids.MaxBy(g => g.Columns.Count)!;
        return new TsvTable(widest.Columns, grids.SelectMany(g => g.Rows.Select(r => (IReadOnlyList<string>)r.Concat(Enumerable.Repeat("", widest.Columns.Count - r.Count)).ToArray())).ToList());
    }
}
