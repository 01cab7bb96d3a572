using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Models;
using OrganoidBiomarkers.Patients;
using OrganoidBiomarkers.Study;
using Xunit;

namespace OrganoidBiomarkers.Tests.Patients;

/// <summary>Stage 05's orchestration on the hand-made <see cref="PatientWorld"/>.</summary>
public class PatientValidationRunTests
{
    [Fact]
    public void The_training_set_is_the_first_one_stage_01_built_and_its_label_names_the_substitute()
    {
        var study = PatientWorld.Study();
        var arm = PatientWorld.Arm(study);
        Assert.Equal("org", arm.Training.Organoids);
        Assert.Equal("org_organoids_a1 (substitute: stand-in reason)", arm.TrainingLabel);
        Assert.Equal("org_organoids_a1", ArmInputs.TrainingLabelOf(study.Arms[0], study.Arms[0].Training[1] with { Substitute = null }));
        Assert.Equal(("authors", "ridgecv"), (arm.MainModel.Selection, arm.MainModel.Model));
        Assert.Equal(3, arm.Models.Count);
        var none = Assert.Throws<ArgumentException>(() => ArmInputs.Create(study.Arms[0], ["other"], PatientWorld.Response(), PatientWorld.Models(), PatientWorld.Mode));
        Assert.Contains("rerun stage 01", none.Message);
        Assert.Throws<ArgumentException>(() => ArmInputs.Create(study.Arms[0], ["org_organoids_a1"], PatientWorld.Response(), PatientWorld.Models(), "corrected"));
    }

    [Fact]
    public void Models_in_two_gene_set_conventions_are_refused()
    {
        var models = PatientWorld.Models();
        Assert.Equal("authors", ArmInputs.ModeOf(models));
        var mixed = models.Append(models[0] with { Gmt = "corrected" }).ToList();
        Assert.Contains("several gene-set conventions", Assert.Throws<ArgumentException>(() => ArmInputs.ModeOf(mixed)).Message);
    }

    [Fact]
    public void Follow_up_is_the_members_own_or_looked_up_and_counted()
    {
        var log = new CountLog();
        var study = PatientWorld.Study();
        var f = PatientFollowUp.ForAnalyses(study, PatientWorld.Members(), PatientWorld.Tables(), log);
        Assert.Equal(["treated/S1", "treated_s2/S2", "wide/S2"], f.Select(x => $"{x.Analysis.Cohort}/{x.Analysis.Survival}"));
        var (s1, s2) = PatientWorld.Survival();
        // Own survival: the members' days (stage 01) and the survival source's table as the reference.
        Assert.Equal(s1[PatientWorld.Patient(3)], f[0].Treated[PatientWorld.Patient(3)]);
        Assert.Equal(50, f[0].Reference.Count);
        // The control of the S2 analysis is looked up in S2 (its own source is S1): patient 25 is dropped and counted.
        Assert.Equal(19, f[1].Control!.Count);
        Assert.Equal(s2[PatientWorld.Patient(21)].Days, f[1].Control![PatientWorld.Patient(21)].Days);
        var entry = Assert.Single(log.Entries);
        Assert.Equal(("untreated: S2 survival", 20, 19), (entry.Step, entry.Before, entry.After));
        Assert.Null(f[2].Control);
        Assert.Equal(49, f[2].Reference.Count);
    }

    [Fact]
    public void Variant_agreement_counts_patients_with_the_same_days_and_event()
    {
        var (s1, s2) = PatientWorld.Survival();
        int same = Enumerable.Range(0, 20).Count(i => s1[PatientWorld.Patient(i)].Days == s2[PatientWorld.Patient(i)].Days && s1[PatientWorld.Patient(i)].Event == s2[PatientWorld.Patient(i)].Event);
        var v = Assert.Single(PatientFollowUp.VariantAgreements(PatientWorld.Study(), PatientWorld.Members()));
        Assert.Equal(("treated_s2", "treated", 20, same), (v.Variant, v.Original, v.Patients, v.Identical));
        Assert.InRange(same, 1, 19);
    }

    [Fact]
    public void Units_standardise_over_the_reference_skip_uncovered_sources_and_keep_days()
    {
        var (_, _, units, _, _) = PatientWorld.Run();
        Assert.Equal(["treated/S1/srcX", "treated/S1/srcY", "treated_s2/S2/srcX", "treated_s2/S2/srcY", "wide/S2/srcX", "wide/S2/srcY"],
            units.Select(u => $"{u.Analysis.Cohort}/{u.Analysis.Survival}/{u.ExpressionSource}"));
        var main = units[0];
        Assert.Equal(20, main.Treated.Patients.Count);
        Assert.Equal(50, main.ReferencePatients);
        Assert.Equal(20, main.Control!.Patients.Count);
        // z over the 50 reference patients: mean 0 there, so the unit's own mean is not 0 in general.
        var x = PatientWorld.Scores()[0].Nes;
        var z = ResponderSplit.Standardize(x, x.Samples);
        Assert.Equal(z.Values[0, 7], main.Treated.Standardized.Values[0, main.Treated.Standardized.SampleIndex(PatientWorld.Patient(7))]);
        // srcY scores 10..49: the S2 control (untreated minus patient 25) has 19; reference = srcY patients with S2 survival.
        Assert.Equal((10, 39), (units[3].Treated.Patients.Count, units[3].ReferencePatients));
        var (s1, _) = PatientWorld.Survival();
        Assert.Equal(main.Treated.Patients.Select(p => s1[p].Days), main.Treated.FollowUpDays);
        Assert.Equal(main.Treated.Patients.Select(p => SurvivalTime.DaysToMonths(s1[p].Days)), main.Treated.Survival.Select(s => s.Time));
        Assert.Same(main, AnalysisUnits.Main(PatientWorld.Study().Arms[0], units));
    }

