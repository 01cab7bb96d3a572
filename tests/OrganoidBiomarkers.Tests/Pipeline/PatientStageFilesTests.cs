using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Patients;
using OrganoidBiomarkers.Pipeline;
using OrganoidBiomarkers.Reporting;
using OrganoidBiomarkers.Tests.Patients;
using Xunit;

namespace OrganoidBiomarkers.Tests.Pipeline;

/// <summary>Stage 05's hand-over to stage 06, and the forest rows of stage 06, on the hand-made patient world.</summary>
public class PatientStageFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("stage05").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private RunContext Run() => new(_dir, Path.Combine(_dir, "output"), null, new Dictionary<string, string>(), Path.Combine(_dir, "data"));

    [Fact]
    public void The_main_unit_written_by_stage_05_is_read_back_bit_for_bit_and_rebuilds_the_main_split()
    {
        var (_, arm, _, runs, baselines) = PatientWorld.Run();
        var main = runs.Single(r => r.IsMain);
        var run = Run();
        PatientStageFiles.WriteHandOver(run, ValidationRow.Table(runs.Select(r => r.Row)), BaselineRow.Table(baselines.Select(b => b.Row)), [main]);

        var unit = PatientStageFiles.ReadMainUnits(run, [arm])["a1"];
        var original = main.Unit.Treated;
        Assert.Equal((original.Drug, original.Cohort, original.ExpressionSource, original.SurvivalSource), (unit.Drug, unit.Cohort, unit.ExpressionSource, unit.SurvivalSource));
        Assert.Equal(original.Patients, unit.Patients);
        Assert.Equal(original.Survival, unit.Survival);
        Assert.Equal(original.FollowUpDays, unit.FollowUpDays);
        Assert.Equal(original.Standardized.Pathways, unit.Standardized.Pathways);
        Assert.Equal(original.Standardized.Values.Cast<double>(), unit.Standardized.Values.Cast<double>());

        var validation = ValidationRow.Parse(TsvFiles.Read(run.StagePath(5, "validation.tsv")), "validation.tsv");
        Assert.Equal(runs.Select(r => r.Row), validation);
        var rebuilt = MainSplit.Rebuild(arm, validation.Single(v => v.Main), unit);
        Assert.Equal(main.Outcome.Split.Responder, rebuilt.Outcome.Split.Responder);
    }

    [Fact]
    public void A_missing_hand_over_names_the_stage_to_run()
    {
        var (_, arm, _, _, _) = PatientWorld.Run();
        var e = Assert.Throws<InputException>(() => PatientStageFiles.ReadMainUnits(Run(), [arm]));
        Assert.Contains("run stage 05 first", e.Message);
    }

    [Fact]
    public void Forest_rows_follow_the_group_order_with_permutation_bootstrap_and_range_rows()
    {
        var (study, arm, _, runs, baselines) = PatientWorld.Run();
        var main = runs.Single(r => r.IsMain);
        var split = MainSplit.Rebuild(arm, main.Row, main.Unit.Treated);
        var sensitivity = SensitivitySplits.Of(study, study.Arms[0], runs.Select(r => r.Row).ToList(), baselines.Select(b => b.Row).ToList());
        var robustness = new ArmRobustness(split, RobustnessRun.Permutation(split, PatientWorld.OrganoidScores(), 10, 1), RobustnessRun.Bootstrap(split, 20, 1), sensitivity);
        var rows = RobustnessForest.Rows(robustness);
        Assert.Equal(["main", "main", "main", "main", "selection", "model", "cohort", "survival", "expression", "k", "k", "k",
            "baseline", "baseline", "baseline", "baseline"], rows.Select(r => r.Group));
        Assert.Equal([ForestInterval.Main, ForestInterval.Main, ForestInterval.Bootstrap, ForestInterval.Bootstrap], rows.Take(4).Select(r => r.Interval));
        Assert.Equal("k = 1..3: range of the " + sensitivity.KRange.Defined + " HRs", rows[11].Label);
        Assert.Equal(ForestInterval.Range, rows[11].Interval);
        Assert.Contains("Drug A", RobustnessForest.Title(robustness));
        Assert.Contains("substitute: stand-in reason", RobustnessForest.Title(robustness));
    }
}
