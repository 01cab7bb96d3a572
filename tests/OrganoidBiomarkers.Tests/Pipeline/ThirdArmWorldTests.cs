using System.Globalization;
using System.Text.Json.Nodes;
using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Models;
using OrganoidBiomarkers.Pipeline;
using Xunit;

namespace OrganoidBiomarkers.Tests.Pipeline;

/// <summary>
/// Issue 11's "done when": a third arm added from the study definition alone runs through the whole pipeline. The fixture
/// world's config is copied and its study.json given an irinotecan arm and the two cohort rules it needs (COAD patients
/// treated with irinotecan by the authors' rule, biotab survival, GDC file listed; the untreated control by the extended
/// rule), nothing else; the world already screens Irinotecan and has its target row and the authors' z column. The real
/// runner then runs every notebook on it.
/// </summary>
public sealed class ThirdArmWorldRun : IAsyncLifetime
{
    public string? Repo { get; } = RunContext.FindRepoRoot(AppContext.BaseDirectory);
    public string World { get; } = TestPaths.Fixture("world");
    private readonly string _work = Directory.CreateTempSubdirectory("third-arm-world-").FullName;
    public WorldRun Run { get; private set; } = null!;
    public string? NotRun { get; private set; }

    public async Task InitializeAsync()
    {
        NotRun = WorldPipeline.MissingBuilds(Repo);
        if (NotRun is not null) return;
        var config = Path.Combine(_work, "config");
        Directory.CreateDirectory(config);
        foreach (var f in Directory.GetFiles(Path.Combine(World, "config"))) File.Copy(f, Path.Combine(config, Path.GetFileName(f)));
        File.WriteAllText(Path.Combine(config, "study.json"), WithIrinotecan(File.ReadAllText(Path.Combine(config, "study.json"))));
        Run = await WorldPipeline.RunAsync(Repo!, "third-arm", config, Path.Combine(World, "mirror"), Path.Combine(_work, "output"), FixtureWorldRuns.Parameters, TimeSpan.FromMinutes(10));
    }

    /// <summary>The study.json text with the irinotecan arm and its two cohorts appended (as a user would write them).</summary>
    public static string WithIrinotecan(string studyJson)
    {
        var study = JsonNode.Parse(studyJson)!.AsObject();
        study["cohorts"]!.AsArray().Add(JsonNode.Parse("""
            { "id": "coad_irinotecan", "projects": ["COAD"], "drug": "IRINOTECAN", "treatment": "Treated", "drug_records": "coad_biotab", "name_rule": "Authors",
              "survival": "biotab", "expression_files": { "files": "coad_gdc_files", "patients": "coad_biotab_patient" },
              "definition": "TCGA COAD, biotab drug = irinotecan (authors' name rule), biotab survival, GDC FPKM-UQ file listed" }
            """));
        study["cohorts"]!.AsArray().Add(JsonNode.Parse("""
            { "id": "coad_untreated_irinotecan", "projects": ["COAD"], "drug": "IRINOTECAN", "treatment": "Untreated", "drug_records": "coad_biotab", "name_rule": "Extended",
              "survival": "biotab", "expression_files": { "files": "coad_gdc_files", "patients": "coad_biotab_patient" },
              "definition": "TCGA COAD not treated with irinotecan (extended rule), biotab survival, GDC file listed (negative control)" }
            """));
        study["arms"]!.AsArray().Add(JsonNode.Parse("""
            {
              "id": "irinotecan",
              "drug": { "label": "irinotecan", "screen_name": "Irinotecan", "drugbank_name": "IRINOTECAN", "target_row": "IRINOTECAN" },
              "training": [ { "organoids": "crc", "definition": "CRC organoids with an irinotecan IC50 in Table S2b (median of replicates)" } ],
              "analyses": [ { "cohort": "coad_irinotecan", "survival": "biotab", "control": "coad_untreated_irinotecan" } ],
              "expression": ["xena_coadread"],
              "main": { "selection": "authors", "model": "ridgecv", "k": 1, "cohort": "coad_irinotecan", "survival": "biotab", "expression": ["xena_coadread"] }
            }
            """));
        return study.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    public Task DisposeAsync()
    {
        if (Run is { ExitCode: 0 } && Directory.Exists(_work)) Directory.Delete(_work, recursive: true);
        return Task.CompletedTask;
    }
}

[Collection(WorldPipeline.Collection)]
public sealed class ThirdArmWorldTests(ThirdArmWorldRun world) : IClassFixture<ThirdArmWorldRun>
{
    private IReadOnlyDictionary<string, string> Expected { get; } =
        TsvFiles.Read(Path.Combine(world.World, "expected.tsv")).Rows.ToDictionary(r => r[0], r => r[1], StringComparer.Ordinal);

    private int E(string quantity) => int.Parse(Expected[quantity], CultureInfo.InvariantCulture);

    private static List<Dictionary<string, string>> Rows(WorldRun run, string file)
    {
        var t = run.Table(file);
        return t.Rows.Select(r => t.Columns.Select((c, i) => (c, r[i])).ToDictionary(x => x.c, x => x.Item2, StringComparer.Ordinal)).ToList();
    }