    [Fact]
    public void The_grid_marks_exactly_the_pre_specified_main_setting()
    {
        var (_, arm, units, runs, _) = PatientWorld.Run();
        Assert.Equal(units.Count * 3 * 3, runs.Count);
        var main = Assert.Single(runs, r => r.IsMain);
        Assert.Equal(("treated", "S1", "srcX", "authors", "ridgecv", 1),
            (main.Row.Split.Cohort, main.Row.Split.SurvivalSource, main.Row.Split.ExpressionSource, main.Row.Selection, main.Row.Split.Model, main.Row.Split.K));
        Assert.Same(main, Assert.Single(ValidationGrid.MainRuns([arm], runs)));
        // Each row is the summary of its outcome on its unit.
        foreach (var r in runs)
        {
            Assert.Equal(SplitSummary.Of(r.Unit.Treated, PatientWorld.Mode, r.Model.Model, r.Outcome, arm.TrainingLabel), r.Row.Split);
            Assert.Equal(r.Outcome.Split.Responder.Count(x => x), r.Row.Split.Responders);
        }
    }

    [Fact]
    public void The_display_order_puts_main_choices_first_then_ordinal()
    {
        var (_, _, _, runs, _) = PatientWorld.Run();
        var ordered = runs.Where(r => r.Outcome.K == 1).Order(Comparer<ValidationRun>.Create(ValidationGrid.CompareForDisplay))
            .Select(r => $"{r.Unit.Analysis.Cohort}|{r.Unit.ExpressionSource}|{r.Unit.Analysis.Survival}|{r.Model.Selection}|{r.Model.Model}").ToList();
        Assert.Equal([
            "treated|srcX|S1|authors|ridgecv", "treated|srcX|S1|authors|svr", "treated|srcX|S1|string|ridgecv",
            "treated|srcY|S1|authors|ridgecv", "treated|srcY|S1|authors|svr", "treated|srcY|S1|string|ridgecv",
            "treated_s2|srcX|S2|authors|ridgecv", "treated_s2|srcX|S2|authors|svr", "treated_s2|srcX|S2|string|ridgecv",
            "treated_s2|srcY|S2|authors|ridgecv", "treated_s2|srcY|S2|authors|svr", "treated_s2|srcY|S2|string|ridgecv",
            "wide|srcX|S2|authors|ridgecv", "wide|srcX|S2|authors|svr", "wide|srcX|S2|string|ridgecv",
            "wide|srcY|S2|authors|ridgecv", "wide|srcY|S2|authors|svr", "wide|srcY|S2|string|ridgecv"], ordered);
        var grid = ValidationGrid.KGrid(runs, "a1", s => s == "srcX");
        Assert.Equal(["drug", "cohort", "expression", "survival", "selection", "model", "n", "events", "k=1", "k=2", "k=3"], grid.Columns);
        Assert.Equal(9, grid.Rows.Count);
        Assert.Equal(ValidationGrid.PCell(runs.Single(r => r.IsMain).Outcome), grid.Rows[0][8]);
        // For display: the arm's main source first, then its other sources, each grid introduced by a title.
        var (_, arm, _, _, _) = PatientWorld.Run();
        var grids = ValidationGrid.KGrids([arm], runs);
        Assert.Equal([$"Drug A ({arm.TrainingLabel}), main expression source(s):", "Drug A, other sources:"], grids.Select(g => g.Title));
        Assert.Equal(grid.ToTsv(), grids[0].Grid.ToTsv());
        Assert.Equal(ValidationGrid.KGrid(runs, "a1", s => s == "srcY").ToTsv(), grids[1].Grid.ToTsv());
    }

