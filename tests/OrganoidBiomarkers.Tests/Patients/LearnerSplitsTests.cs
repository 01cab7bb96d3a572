using OrganoidBiomarkers.Models;
using OrganoidBiomarkers.Patients;
using Xunit;

namespace OrganoidBiomarkers.Tests.Patients;

/// <summary>
/// The learner comparison's patient splits on <see cref="PatientWorld"/>: the same units and k as the paper's models,
/// never the main result, and left out of the robustness analysis (robustness.tsv and patients.tsv keep their rows).
/// </summary>
public class LearnerSplitsTests
{
    private static IReadOnlyList<StageModel> LearnerModels() =>
    [
        new("DRUGA", "authors", PatientWorld.Mode, "fasttree", [new(1, "P3", 0.8), new(2, "P1", -0.2), new(3, "P5", 0)]),
        new("DRUGA", "authors", PatientWorld.Mode, "sdca", [new(1, "P1", -0.6), new(2, "P2", 0.4)]),
        new("OTHER", "authors", PatientWorld.Mode, "lightgbm", [new(1, "P1", 1)]), // another drug: not this arm's
    ];

    [Fact]
    public void Every_unit_gets_each_learner_at_every_k_and_none_is_the_main_result()
    {
        var (_, arm, units, runs, _) = PatientWorld.Run();
        var learnerRuns = LearnerSplits.Evaluate([arm], units, LearnerModels(), 3);
        Assert.Equal(units.Count * 2 * 3, learnerRuns.Count);
        Assert.All(learnerRuns, r => Assert.False(r.Row.Main));
        Assert.Equal(["fasttree", "sdca"], learnerRuns.Select(r => r.Row.Split.Model).Distinct());
        // A learner's k = 1 split is the split of a linear model with the same top pathway and sign.
        var unit = runs.Single(r => r.IsMain).Unit;
        var fasttree = learnerRuns.Single(r => r.Unit == unit && r.Row.Split.Model == "fasttree" && r.Outcome.K == 1);
        var sameTop = SurvivalValidation.Evaluate([new RankedBiomarker(1, "P3", 5.0)], 1, unit.Treated);
        Assert.Equal(sameTop.Split.Responders, fasttree.Outcome.Split.Responders);
        Assert.Equal(sameTop.Comparison!.LogRankP, fasttree.Row.Split.LogRankP);
    }

    [Fact]
    public void A_model_that_is_not_a_comparison_learner_is_refused()
    {
        var (_, arm, units, _, _) = PatientWorld.Run();
        var e = Assert.Throws<ArgumentException>(() => LearnerSplits.Evaluate([arm], units, [new StageModel("DRUGA", "authors", PatientWorld.Mode, "ridgecv", [new(1, "P1", 1)])]));
        Assert.Contains("not a learner of the comparison", e.Message);
    }

    [Fact]
    public void The_sensitivity_analysis_ignores_learner_rows()
    {
        var (study, arm, units, runs, baselines) = PatientWorld.Run();
        var learnerRuns = LearnerSplits.Evaluate([arm], units, LearnerModels(), 3);
        var without = SensitivitySplits.Of(study, study.Arms[0], runs.Select(r => r.Row).ToList(), baselines.Select(b => b.Row).ToList());
        var with = SensitivitySplits.Of(study, study.Arms[0], runs.Concat(learnerRuns).Select(r => r.Row).ToList(), baselines.Select(b => b.Row).ToList());
        // Without the filter, "model: fasttree" and "model: sdca" would be one-choice alternatives of the main setting.
        Assert.Contains(learnerRuns, r => r.Unit == runs.Single(x => x.IsMain).Unit && r.Outcome.K == 1);
        Assert.Equal(without.Entries.Select(e => e.Label), with.Entries.Select(e => e.Label));
        Assert.Equal(without.KRange, with.KRange);
    }

    [Fact]
    public void The_main_unit_grid_lists_the_paper_models_first_then_the_learners()
    {
        var (_, arm, units, runs, _) = PatientWorld.Run();
        var grid = LearnerSplits.MainUnitGrid([arm], units, runs, LearnerSplits.Evaluate([arm], units, LearnerModels(), 3));
        Assert.Equal(["ridgecv", "svr", "fasttree", "sdca"], grid.ColumnValues("model"));
        Assert.Equal(["k=1", "k=2", "k=3"], grid.Columns.TakeLast(3));
    }
}
