using System.Globalization;
using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Models;
using OrganoidBiomarkers.Patients;
using OrganoidBiomarkers.Patients.Atlas;
using OrganoidBiomarkers.Pipeline;
using OrganoidBiomarkers.Reporting;
using OrganoidBiomarkers.Study;
using Xunit;

namespace OrganoidBiomarkers.Tests.Patients;

/// <summary>
/// The fixture world (Fixtures/world: every input in its real format, invented values) read as stage 07 reads a run:
/// its config and mirror, and stage 04's organoid scores computed here by stage 04's code and written where stage 04
/// writes them. The atlas' plan and arms are then built by the library exactly as notebook 07 builds them.
/// </summary>
public sealed class AtlasWorld : IDisposable
{
    public static readonly AtlasSettings Settings = new(RandomDraws: 30, Permutations: 30, Randomisations: 50, Seed: 20201030);

    public RunContext Run { get; }
    public DataStore Data { get; }
    public AtlasStageInputs Atlas { get; }
    public IReadOnlyDictionary<string, string> Expected { get; }

    public AtlasWorld()
    {
        string world = TestPaths.Fixture("world");
        var output = Directory.CreateTempSubdirectory("atlas-world-").FullName;
        Run = new RunContext(DataMirror.RepoRoot()!, output, Path.Combine(world, "mirror"), new Dictionary<string, string> { ["offline"] = "true" }, Path.Combine(world, "config"));
        Data = DataAccess.Open(Run, CountLog.Silent);
        var study = Run.Study;
        // Stage 04's hand-over: the organoid NES (stage 04's scoring) and a models.tsv naming the gene-set convention.
        var reactome = GmtReader.Read(Data.PathOf("reactome_gmt"), GmtLayout.NoDescription, CountLog.Silent);
        var scoring = OrganoidScoring.Score(StudyInputs.OrganoidExpression(study.TrainingCollection(), Data.PathOf, CountLog.Silent), reactome,
            GmtReader.Read(Data.PathOf("reactome_gmt"), GmtLayout.Standard, CountLog.Silent), GeneSetConvention.Authors, CountLog.Silent);
        scoring.NesTable().Write(Run.StagePath(4, "organoid_nes.tsv"));
        new TsvTable(["drug", "selection", "gmt", "model", "pathway", "coef", "rank"], [["FLUOROURACIL", "authors", scoring.GmtName, "ridgecv", "X", "1", "1"]])
            .Write(Run.StagePath(4, "models.tsv"));
        Atlas = AtlasStage.Open(Run, Data, CountLog.Silent);
        Expected = TsvFiles.Read(Path.Combine(world, "expected.tsv")).Rows.ToDictionary(r => r[0], r => r[1], StringComparer.Ordinal);
    }

    public IReadOnlyList<AtlasArmResult> RunAll(IReadOnlyList<AtlasArm>? arms = null)
    {
        arms ??= Atlas.Plan.Arms;
        var inputs = Atlas.For(arms, CountLog.Silent);
        return arms.Select(a => AtlasRun.RunArm(a, inputs, Settings, CountLog.Silent)).ToList();
    }

    private IReadOnlyList<AtlasArmResult>? _all;
    public IReadOnlyList<AtlasArmResult> All => _all ??= RunAll();

    public void Dispose() => Directory.Delete(Run.OutputDir, recursive: true);
}

public sealed class AtlasTests(AtlasWorld world) : IClassFixture<AtlasWorld>
{
    private static readonly string[] Ids = ["5fu_coad", "irinotecan_coad", "cisplatin_blca", "gemcitabine_blca"];