    [Fact]
    public void Baselines_split_the_same_units_with_the_control_and_every_retrained_model()
    {
        var (_, arm, units, _, baselines) = PatientWorld.Run();
        // Per unit and k: network, negative control (when the unit has one), all pathways, first neighbours, correlation.
        int withControl = units.Count(u => u.Control is not null);
        Assert.Equal(3 * (4 * units.Count + withControl), baselines.Count);
        Assert.Equal([BaselineNames.Network, BaselineNames.NegativeControl, .. BaselineNames.Retrained], baselines.Take(5).Select(b => b.Baseline));
        var control = baselines.First(b => b.Baseline == BaselineNames.NegativeControl);
        Assert.Equal(("untreated", 20), (control.Row.Split.Cohort, control.Row.Split.Patients));
        var network = baselines.First(b => b.Baseline == BaselineNames.Network);
        Assert.Equal(SurvivalValidation.Evaluate(arm.MainModel.Biomarkers, 1, units[0].Treated).Split.Scores, network.Outcome.Split.Scores);
    }

    [Fact]
    public void Random_sets_group_sources_by_pool_and_rank_the_network_split()
    {
        var (_, arm, units, _, baselines) = PatientWorld.Run();
        var groups = RandomSetRun.Run([arm], units, PatientWorld.Scores(), PatientWorld.OrganoidScores(), PatientWorld.Mode, 30, 7, 3);
        // Both sources score all six pathways: one pool, one null shared by every unit.
        var g = Assert.Single(groups);
        Assert.Equal(("srcX+srcY", 6, 4, 30), (g.Sources, g.Null.PoolSize, g.Null.SetSize, g.Null.Draws));
        Assert.Equal(units, g.Units);
        var compared = RandomSetRun.Compare(groups, baselines);
        Assert.Equal(units.Count * 3, compared.Count);
        var c = compared[0];
        Assert.Equal(RandomPathwaySets.EmpiricalP(c.Observed, c.NullChiSquares), c.P);
        Assert.Equal((BaselineNames.RandomSets, 4, c.Defined), (c.Row.Baseline, c.Row.Features, c.Row.RandomDraws!.Value));
        Assert.Same(c.Network.Row.Split, c.Row.Split);
    }

    [Fact]
    public void Sources_with_different_pools_get_their_own_null_in_drug_then_pool_order()
    {
        var (_, arm, units, _, baselines) = PatientWorld.Run();
        // srcY loses P6: its pool (P1..P5) sorts before srcX's (P1..P6), so its null comes first, and baselines.tsv's
        // random_sets rows follow the groups' order.
        var scores = PatientWorld.Scores().Select(s => s.Source == "srcY" ? s with { Nes = s.Nes.SelectPathways(PatientWorld.Pathways[..5]) } : s).ToList();
        var groups = RandomSetRun.Run([arm], units, scores, PatientWorld.OrganoidScores(), PatientWorld.Mode, 5, 7, 3);
        Assert.Equal([("srcY", 5), ("srcX", 6)], groups.Select(g => (g.Sources, g.Null.PoolSize)));
        Assert.All(groups[0].Units, u => Assert.Equal("srcY", u.ExpressionSource));
        var rows = RandomSetRun.Compare(groups, baselines);
        Assert.Equal(["srcY", "srcX"], rows.Select(r => r.Row.Split.ExpressionSource).Distinct());
        Assert.Equal([1, 2, 3], rows.Take(3).Select(r => r.K));
    }

    [Fact]
    public void Stage_04s_model_is_reproduced_by_retraining_or_the_run_stops()
    {
        var study = PatientWorld.Study();
        var organoids = PatientWorld.OrganoidScores();
        var arm = PatientWorld.Arm(study);
        var trained = arm.Train(organoids, arm.MainModel.Biomarkers.Select(b => b.Name), "ridgecv");
        var faithful = arm with { MainModel = arm.MainModel with { Biomarkers = trained.Ranking } };
        var check = Assert.Single(StageContract.Retrain([faithful], organoids));
        Assert.Equal(0, check.MaxCoefficientDifference);
        var e = Assert.Throws<InvalidOperationException>(() => StageContract.Retrain([arm], organoids));
        Assert.Contains("rerun stage 04", e.Message);
    }

    [Fact]
    public void Layout_presets_are_found_by_name()
    {
        var xena = StudyInputs.ExpressionLayout("XenaCsv");
        Assert.Equal((',', Orientation.SamplesInRows, DuplicatePolicy.Drop), (xena.Separator, xena.Orientation, xena.DuplicateSamples));
        Assert.Equal("entrez", StudyInputs.ExpressionLayout("FirehoseCounts").IdColumn);
        var e = Assert.Throws<ArgumentException>(() => StudyInputs.ExpressionLayout("Xena"));
        Assert.Contains("RnaseqDb", e.Message);
        // Every preset the Data layer declares is reachable by its name (a new preset must be added to the switch).
        var presets = typeof(ExpressionTableLayout).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(ExpressionTableLayout)).ToList();
        Assert.NotEmpty(presets);
        // (each preset is a fresh instance with delegates; their id columns tell them apart)
        Assert.Equal(presets.Count, presets.Select(p => ((ExpressionTableLayout)p.GetValue(null)!).IdColumn).Distinct().Count());
        foreach (var p in presets) Assert.Equal(((ExpressionTableLayout)p.GetValue(null)!).IdColumn, StudyInputs.ExpressionLayout(p.Name).IdColumn);
    }
}
