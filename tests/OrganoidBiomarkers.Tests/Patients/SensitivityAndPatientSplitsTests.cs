using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Models;
using OrganoidBiomarkers.Patients;
using OrganoidBiomarkers.Study;
using Xunit;

namespace OrganoidBiomarkers.Tests.Patients;

/// <summary>The sensitivity splits beside each main result, patients.tsv, and the robustness run, on <see cref="PatientWorld"/>.</summary>
public class SensitivityAndPatientSplitsTests
{
    private static (ArmInputs Arm, IReadOnlyList<AnalysisUnit> Units, IReadOnlyList<ValidationRun> Runs, IReadOnlyList<BaselineRun> Baselines, ArmSensitivity Sensitivity) World()
    {
        var (study, arm, units, runs, baselines) = PatientWorld.Run();
        var sensitivity = SensitivitySplits.Of(study, study.Arms[0], runs.Select(r => r.Row).ToList(), baselines.Select(b => b.Row).ToList());
        return (arm, units, runs, baselines, sensitivity);
    }

    [Fact]
    public void One_choice_at_a_time_then_the_cohort_variant_the_control_and_the_baselines()
    {
        var (_, _, runs, _, s) = World();
        Assert.Equal([
            ("main", "main", "main: authors, ridgecv, k=1, treated, srcX, S1"),
            ("selection", "selection: string", "selection: string (net stand-in)"),
            ("model", "model: svr", "model: svr"),
            // treated_s2 restates treated (variant_of) with S2: only the survival source changes.
            ("survival", "survival: S2", "survival: S2"),
            ("expression", "expression: srcY", "expression: srcY"),
            ("k", "k = 2", "k = 2"), ("k", "k = 3", "k = 3"),
            // wide exists only with S2: cohort and survival change together, shown apart.
            ("cohort", "cohort: wide, survival: S2", "cohort: wide (+ S2 survival: 2 choices)"),
            ("baseline", "negative control: untreated", "negative control: untreated (untreated)"),
            ("baseline", "baseline: all_pathways", "baseline: all pathways (same patients)"),
            ("baseline", "baseline: first_neighbours", "baseline: first neighbours (same patients)"),
            ("baseline", "baseline: correlation", "baseline: correlation (same patients)")],
            s.Entries.Select(e => (e.Group, e.Setting, e.Label)));
        Assert.Equal(s.MainSetting, s.Entries[0].Label);
        Assert.Equal([SensitivityKind.Main, .. Enumerable.Repeat(SensitivityKind.Alternative, 7), .. Enumerable.Repeat(SensitivityKind.Baseline, 4)], s.Entries.Select(e => e.Kind));
        Assert.Equal(["authors", "string", "authors", "authors", "authors", "authors", "authors", "authors", "authors", "all_pathways", "first_neighbours", "correlation"],
            s.Entries.Select(e => e.Selection));
        var survival = s.Entries[3];
        Assert.Equal(("treated_s2", 20), (survival.Split.Cohort, survival.Run.Patients));
        Assert.Equal(survival.Split.HazardRatio, survival.Run.HazardRatio);
        // Over k: the main setting's three runs.
        var overK = runs.Where(r => r.Unit == runs.Single(x => x.IsMain).Unit && r.Model == runs.Single(x => x.IsMain).Model).ToList();
        Assert.Equal((3, 3), (s.MaxK, s.KRange.Runs));
        Assert.Equal(overK.Max(r => r.Row.Split.HazardRatio), s.KRange.MaxHazardRatio);
    }

    [Fact]
    public void An_alternative_training_set_gives_labelled_rows_that_are_never_main_and_a_training_sensitivity_row()
    {
        var (study, arm, units, _, baselines) = PatientWorld.Run();
        // The arm's main training set is "org" (stage 01 built no "bladder" cohort); give it an alternative with its own model.
        var alternativeTraining = new TrainingDefinition("bladder", "the paper's organoids");
        var model = new StageModel("DRUGA", "authors", PatientWorld.Mode, "ridgecv",
            BiomarkerRanking.ByAbsoluteCoefficient(["P3", "P1"], [0.8, -0.2]), "bladder_organoids_a1");
        var alternative = new ArmInputs(arm.Arm, alternativeTraining, PatientWorld.Response(), [model], model, PatientWorld.OrganoidScores(), null, arm.Arm.OrganoidCohort(arm.Training));
        var both = arm with { Alternatives = [alternative] };
        var runs = ValidationGrid.Evaluate([both], units, 3);
        Assert.Single(runs, r => r.IsMain);
        Assert.Same(both, runs.Single(r => r.IsMain).Arm);
        var labelled = runs.Where(r => r.Row.Split.TrainingOrganoids == "bladder_organoids_a1 (alternative to org_organoids_a1)").ToList();
        Assert.Equal(units.Count * 3, labelled.Count);
        Assert.All(labelled, r => Assert.False(r.IsMain));
        // The k grid lists the main training set first and says which set each row used.
        var grid = ValidationGrid.KGrid(runs, "a1", _ => true);
        Assert.Contains("training", grid.Columns);
        Assert.StartsWith("org_organoids_a1", grid.Rows[0][grid.Columns.ToList().IndexOf("training")]);

        var sensitivity = SensitivitySplits.Of(study, study.Arms[0], runs.Select(r => r.Row).ToList(), baselines.Select(b => b.Row).ToList());
        var training = Assert.Single(sensitivity.Entries, e => e.Group == "training");
        Assert.Equal(("training: bladder_organoids_a1", SensitivityKind.Alternative), (training.Setting, training.Kind));
        Assert.Same(labelled.Single(r => ReferenceEquals(r.Unit, runs.Single(x => x.IsMain).Unit) && r.Outcome.K == 1).Row, training.Validation);
        // Its patients are in patients.tsv like every sensitivity split, and recompute to its row.
        var rows = PatientSplits.Rows([sensitivity], runs, baselines);
        Assert.Contains(rows, r => r.Setting == "training: bladder_organoids_a1");
        Assert.All(PatientSplits.Check(rows, [sensitivity]), c => Assert.True(c.CountsMatch, c.Setting));
        // The k range stays the main training set's.
        Assert.Equal(3, sensitivity.KRange.Runs);
    }