    [Fact]
    public void The_plan_finds_the_arms_and_counts_the_world_was_built_with()
    {
        var plan = world.Atlas.Plan;
        // expected.tsv: make_world.py's own count of the same rule (ordinal list); the plan lists arms cancer by cancer.
        Assert.Equal(world.Expected["atlas_arms"], string.Join(";", plan.Arms.Select(a => a.Id).Order(StringComparer.Ordinal)));
        Assert.Equal(Ids, plan.Arms.Select(a => a.Id));
        foreach (var arm in plan.Arms)
        {
            var count = plan.Drugs.Single(d => d.Arms.Contains(arm.Id)).Counts.Single(c => c.Cancer == arm.Cancer.Id);
            Assert.Equal((arm.Id, int.Parse(world.Expected[$"atlas_{arm.Id}_n"], CultureInfo.InvariantCulture)), (arm.Id, count.Analysable));
        }
        var drugs = plan.Drugs.ToDictionary(d => d.Candidate.ScreenName);
        Assert.StartsWith("alias:", drugs["Gemcitibine"].Candidate.NameSource);
        Assert.Equal(("OXALIPLATIN", false), (drugs["Oxaliplatin"].Candidate.DrugBankName, drugs["Oxaliplatin"].HasArm));
        Assert.StartsWith("no DrugBank protein target", drugs["Oxaliplatin"].Reason);
        Assert.True(drugs["Oxaliplatin"].Counts.Single(c => c.Cancer == "coad").Treated > 0, "the world gives oxaliplatin COAD patients: the reason is the target, not the patients");
        Assert.Contains("no DrugBank name", drugs["Nutlin-3a"].Reason);
        Assert.Equal("bladder organoid expression not available", plan.Arm("cisplatin_blca").Arm.Training[0].Substitute);

        var table = AtlasTables.Eligibility(plan);
        Assert.Equal(["screen_name", "drugbank_name", "name_source", "target_row", "n_targets", "coad_treated", "coad_with_survival", "coad_with_gdc_file",
            "coad_with_xena_coadread", "blca_treated", "blca_with_survival", "blca_with_xena_blca", "status", "arms", "reason"], table.Columns);
        Assert.Equal(plan.Drugs.Count, table.Rows.Count);
        Assert.Equal(4, table.ColumnValues("status").Count(s => s == "arm"));
    }

    [Fact]
    public void Every_arm_runs_and_an_arm_run_alone_gives_its_row_of_the_full_atlas_bit_for_bit()
    {
        var all = world.All;
        Assert.All(all, r => Assert.True(r.Tested, $"{r.Arm.Id}: {r.Note}"));
        Assert.All(all, r => Assert.Equal((r.Arm.Id, AtlasWorld.Settings.RandomDraws, AtlasWorld.Settings.Permutations), (r.Arm.Id, r.Random!.Draws, r.Permutation!.Permutations)));
        var full = AtlasTables.File(AtlasTables.Rows(all), 7);
        var alone = AtlasTables.File(AtlasTables.Rows(world.RunAll([world.Atlas.Plan.Arm("irinotecan_coad")])), 7);
        var again = AtlasTables.File(AtlasTables.Rows(world.RunAll()), 7);
        Assert.Equal(full.ToTsv(), again.ToTsv());
        int q = full.ColumnIndex("bh_q"), family = full.ColumnIndex("bh_family");
        var fullRow = full.Rows.Single(r => r[0] == "irinotecan_coad");
        var aloneRow = Assert.Single(alone.Rows);
        for (int i = 0; i < full.Columns.Count; i++)
            if (i != q && i != family) Assert.True(fullRow[i] == aloneRow[i], $"{full.Columns[i]}: {fullRow[i]} in the full atlas, {aloneRow[i]} alone");
        Assert.Equal(("1", aloneRow[full.ColumnIndex("logrank_p")]), (aloneRow[family], aloneRow[q]));
    }

