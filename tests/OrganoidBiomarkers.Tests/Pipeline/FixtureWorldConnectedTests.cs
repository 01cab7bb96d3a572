using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data.Remote;
using OrganoidBiomarkers.FetchInputs;
using OrganoidBiomarkers.Pipeline;
using OrganoidBiomarkers.Tests.Data.Remote;
using Xunit;

namespace OrganoidBiomarkers.Tests.Pipeline;

/// <summary>
/// The connected run end to end on the fixture world: the world's origin files (Fixtures/world/origins, written by
/// make_world.py in the formats the public origins serve) on a 127.0.0.1 server at the origins' own paths; the fetch
/// command of scripts/fetch-inputs (<see cref="FetchCommand"/>, with a --base-url per origin host) into a copy of the
/// world's data config; then every notebook and the report in connected mode (the real runner on the Release builds).
/// </summary>
public sealed class FixtureWorldConnectedRun : IAsyncLifetime
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(10);

    public string? Repo { get; } = RunContext.FindRepoRoot(AppContext.BaseDirectory);
    public string World { get; } = TestPaths.Fixture("world");
    private readonly string _work = Directory.CreateTempSubdirectory("fixture-world-connected-").FullName;

    /// <summary>Why the run could not start (missing or stale Release builds), or null.</summary>
    public string? NotRun { get; private set; }
    public string Config => Path.Combine(_work, "config");
    public ConnectedFolder Connected => ConnectedFolder.For(Config);
    public int FetchExitCode { get; private set; }
    public string FetchLog { get; private set; } = "";
    public TimeSpan FetchElapsed { get; private set; }
    public WorldRun Run { get; private set; } = null!;
    private bool _keep;

    public async Task InitializeAsync()
    {
        NotRun = WorldPipeline.MissingBuilds(Repo);
        if (NotRun is not null) return;
        Directory.CreateDirectory(Config);
        foreach (var file in Directory.GetFiles(Path.Combine(World, "config"))) File.Copy(file, Path.Combine(Config, Path.GetFileName(file)));

        using var origin = Serve(World);
        var args = new List<string> { "--connected-dir", Connected.Root, "--set", "gdc.page_size=5", "--set", "gdc.batch_size=4", "--set", "retries=2", "--set", "backoff_s=0" };
        foreach (var host in FixtureOrigins.Hosts) args.AddRange(["--base-url", $"{host}={origin.BaseUrl}/{host}"]);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var clock = Stopwatch.StartNew();
        FetchExitCode = await FetchCommand.RunAsync(args, Repo!, stdout, stderr, env: _ => null);
        FetchElapsed = clock.Elapsed;
        FetchLog = stdout + "\n" + stderr;
        if (FetchExitCode != 0) { _keep = true; return; }

        Run = await WorldPipeline.RunAsync(Repo!, "connected", Config, Path.Combine(World, "mirror"), Path.Combine(_work, "output"), FixtureWorldRuns.Parameters, RunTimeout);
        _keep = Run.ExitCode != 0;
    }

    public Task DisposeAsync()
    {
        // A failed run is kept for inspection (the failure message names the folder).
        if (!_keep && Directory.Exists(_work)) Directory.Delete(_work, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>The world's origins on a loopback server: origins/routes.tsv (URL, file, gzip) and the GDC API's catalog.</summary>
    public static LoopbackOrigin Serve(string world)
    {
        var o = new LoopbackOrigin();
        foreach (var line in File.ReadAllLines(Path.Combine(world, "origins", "routes.tsv")).Skip(1))
        {
            var f = line.Split('\t');
            var bytes = File.ReadAllBytes(Path.Combine(world, "origins", f[1]));
            o.Serve(f[0], f[2] == "yes" ? LoopbackOrigin.Gzip(bytes) : bytes);
        }
        o.ServeGdc(File.ReadAllLines(Path.Combine(world, "origins", "gdc", "catalog.tsv")).Skip(1).Select(l => l.Split('\t'))
            .Select(f => new LoopbackOrigin.GdcEntry(f[0], f[1], f[2], f[3], f[4], f[5], File.ReadAllBytes(Path.Combine(world, f[6])))).ToList());
        return o;
    }
}

[Collection(WorldPipeline.Collection)]
public sealed class FixtureWorldConnectedTests(FixtureWorldConnectedRun world, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<FixtureWorldConnectedRun>
{
    private IReadOnlyDictionary<string, string> Expected { get; } =
        TsvFiles.Read(Path.Combine(world.World, "expected.tsv")).Rows.ToDictionary(r => r[0], r => r[1], StringComparer.Ordinal);

    private int ExpectedInt(string quantity) =>
        int.Parse(Expected.TryGetValue(quantity, out var v) ? v : throw new KeyNotFoundException($"expected.tsv has no '{quantity}': rerun make_world.py"), CultureInfo.InvariantCulture);

    private WorldRun Succeeded()
    {
        Assert.True(world.NotRun is null, world.NotRun);
        Assert.True(world.FetchExitCode == 0, $"the fetch failed (exit code {world.FetchExitCode}; kept in {world.Config}):\n{world.FetchLog}");
        Assert.True(world.Run.ExitCode == 0,
            $"the pipeline failed on the connected fixture world (exit code {world.Run.ExitCode}; outputs kept in {world.Run.Output}):\n{world.Run.Tail()}");
        return world.Run;
    }

    private static List<Dictionary<string, string>> Rows(TsvTable table) =>
        table.Rows.Select(r => table.Columns.Select((c, i) => (c, r[i])).ToDictionary(x => x.c, x => x.Item2, StringComparer.Ordinal)).ToList();

    [Fact]
    public void The_fetch_takes_every_input_from_its_origin_with_the_fallbacks_the_world_forces()
    {
        Succeeded();
        var record = ConnectedRecord.Read(world.Connected.RecordPath);
        Assert.All(ConnectedSources.Inputs, i => Assert.NotNull(record.Find(i.Id)));
        Assert.StartsWith("primary route (Xena htseq_fpkm-uq)", record.Find("tcga_coad_fpkm_uq")!.Origin);
        Assert.Equal("original", record.Find("tcga_coad_fpkm_uq")!.Status);
        Assert.StartsWith("fallback 1 (Xena star_fpkm-uq)", record.Find("tcga_blca_fpkm_uq")!.Origin);
        Assert.Equal("successor", record.Find("tcga_blca_fpkm_uq")!.Status);
        Assert.Equal("fallback 2 (GDC API STAR - Counts)", record.Find("tcga_read_fpkm_uq")!.Origin);
        Assert.Equal("primary (Table S3, mmc4)", record.Find("blca_organoid_response_published")!.Origin);
        Assert.StartsWith("primary (GDC /files query", record.Find("blca_biotab_drug")!.Origin);
        output.WriteLine($"fetch: {world.FetchElapsed.TotalSeconds:0.0} s; pipeline: {world.Run.Elapsed.TotalSeconds:0.0} s wall");
    }

    [Fact]
    public void Every_notebook_and_the_report_succeed_in_connected_mode()
    {
        var run = Succeeded();
        using var record = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.Output, "run.json")));
        var statuses = record.RootElement.GetProperty("notebooks").EnumerateArray().Select(n => n.GetProperty("status").GetString()).ToList();
        Assert.NotEmpty(statuses);
        Assert.All(statuses, s => Assert.Equal("ok", s));
        Assert.True(new FileInfo(Path.Combine(run.Output, "report.html")).Length > 10_000, "report.html is missing or nearly empty");
    }

    [Fact]
    public void The_main_rows_use_the_full_transcriptome_and_the_bladder_trained_cisplatin_model()
    {
        var validation = Rows(Succeeded().Table("validation.tsv"));
        var main = validation.Where(r => r["main"] == "true").ToDictionary(r => r["drug"]);
        Assert.Equal(("tcga_coad", "crc_organoids_5fu"), (main["FLUOROURACIL"]["expression_source"], main["FLUOROURACIL"]["training_organoids"]));
        Assert.Equal(("tcga_blca", "blca_organoids_cisplatin"), (main["CISPLATIN"]["expression_source"], main["CISPLATIN"]["training_organoids"]));
        foreach (var (drug, arm) in new[] { ("FLUOROURACIL", "5fu"), ("CISPLATIN", "cisplatin") })
            Assert.Equal((drug, ExpectedInt($"connected_main_{arm}_n"), ExpectedInt($"connected_main_{arm}_events")),
                (drug, int.Parse(main[drug]["n_treated"], CultureInfo.InvariantCulture), int.Parse(main[drug]["events"], CultureInfo.InvariantCulture)));
        // On the full transcriptome the cisplatin model's top biomarker (base excision repair) is scorable: no rank is skipped.
        Assert.Equal("0", main["CISPLATIN"]["unscored_skipped"]);
        Assert.StartsWith("1:" + Expected["top_biomarker_cisplatin"], main["CISPLATIN"]["biomarkers"]);

        // The 1,577-gene subsets and the CRC-trained cisplatin model stay as labelled sensitivity rows.
        Assert.Contains(validation, r => r["drug"] == "FLUOROURACIL" && r["expression_source"] == "xena_coadread" && r["main"] == "false");
        Assert.Contains(validation, r => r["drug"] == "CISPLATIN" && r["expression_source"] == "xena_blca" && r["main"] == "false");
        Assert.Contains(validation, r => r["drug"] == "CISPLATIN" && r["training_organoids"] == "crc_organoids_cisplatin (alternative to blca_organoids_cisplatin)"
            && r["main"] == "false");
        var robustness = Rows(world.Run.Table("robustness.tsv"));
        Assert.Contains(robustness, r => r["arm"] == "CISPLATIN" && r["setting"] == "training: crc_organoids_cisplatin");
        Assert.Contains(robustness, r => r["arm"] == "CISPLATIN" && r["setting"] == "expression: xena_blca");
        Assert.Contains(Rows(world.Run.Table("patients.tsv")), r => r["arm"] == "cisplatin" && r["setting"] == "training: crc_organoids_cisplatin");

        // The bladder-trained models: the world's bladder lines, the pathway the world built into their cisplatin AUC.
        var cv = Rows(world.Run.Table("organoid_cv.tsv")).Single(r => r["drug"] == "CISPLATIN" && r["selection"] == "authors" && r["model"] == "ridgecv");
        Assert.Equal(ExpectedInt("blca_organoids_cisplatin_n"), int.Parse(cv["n_organoids"], CultureInfo.InvariantCulture));
        var top = Rows(world.Run.Table("model_coefficients.tsv")).Single(r => r["drug"] == "CISPLATIN" && r["selection"] == "authors" && r["model"] == "ridgecv" && r["rank"] == "1");
        Assert.Equal(Expected["top_biomarker_cisplatin"], top["pathway"]);
    }

    [Fact]
    public void Proximity_runs_on_string_v10_5_beside_the_stand_ins_and_is_compared_with_the_authors_table()
    {
        var run = Succeeded();
        var proximity = Rows(run.Table("proximity.tsv"));
        foreach (var drug in new[] { "FLUOROURACIL", "CISPLATIN" })
            Assert.Contains(proximity, r => r["drug"] == drug && r["network"] == "string_v10.5_700");
        Assert.Contains(Rows(run.Table("proximity_agreement.tsv")), r => r["network"] == "string_v10.5_700");
        var proximal = Rows(run.Table("proximal_pathways.tsv"));
        foreach (var drug in new[] { "FLUOROURACIL", "CISPLATIN" })
        {
            int n = proximal.Count(r => r["drug"] == drug && r["selection"] == "string105");
            Assert.True(n >= 3, $"{drug}: {n} proximal pathways on STRING v10.5 (the world is built for >= 3)");
        }
        Assert.Contains(Rows(run.Table("model_coefficients.tsv")), r => r["selection"] == "string105");
    }

    [Fact]
    public void Cohorts_are_recomputed_with_the_biotab_cohort_and_full_transcriptome_coverage()
    {
        var cohorts = Rows(Succeeded().Table("cohorts.tsv")).ToDictionary(r => r["cohort"]);
        Assert.Equal((ExpectedInt("blca_cisplatin_biotab_n"), ExpectedInt("blca_cisplatin_biotab_events")),
            (int.Parse(cohorts["blca_cisplatin_biotab"]["n"], CultureInfo.InvariantCulture), int.Parse(cohorts["blca_cisplatin_biotab"]["events"], CultureInfo.InvariantCulture)));
        Assert.Equal(ExpectedInt("blca_organoids_cisplatin_n"), int.Parse(cohorts["blca_organoids_cisplatin"]["n"], CultureInfo.InvariantCulture));
        Assert.Equal(ExpectedInt("coad_5fu_expr_tcga_coad"), int.Parse(cohorts["coad_5fu"]["expr_tcga_coad"], CultureInfo.InvariantCulture));
        Assert.Equal(ExpectedInt("blca_cisplatin_expr_tcga_blca"), int.Parse(cohorts["blca_cisplatin"]["expr_tcga_blca"], CultureInfo.InvariantCulture));
        // The stand-in cohorts are unchanged by the connected inputs.
        Assert.Equal(ExpectedInt("coad_5fu_n"), int.Parse(cohorts["coad_5fu"]["n"], CultureInfo.InvariantCulture));
        Assert.Equal(ExpectedInt("crc_organoids_cisplatin_n"), int.Parse(cohorts["crc_organoids_cisplatin"]["n"], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Report_inventory_and_run_json_name_the_inputs_origin()
    {
        var run = Succeeded();
        var record = ConnectedRecord.Read(world.Connected.RecordPath);
        var inventory = Rows(run.Table("inventory.tsv")).ToDictionary(r => r["input"]);
        foreach (var id in new[] { "tcga_coad_fpkm_uq", "tcga_blca_fpkm_uq", "string_v10_5", "blca_organoid_expression", "blca_organoid_response_published", "blca_biotab_drug" })
        {
            Assert.Equal((id, "connected"), (id, inventory[id]["from"]));
            Assert.Equal((id, record.Find(id)!.Status), (id, inventory[id]["status"]));
        }
        Assert.Equal("mirror", inventory["xena_blca"]["from"]);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.Output, "run.json")));
        var set = json.RootElement.GetProperty("input_set");
        Assert.Equal("connected", set.GetProperty("kind").GetString());
        var blca = set.GetProperty("connected_inputs").EnumerateArray().Single(e => e.GetProperty("id").GetString() == "tcga_blca_fpkm_uq");
        Assert.Equal(record.Find("tcga_blca_fpkm_uq")!.Sha256, blca.GetProperty("sha256").GetString());
        Assert.StartsWith("fallback 1 (Xena star_fpkm-uq)", blca.GetProperty("origin").GetString());
        var mains = set.GetProperty("main_rows").EnumerateArray().ToDictionary(e => e.GetProperty("arm").GetString()!, e => e.GetProperty("expression_source").GetString());
        Assert.Equal("tcga_coad", mains["5fu"]);
        Assert.Equal("tcga_blca", mains["cisplatin"]);

        var html = File.ReadAllText(Path.Combine(run.Output, "report.html"));
        Assert.Contains("connected: ", html);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(record.Find("tcga_blca_fpkm_uq")!.Sha256), html);
        Assert.Contains("fallback 1 (Xena star_fpkm-uq", html);
        Assert.Contains("blca_organoids_cisplatin", html);
    }
}