    [Fact]
    public void An_arm_added_to_study_json_alone_runs_through_every_stage_and_the_atlas()
    {
        Assert.True(world.NotRun is null, world.NotRun);
        var run = world.Run;
        Assert.True(run.ExitCode == 0, $"the pipeline failed on the three-arm world (exit {run.ExitCode}; outputs kept in {run.Output}):\n{run.Tail()}");

        // 01: the organoid and patient cohorts of the new arm, with the sizes make_world.py counted.
        var cohorts = Rows(run, "cohorts.tsv").ToDictionary(r => r["cohort"]);
        Assert.Equal(E("crc_organoids_irinotecan_n"), int.Parse(cohorts["crc_organoids_irinotecan"]["n"], CultureInfo.InvariantCulture));
        foreach (var c in new[] { "coad_irinotecan", "coad_untreated_irinotecan" })
            Assert.Equal((c, E($"{c}_n"), E($"{c}_events")), (c, int.Parse(cohorts[c]["n"], CultureInfo.InvariantCulture), int.Parse(cohorts[c]["events"], CultureInfo.InvariantCulture)));

        // 03: the authors' proximal pathways of IRINOTECAN, and the recomputed selections.
        var proximal = Rows(run, "proximal_pathways.tsv").Where(r => r["drug"] == "IRINOTECAN").ToList();
        Assert.Equal(E("authors_proximal_IRINOTECAN"), proximal.Count(r => r["selection"] == "authors"));
        Assert.Contains(proximal, r => r["selection"] == "string");

        // 04: every selection x model trained, and the designed driver pathway on top of the main model.
        var cv = Rows(run, "organoid_cv.tsv").Where(r => r["drug"] == "IRINOTECAN").ToList();
        Assert.Equal(E("crc_organoids_irinotecan_n"), int.Parse(cv.Single(r => r["selection"] == "authors" && r["model"] == "ridgecv")["n_organoids"], CultureInfo.InvariantCulture));
        Assert.Equal(9, cv.Count(r => !Learners.IsComparisonOnly(r["model"])));
        // The learner comparison runs on the new arm too: each ML.NET learner once, on its main selection.
        Assert.Equal(Learners.MlNetNames, cv.Where(r => Learners.IsComparisonOnly(r["model"])).Select(r => r["model"]));
        Assert.All(cv.Where(r => Learners.IsComparisonOnly(r["model"])), r => Assert.Equal("authors", r["selection"]));
        var top = Rows(run, "model_coefficients.tsv").Single(r => r["drug"] == "IRINOTECAN" && r["selection"] == "authors" && r["model"] == "ridgecv" && r["rank"] == "1");
        Assert.Equal("REACTOME_DNA_STRAND_ELONGATION", top["pathway"]);

        // 05: one main row, on the patients the atlas counts (coad_irinotecan with a Xena profile), and its negative control.
        var main = Assert.Single(Rows(run, "validation.tsv"), r => r["drug"] == "IRINOTECAN" && r["main"] == "true");
        Assert.Equal(E("atlas_irinotecan_coad_n"), int.Parse(main["n_treated"], CultureInfo.InvariantCulture));
        Assert.Equal("REACTOME_DNA_STRAND_ELONGATION", main["biomarkers"].Split(':')[1]);
        Assert.Contains(Rows(run, "baselines.tsv"), r => r["drug"] == "IRINOTECAN" && r["baseline"] == "negative_control" && r["cohort"] == "coad_untreated_irinotecan" && r["k"] == "1");
        Assert.Contains(Rows(run, "patients.tsv"), r => r["arm"] == "irinotecan" && r["setting"] == "main");
        Assert.True(File.Exists(Path.Combine(run.Output, "figures", "05_km_irinotecan_main.png")));

        // 06: the permutation test and the bootstrap of the new arm's main split.
        var robustness = Rows(run, "robustness.tsv").Where(r => r["arm"] == "IRINOTECAN").ToList();
        Assert.Contains(robustness, r => r["analysis"] == "permutation" && r["statistic"] == "logrank_chisq" && r["n_draws"] == "20");
        Assert.Contains(robustness, r => r["analysis"] == "bootstrap_fixed_split" && r["statistic"] == "hazard_ratio");
        Assert.True(File.Exists(Path.Combine(run.Output, "figures", "06_robustness_forest_irinotecan.png")));

        // 07: the atlas' irinotecan row is the study arm's main result (notebook 07 checked every column; here the key ones).
        var atlas = Assert.Single(Rows(run, "drug_atlas.tsv"), r => r["arm"] == "irinotecan_coad");
        foreach (var (mine, theirs) in new[] { ("n_patients", "n_treated"), ("events", "events"), ("logrank_p", "logrank_p"), ("hr", "hr"), ("biomarkers", "biomarkers") })
            Assert.True(atlas[mine] == main[theirs], $"atlas {mine} {atlas[mine]}, validation.tsv {theirs} {main[theirs]}");
        var notebook = File.ReadAllText(Path.Combine(run.Output, "notebooks", "07-drug-atlas.ipynb"));
        Assert.Contains("irinotecan_coad", notebook);
        Assert.Contains("irinotecan", File.ReadAllText(Path.Combine(run.Output, "report.html")));
    }
}