    [Fact]
    public void Patient_rows_reproduce_the_split_they_came_from()
    {
        // The main split of a small fixture unit: group sizes and events per group of the ValidationOutcome.
        var (arm, _, runs, _, _) = World();
        var main = runs.Single(r => r.IsMain);
        var rows = PatientSplits.Of("a1", "main", "authors", main.Row.Split, main.Unit.Treated, main.Outcome).ToList();
        var c = main.Outcome.Comparison!;
        Assert.Equal(main.Unit.Treated.Patients, rows.Select(r => r.Patient));
        Assert.Equal(c.Responders, rows.Count(r => r.Group == "responder"));
        Assert.Equal(c.NonResponders, rows.Count(r => r.Group == "nonresponder"));
        Assert.Equal(c.EventsResponders, rows.Count(r => r.Responder && r.Event));
        Assert.Equal(c.EventsNonResponders, rows.Count(r => !r.Responder && r.Event));
        // The group is the split rule applied to the listed scores; months are days / (365/12).
        var labels = new bool[rows.Count];
        ResponderSplit.Label(rows.Select(r => r.Score).ToArray(), labels, out _);
        Assert.Equal(labels, rows.Select(r => r.Responder));
        Assert.All(rows, r => Assert.Equal(SurvivalTime.DaysToMonths(r.Days), r.Months));
        // And the survival statistics recomputed from the rows alone are the table's, exactly.
        var again = GroupComparison.Compare(rows.Where(r => r.Responder).Select(r => new SurvivalTime(r.Months, r.Event)).ToList(),
            rows.Where(r => !r.Responder).Select(r => new SurvivalTime(r.Months, r.Event)).ToList());
        Assert.Equal((c.LogRankP, c.SurvivalAtHorizonResponders, c.HazardRatio), (again.LogRankP, again.SurvivalAtHorizonResponders, again.HazardRatio));
        Assert.Equal("org_organoids_a1 (substitute: stand-in reason)", arm.TrainingLabel);
    }

    [Fact]
    public void Patients_tsv_lists_every_sensitivity_split_in_order_and_each_recomputes_exactly()
    {
        var (_, _, runs, baselines, s) = World();
        var rows = PatientSplits.Rows([s], runs, baselines);
        Assert.Equal(s.Entries.Sum(e => e.Split.Patients), rows.Count);
        Assert.Equal(s.Entries.Select(e => e.Setting), rows.Select(r => r.Setting).Distinct());
        foreach (var g in rows.GroupBy(r => r.Setting))
            Assert.Equal(g.Select(r => r.Patient).Order(StringComparer.Ordinal), g.Select(r => r.Patient));
        var control = rows.Where(r => r.Setting == "negative control: untreated").ToList();
        Assert.Equal(("untreated", "authors", 20), (control[0].Cohort, control[0].Selection, control.Count));
        var checks = PatientSplits.Check(rows, [s]);
        Assert.All(checks, c => Assert.True(c.CountsMatch, c.Setting));
        Assert.All(checks, c => Assert.Equal(0.0, c.MaxDifference));

        var table = PatientSplitRow.Table(rows);
        Assert.Equal(["arm", "drug", "setting", "cohort", "expression_source", "survival_source", "selection", "model", "k", "patient", "score", "group",
            "days", "months", "event"], table.Columns);
        var first = table.Rows[0];
        Assert.Equal(["a1", "DRUGA", "main", "treated", "srcX", "S1", "authors", "ridgecv", "1", PatientWorld.Patient(0)], first.Take(10));
        Assert.Equal(TsvTable.Cell(rows[0].Score), first[10]);
        Assert.Contains(first[14], new[] { "0", "1" });
    }