    [Fact]
    public void The_table_adjusts_the_atlas_main_p_values_by_Benjamini_Hochberg_and_keeps_its_schema()
    {
        var rows = AtlasTables.Rows(world.All);
        var file = AtlasTables.File(rows, 11);
        Assert.Equal(AtlasTables.Columns, file.Columns);
        var p = file.ColumnValues("logrank_p").Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(MultipleTesting.BenjaminiHochberg(p).Select(x => TsvTable.Cell(x)), file.ColumnValues("bh_q"));
        Assert.All(file.ColumnValues("bh_family"), f => Assert.Equal("4", f));
        Assert.All(file.ColumnValues("seed"), s => Assert.Equal("11", s));
        // The main split is stage 05's row (validation.tsv columns) and the control is baselines.tsv's negative control.
        var fu = rows.Single(r => r.Result.Arm.Id == "5fu_coad");
        Assert.Equal((world.Expected["main_5fu_n"], world.Expected["main_5fu_events"]), (fu.Split!.Patients.ToString(CultureInfo.InvariantCulture), fu.Split.Events.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(world.Expected["top_biomarker_5fu"], fu.Split.Biomarkers.Split(':')[1]);
        Assert.Equal(("coad_untreated_5fu", BaselineNames.NegativeControl), (fu.Control!.Cohort, fu.Result.Control!.Baseline));
        Assert.Equal(4, AtlasTables.Findings(rows).Rows.Count);
    }

    [Fact]
    public void Without_the_authors_column_a_drug_takes_the_recomputed_selection_and_its_proximity_is_stage_03s()
    {
        var authors = world.Atlas.Authors;
        int j = authors.Drugs.ToList().IndexOf("GEMCITABINE");
        var keep = Enumerable.Range(0, authors.Drugs.Count).Where(k => k != j).ToArray();
        var z = new double[authors.Pathways.Count, keep.Length];
        for (int i = 0; i < authors.Pathways.Count; i++) for (int k = 0; k < keep.Length; k++) z[i, k] = authors.Z[i, keep[k]];
        var without = new AuthorsProximityTable(authors.Pathways, keep.Select(k => authors.Drugs[k]).ToList(), z);
        var study = world.Atlas.Study;
        var gemTargets = world.Atlas.Plan.Arm("gemcitabine_blca").Candidate.Targets!;
        Assert.Equal("string", AtlasEligibility.Selection(study, study.Atlas!, gemTargets, without));
        Assert.Equal("authors", AtlasEligibility.Selection(study, study.Atlas!, gemTargets, authors));
        Assert.Null(AtlasEligibility.Selection(study, study.Atlas! with { Main = study.Atlas!.Main with { Selections = ["authors"] } }, gemTargets, without));

        var plain = world.Atlas.Plan.Arm("gemcitabine_blca");
        var arm = AtlasArms.Arm(study, plain.Candidate, plain.Cancer, "string", plain.Arm.Main.Expression[0]);
        var inputs = world.Atlas.For([arm], CountLog.Silent) with { Authors = without };
        var result = AtlasRun.RunArm(arm, inputs, AtlasWorld.Settings, CountLog.Silent);
        var network = inputs.Network(study.Selections.Single(s => s.Id == "string"));
        var direct = OrganoidBiomarkers.Network.ProximityRun.Compute([network], [gemTargets], inputs.Pathways, AtlasWorld.Settings.Randomisations, AtlasWorld.Settings.Seed, CountLog.Silent);
        var expected = OrganoidBiomarkers.Network.ProximityRun.ProximalPathways(study with { Selections = [network.Selection] }, direct.Rows, without, [gemTargets]);
        Assert.Equal(expected, result.Proximal);
        Assert.All(result.Proximal, p => Assert.Equal(("string", "GEMCITABINE"), (p.Selection, p.Drug)));
        Assert.True(result.Tested || result.Note.Length > 0);
    }

    [Fact]
    public void The_check_against_stage_05_passes_on_equal_results_and_stops_on_any_difference()
    {
        var rows = AtlasTables.Rows(world.All);
        var study = world.Atlas.Study;
        // Stage 05's rows as stage 05 would write them for the study's arms: here the atlas' own, relabelled.
        ValidationRow Main(string arm) => new(rows.Single(r => r.Result.Arm.Id == arm).Split! with { TrainingOrganoids = "stage 05's label" }, "authors", true);
        BaselineRow Control(string arm) => new(BaselineNames.NegativeControl, rows.Single(r => r.Result.Arm.Id == arm).Control!, 3);
        var checks = AtlasCheck.AgainstStage05(study, rows, [Main("5fu_coad"), Main("cisplatin_blca")], [Control("5fu_coad"), Control("cisplatin_blca")]);
        Assert.Equal([("5fu", "5fu_coad", true), ("cisplatin", "cisplatin_blca", true)], checks.Select(c => (c.StudyArm, c.AtlasArm, c.Equal)));

        var changed = Main("5fu_coad") with { Split = Main("5fu_coad").Split with { Events = 99 } };
        var e = Assert.Throws<InvalidOperationException>(() => AtlasCheck.AgainstStage05(study, rows, [changed, Main("cisplatin_blca")], []));
        Assert.Contains("5fu_coad differs from stage 05's main result of arm 5fu in Events", e.Message);
        var otherSource = Main("5fu_coad") with { Split = Main("5fu_coad").Split with { ExpressionSource = "firehose_crc" } };
        var skipped = AtlasCheck.AgainstStage05(study, rows, [otherSource, Main("cisplatin_blca")], []);
        Assert.StartsWith("not comparable: 5fu_coad: expression source firehose_crc (stage 05) vs xena_coadread (atlas)", skipped[0].Status);
    }

    [Fact]
    public void The_reading_follows_the_stated_rule()
    {
        var r = AtlasTables.Rows(world.All).Single(x => x.Result.Arm.Id == "5fu_coad");
        var perm = r.Result.Permutation!;
        var strong = r with { Q = 0.01, Result = r.Result with { Permutation = perm with { P = 0.01 }, Main = r.Result.Main! with { Row = r.Result.Main!.Row with { Split = r.Split! with { SignedZ = 2 } } } } };
        var control = strong.Result.Control!;
        Assert.Equal("no evidence after correction (BH q >= 0.05)", AtlasTables.Reading(strong with { Q = 0.2 }));
        Assert.Equal("separates survival in the opposite direction to the paper's",
            AtlasTables.Reading(strong with { Result = strong.Result with { Main = strong.Result.Main! with { Row = strong.Result.Main!.Row with { Split = strong.Split! with { SignedZ = -2 } } } } }));
        Assert.Equal("separates, but no better than shuffled organoid labels", AtlasTables.Reading(strong with { Result = strong.Result with { Permutation = perm with { P = 0.3 } } }));
        Assert.Equal("separates untreated patients too (prognostic, not drug response)",
            AtlasTables.Reading(strong with { Result = strong.Result with { Control = control with { Row = control.Row with { Split = control.Row.Split with { LogRankP = 0.01 } } } } }));
        Assert.Equal(control.Row.Split.LogRankP >= 0.05 ? "transfers" : "separates untreated patients too (prognostic, not drug response)", AtlasTables.Reading(strong));
    }

    [Fact]
    public void The_forest_draws_every_row_including_untested_and_infinite_ones()
    {
        var rows = AtlasFigures.Rows(AtlasTables.Rows(world.All));
        Assert.Equal(4, rows.Count);
        Assert.Equal(["TCGA COAD: CRC organoids, as the paper", "TCGA BLCA: CRC organoids stand in (bladder organoid expression not available)"], rows.Select(r => r.Group.Split('\n')[0]).Distinct());
        Assert.Equal("scored on xena_blca (Xena Toil log2 TPM, 1,577 genes; choice 1 of 1)", rows[^1].Group.Split('\n')[1]);
        var odd = rows.Append(rows[0] with { Label = "not tested", HazardRatio = double.NaN, ControlHazardRatio = double.NaN })
            .Append(rows[1] with { HazardRatio = double.PositiveInfinity, Lower = double.NaN, Upper = double.NaN, ControlLower = 0.001, ControlUpper = 500 }).ToList();
        var path = Path.Combine(world.Run.OutputDir, "forest.png");
        var figure = Figures.Save(AtlasFigures.Forest(odd, "test"), path, AtlasFigures.Width, AtlasFigures.Height(odd.Count, 2));
        Assert.True(figure.Base64.Length > 10_000);
    }
}

public sealed class AtlasReportTests(AtlasWorld world) : IClassFixture<AtlasWorld>
{
    [Fact]
    public void The_report_shows_the_atlas_in_one_section_with_its_tables_and_figure()
    {
        var output = Directory.CreateTempSubdirectory("atlas-report-").FullName;
        try
        {
            var run = world.Run with { OutputDir = output };
            var rows = AtlasTables.Rows(world.All);
            AtlasTables.File(rows, run.Seed).Write(run.ResultPath("drug_atlas.tsv"));
            AtlasTables.Eligibility(world.Atlas.Plan).Write(run.ResultPath("drug_atlas_eligibility.tsv"));
            var forest = AtlasFigures.Rows(rows);
            Figures.Save(AtlasFigures.Forest(forest, "atlas"), run.FigurePath("07_drug_atlas_forest.png"), AtlasFigures.Width, AtlasFigures.Height(forest.Count, 2));
            var report = StudyReport.Build(new RunOutputs(output, run.RepoRoot, run.DataMirror, run.DataConfigDir));
            var section = Assert.Single(report.Model.Sections, s => s.Id == "stage07");
            Assert.Equal("07 · Drug atlas", section.Title);
            Assert.Equal(["results/drug_atlas.tsv", "results/drug_atlas_eligibility.tsv"], section.Tables.Select(t => t.Link));
            Assert.Equal(["07_drug_atlas_forest"], section.Figures.Select(f => f.Caption));
            // The key view of the eligibility lists the drugs with a target row or treated patients, not the whole screen.
            var eligibility = section.Tables[1];
            Assert.Equal(5, eligibility.Table.Rows.Count(r => eligibility.KeyRows!(r)));
        }
        finally { Directory.Delete(output, recursive: true); }
    }
}