    [Fact]
    public void A_changed_count_is_caught_by_the_check()
    {
        var (_, _, runs, baselines, s) = World();
        var rows = PatientSplits.Rows([s], runs, baselines).ToList();
        int i = rows.FindIndex(r => r.Setting == "main");
        rows[i] = rows[i] with { Event = !rows[i].Event };
        var main = PatientSplits.Check(rows, [s]).Single(c => c.Setting == "main");
        Assert.False(main.CountsMatch);
        Assert.True(main.MaxDifference > 0);
    }

    [Fact]
    public void Result_tables_read_back_bit_for_bit()
    {
        var (_, _, runs, baselines, _) = World();
        var validation = runs.Select(r => r.Row).ToList();
        // Infinite and undefined values and the nullable random-set cells must survive the round trip too.
        var odd = validation[0] with { Split = validation[0].Split with { HazardRatio = double.PositiveInfinity, HazardRatioLower = double.NaN, LogRankP = 1e-300 } };
        validation.Add(odd);
        var back = ValidationRow.Parse(ValidationRow.Table(validation), "v.tsv");
        Assert.Equal(validation, back);
        var baseRows = baselines.Select(b => b.Row).Append(new BaselineRow(BaselineNames.RandomSets, odd.Split, 4, 999, double.NaN, 0.123456789012345678)).ToList();
        Assert.Equal(baseRows, BaselineRow.Parse(BaselineRow.Table(baseRows), "b.tsv"));
        Assert.Equal(["baseline", "drug"], BaselineRow.Columns.Take(2));
        Assert.Equal(["selection", "main"], ValidationRow.Columns.TakeLast(2));
    }

    [Fact]
    public void A_malformed_result_table_is_refused_naming_file_line_and_column()
    {
        var (_, _, runs, _, _) = World();
        var table = ValidationRow.Table(runs.Take(2).Select(r => r.Row));
        var renamed = table with { Columns = table.Columns.Select(c => c == "hr" ? "HR" : c).ToArray() };
        Assert.Contains("rerun stage 05", Assert.Throws<InputException>(() => ValidationRow.Parse(renamed, "v.tsv")).Message);
        var bad = table with { Rows = [table.Rows[0], table.Rows[1].Select((c, i) => i == 14 ? "big" : c).ToArray()] };
        var e = Assert.Throws<InputException>(() => ValidationRow.Parse(bad, "v.tsv"));
        Assert.Equal(("v.tsv", 3), (e.File, e.Line));
        Assert.Contains("hr 'big'", e.Message);
    }

    [Fact]
    public void The_robustness_run_rebuilds_the_main_split_and_writes_its_rows()
    {
        var (arm, _, runs, _, s) = World();
        var main = runs.Single(r => r.IsMain);
        var split = MainSplit.Rebuild(arm, main.Row, main.Unit.Treated);
        Assert.Equal(main.Outcome.Split.Scores, split.Outcome.Split.Scores);
        var stale = main.Row with { Split = main.Row.Split with { Events = main.Row.Split.Events + 1 } };
        Assert.Contains("rerun stage 05", Assert.Throws<InvalidOperationException>(() => MainSplit.Rebuild(arm, stale, main.Unit.Treated)).Message);

        var permutation = RobustnessRun.Permutation(split, PatientWorld.OrganoidScores(), 25, 3);
        Assert.Equal(main.Row.Split.LogRankChiSquare, permutation.Result.ObservedChiSquare);
        Assert.InRange(permutation.SameBiomarkers, 0, 1);
        var bootstrap = RobustnessRun.Bootstrap(split, 40, 3);
        Assert.Equal([BootstrapSplit.FixedLabels, BootstrapSplit.ResplitAtResampleMedian], bootstrap.Select(b => b.Labels));
        var robustness = new ArmRobustness(split, permutation, bootstrap, s);
        var rows = RobustnessRun.Rows(robustness, 3);
        Assert.Equal(2 + 4 + s.Entries.Count + 1, rows.Count);
        Assert.Equal(["permutation", "permutation", "bootstrap_fixed_split", "bootstrap_fixed_split", "bootstrap_resplit", "bootstrap_resplit"],
            rows.Take(6).Select(r => r.Analysis));
        Assert.All(rows, r => Assert.Equal("DRUGA", r.Arm));
        Assert.Equal(s.Entries.Select(e => e.Label), rows.Where(r => r.Analysis == "sensitivity").Select(r => r.Setting));
        Assert.Equal("k = 1..3 of the main setting; p < 0.05 in " + s.KRange.Nominal + " of " + s.KRange.Defined + " (" + s.KRange.NominalPaperDirection + " in the paper's direction)",
            rows[^1].Setting);
        var table = RobustnessRow.Table(rows);
        Assert.Equal(RobustnessRow.Columns, table.Columns);
        Assert.Equal(("NA", "", "3"), (table.Rows[0][6], table.Rows[^1][12], table.Rows[0][17]));
    }
}
