using System.Net.Sockets;
using System.Text;
using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Data.Remote;
using OrganoidBiomarkers.FetchInputs;
using Xunit;

namespace OrganoidBiomarkers.Tests.Data.Remote;

/// <summary>
/// The whole connected fetch over a loopback server holding every origin's fixture files: routes and fallbacks,
/// the record and the lock, the derived cache, refusal of changed files, files placed by hand, no network, and the
/// command line.
/// </summary>
public sealed class ConnectedFetchTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("connected-").FullName;
    private readonly List<string> _log = [];

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private ConnectedFolder Folder => new(Path.Combine(_root, "connected"));

    private async Task<IReadOnlyList<FetchOutcome>> Run(LoopbackOrigin origin, FetchSettings? settings = null, IReadOnlyCollection<string>? only = null)
    {
        using var fetch = new ConnectedFetch(Folder, settings ?? FixtureOrigins.Settings(origin), _log.Add);
        return await fetch.RunAsync(only);
    }

    [Fact]
    public async Task Every_input_is_fetched_converted_and_recorded_and_a_second_run_needs_no_network()
    {
        using var origin = FixtureOrigins.World(_root);
        var outcomes = await Run(origin);
        Assert.All(outcomes, o => Assert.Equal("fetched", o.State));
        Assert.Equal(ConnectedSources.Inputs.Count, outcomes.Count);

        var byId = outcomes.ToDictionary(o => o.Id);
        Assert.StartsWith("primary route (Xena htseq_fpkm-uq)", byId["tcga_coad_fpkm_uq"].Origin);
        Assert.Equal("original", byId["tcga_coad_fpkm_uq"].Status);
        Assert.StartsWith("fallback 1 (Xena star_fpkm-uq)", byId["tcga_blca_fpkm_uq"].Origin);
        Assert.Equal("successor", byId["tcga_blca_fpkm_uq"].Status);
        Assert.Equal("fallback 2 (GDC API STAR - Counts)", byId["tcga_read_fpkm_uq"].Origin);
        Assert.StartsWith("primary (GDC /files query", byId["blca_biotab_drug"].Origin);
        Assert.Equal("primary (GDC file UUID)", byId["blca_biotab_patient"].Origin);
        Assert.Equal("primary (Table S3, mmc4)", byId["blca_organoid_response_published"].Origin);
        // The fallback is reported with the primary's reason.
        Assert.Contains(_log, l => l.Contains("TCGA-BLCA.htseq_fpkm-uq.tsv.gz") && l.Contains("HTTP 404"));
        Assert.Contains(_log, l => l.StartsWith("tcga_blca_fpkm_uq: used fallback 1 (Xena star_fpkm-uq, GENCODE v36) (after primary route"));
        // Pagination: 3 READ STAR files in pages of 2; /data in batches of 2.
        Assert.Contains(_log, l => l.Contains("TCGA-READ STAR - Counts: 3 file(s) in 2 page(s) of 2"));
        Assert.Equal(2, origin.RequestCount("https://api.gdc.cancer.gov/data"));

        // Derived files equal the independent expectations and are readable by the pipeline's readers.
        var f = Folder;
        ConverterTests.AssertMatrix("tcga_coad_xena.expected.tsv", f.Input("inputs/tcga_coad_fpkm_uq_symbols.tsv.gz"));
        ConverterTests.AssertMatrix("tcga_blca_xena.expected.tsv", f.Input("inputs/tcga_blca_fpkm_uq_symbols.tsv.gz"));
        ConverterTests.AssertMatrix("tcga_read_star.expected.tsv", f.Input("inputs/tcga_read_fpkm_uq_symbols.tsv.gz"));
        ConverterTests.AssertMatrix("lee2018_lines.expected.tsv", f.Input("inputs/lee2018_gse103990_organoid_lines.tsv"));
        Assert.Equal(File.ReadAllText(TestPaths.Golden("remote", "string_edges.expected.tsv")), File.ReadAllText(f.Input("inputs/string_v10_5_edges.tsv")));
        Assert.Equal(FixtureOrigins.Bytes("gdc", "biotab", "nationwidechildrens.org_clinical_drug_blca.txt"), File.ReadAllBytes(f.Input("inputs/nationwidechildrens.org_clinical_drug_blca.txt")));
        Assert.Equal(3, TcgaClinical.ReadBiotabPatients(f.Input("inputs/nationwidechildrens.org_clinical_patient_blca.txt")).Count);
        Assert.True(File.Exists(f.Input("inputs/string_v10_5_edges.counts.tsv")));

        // The record: every input with its file's sha256, what it was derived from, the URL used and the status.
        var record = ConnectedRecord.Read(f.RecordPath);
        var coad = record.Find("tcga_coad_fpkm_uq")!;
        Assert.Equal(OriginFetcher.Measure(f.Input(coad.File)).Sha256, coad.Sha256);
        Assert.Contains("xena/TCGA-COAD.htseq_fpkm-uq.tsv.gz@", coad.DerivedFrom);
        Assert.Contains("xena/gencode.v22.annotation.gene.probeMap@", coad.DerivedFrom);
        Assert.Contains(origin.BaseUrl + "/gdc-hub.s3.us-east-1.amazonaws.com/download/TCGA-COAD.htseq_fpkm-uq.tsv.gz", coad.OriginUrl);
        Assert.NotNull(record.Find(ConnectedSources.OrganoidSampleMapId));
        // The lock: every origin file with its URL, size and sha256.
        var lockFile = FetchLock.Read(f.LockPath);
        var links = lockFile.Find("string/9606.protein.links.v10.5.txt.gz")!;
        Assert.Equal(OriginFetcher.Measure(f.Raw(links.File)).Sha256, links.Sha256);
        Assert.Equal(3, lockFile.Entries.Count(e => e.File.StartsWith("gdc/TCGA-READ/", StringComparison.Ordinal)));

        // Second run: everything up to date, not one request.
        int requests = origin.Requests.Count;
        var recordBytes = File.ReadAllBytes(f.RecordPath);
        _log.Clear();
        var again = await Run(origin);
        Assert.All(again, o => Assert.Equal("up to date", o.State));
        Assert.Equal(requests, origin.Requests.Count);
        Assert.Equal(recordBytes, File.ReadAllBytes(f.RecordPath));

        // The DataStore resolves the connected manifest rows through the record.
        var manifest = Manifest.Read(Path.Combine(DataMirror.RepoRoot()!, "data", "manifest.tsv"));
        var store = new DataStore(manifest, null, Path.Combine(_root, "cache"), null, connectedDir: f.Root);
        var resolved = store.Resolve("string_v10_5");
        Assert.Equal(InputSource.Connected, resolved.Source);
        Assert.Equal("original", resolved.Connected!.Status);
        Assert.Equal(7, NetworkFiles.ReadEdgeTable(store.PathOf("string_v10_5")).Count);
        Assert.Equal("successor", store.Resolve("tcga_read_fpkm_uq").Connected!.Status);
    }

    [Fact]
    public async Task Changed_settings_rebuild_only_the_inputs_they_shape()
    {
        using var origin = FixtureOrigins.World(_root);
        var only = new[] { "string_v10_5", "blca_biotab_patient" };
        await Run(origin, only: only);
        int requests = origin.Requests.Count;
        var outcomes = await Run(origin, FixtureOrigins.Settings(origin) with { StringMinScore = 701 }, only);
        Assert.Equal("fetched", outcomes.Single(o => o.Id == "string_v10_5").State);
        Assert.Equal("up to date", outcomes.Single(o => o.Id == "blca_biotab_patient").State);
        Assert.Equal(requests, origin.Requests.Count); // the origin files were already there
        Assert.Equal(6, NetworkFiles.ReadEdgeTable(Folder.Input("inputs/string_v10_5_edges.tsv")).Count);
        Assert.Contains("combined_score >= 701", ConnectedRecord.Read(Folder.RecordPath).Find("string_v10_5")!.Rule);
    }

    [Fact]
    public async Task Content_changed_at_the_origin_is_refused_and_nothing_is_overwritten()
    {
        using var origin = FixtureOrigins.World(_root);
        var only = new[] { "string_v10_5" };
        await Run(origin, only: only);
        var edges = File.ReadAllBytes(Folder.Input("inputs/string_v10_5_edges.tsv"));
        var lockBytes = File.ReadAllBytes(Folder.LockPath);
        var recordBytes = File.ReadAllBytes(Folder.RecordPath);

        // The origin now serves other bytes; the local copy is gone, so the file is fetched again and compared.
        origin.Serve(FixtureOrigins.StringAliases, LoopbackOrigin.Gzip(Encoding.UTF8.GetBytes(
            File.ReadAllText(FixtureOrigins.File("string", "9606.protein.aliases.v10.5.txt")).Replace("\tTP53\t", "\tTP53X\t"))));
        File.Delete(Folder.Raw("string/9606.protein.aliases.v10.5.txt.gz"));
        var outcome = (await Run(origin, only: only)).Single();
        Assert.Equal("failed", outcome.State);
        Assert.Equal(FetchFailure.Changed, outcome.Failure);
        Assert.Contains("string/9606.protein.aliases.v10.5.txt.gz", outcome.Detail);
        Assert.Contains("content differs from the lock", outcome.Detail);
        Assert.Contains("nothing was overwritten", outcome.Detail);
        Assert.Contains("scripts/fetch-inputs --refresh string/9606.protein.aliases.v10.5.txt.gz", outcome.Detail);
        Assert.False(File.Exists(Folder.Raw("string/9606.protein.aliases.v10.5.txt.gz")));
        Assert.False(File.Exists(Folder.Raw("string/9606.protein.aliases.v10.5.txt.gz.partial")));
        Assert.Equal(edges, File.ReadAllBytes(Folder.Input("inputs/string_v10_5_edges.tsv")));
        Assert.Equal(lockBytes, File.ReadAllBytes(Folder.LockPath));
        Assert.Equal(recordBytes, File.ReadAllBytes(Folder.RecordPath));

        // After --refresh the new bytes are accepted and recorded.
        using (var fetch = new ConnectedFetch(Folder, FixtureOrigins.Settings(origin), _log.Add))
            Assert.Contains("lock: string/9606.protein.aliases.v10.5.txt.gz forgotten", fetch.Refresh("string/9606.protein.aliases.v10.5.txt.gz"));
        Assert.Equal("fetched", (await Run(origin, only: only)).Single().State);
        Assert.Contains("TP53X", File.ReadAllText(Folder.Input("inputs/string_v10_5_edges.tsv")));
    }

    [Fact]
    public async Task A_local_copy_modified_after_its_fetch_is_refused()
    {
        using var origin = FixtureOrigins.World(_root);
        await Run(origin, only: ["blca_biotab_patient"]);
        var raw = Folder.Raw("gdc/biotab/nationwidechildrens.org_clinical_patient_blca.txt");
        File.AppendAllText(raw, "edited\n");
        File.Delete(Folder.Input("inputs/nationwidechildrens.org_clinical_patient_blca.txt"));
        var outcome = (await Run(origin, only: ["blca_biotab_patient"])).Single();
        Assert.Equal(FetchFailure.Changed, outcome.Failure);
        Assert.Contains("the local copy differs from the lock", outcome.Detail);
        Assert.EndsWith("edited\n", File.ReadAllText(raw));
    }

    [Fact]
    public async Task Files_placed_by_hand_are_checked_and_recorded_like_downloads()
    {
        using var origin = new LoopbackOrigin(); // serves nothing: every origin answers 404
        Directory.CreateDirectory(Folder.ManualDir);
        // A browser's error page saved under the expected name is refused by the format check, naming the expected format.
        File.WriteAllText(Folder.Manual("9606.protein.links.v10.5.txt.gz"), "<html><body>Access denied</body></html>\n");
        var outcome = (await Run(origin, only: ["string_v10_5"])).Single();
        Assert.Equal("failed", outcome.State);
        Assert.Contains($"{Folder.Manual("9606.protein.links.v10.5.txt.gz")} is not gzip; space-separated 'protein1 protein2 combined_score'", outcome.Detail);
        Assert.Null(FetchLock.Read(Folder.LockPath).Find("string/9606.protein.links.v10.5.txt.gz"));

        File.WriteAllBytes(Folder.Manual("9606.protein.links.v10.5.txt.gz"), FixtureOrigins.Gz("string", "9606.protein.links.v10.5.txt"));
        outcome = (await Run(origin, only: ["string_v10_5"])).Single();
        Assert.Equal("failed", outcome.State); // the aliases are still missing: the message says where to place them
        Assert.Contains($"place the file by hand as {Folder.Manual("9606.protein.aliases.v10.5.txt.gz")}", outcome.Detail);
        Assert.Equal("manual", FetchLock.Read(Folder.LockPath).Find("string/9606.protein.links.v10.5.txt.gz")!.Origin);

        File.WriteAllBytes(Folder.Manual("9606.protein.aliases.v10.5.txt.gz"), FixtureOrigins.Gz("string", "9606.protein.aliases.v10.5.txt"));
        outcome = (await Run(origin, only: ["string_v10_5"])).Single();
        Assert.Equal("fetched", outcome.State);
        Assert.StartsWith("manual:", ConnectedRecord.Read(Folder.RecordPath).Find("string_v10_5")!.OriginUrl);
    }

    [Fact]
    public async Task A_wrong_table_s3_number_falls_back_to_the_labelled_coderdata_refit()
    {
        using var origin = FixtureOrigins.World(_root, tableS3Mmc: 2);
        var wrong = Path.Combine(_root, "s1.xlsx");
        FixtureOrigins.WriteXlsx(wrong, "Table S1", FixtureOrigins.File("lee2018", "table_s1_cells.tsv"));
        origin.Serve("https://ars.els-cdn.com/content/image/1-s2.0-S0092867418302976-mmc4.xlsx", File.ReadAllBytes(wrong));
        var outcome = (await Run(origin, only: ["blca_organoid_response_published"])).Single();
        Assert.Equal("fetched", outcome.State);
        Assert.Equal("refit", outcome.Status);
        Assert.Equal("fallback 1 (CoderData 2.1.0 refit)", outcome.Origin);
        Assert.Contains(_log, l => l.Contains("is not xlsx; Lee 2018 Table S3") && l.Contains("--set lee2018.table_s3_mmc=N"));
        Assert.All(OrganoidResponseTables.ReadLee2018(Folder.Input("inputs/lee2018_organoid_response.tsv")), r => Assert.Contains("refit", r.Metric));

        // With the right number the paper's table is used (the setting is part of the cache key).
        var settings = FixtureOrigins.Settings(origin) with { Lee2018TableS3Mmc = 2 };
        outcome = (await Run(origin, settings, ["blca_organoid_response_published"])).Single();
        Assert.Equal(("fetched", "original"), (outcome.State, outcome.Status));
    }

    [Fact]
    public async Task A_truncated_origin_transfer_is_resumed_inside_the_fetch()
    {
        using var origin = FixtureOrigins.World(_root);
        var body = FixtureOrigins.Gz("xena", "TCGA-COAD.htseq_fpkm-uq.tsv");
        origin.Serve(FixtureOrigins.XenaS3 + "TCGA-COAD.htseq_fpkm-uq.tsv.gz", new Route { Body = body, Misbehaviour = Misbehaviour.Truncate, CutAt = body.Length / 2, Times = 1 });
        var outcome = (await Run(origin, only: ["tcga_coad_fpkm_uq"])).Single();
        Assert.Equal("fetched", outcome.State);
        Assert.Contains(origin.Requests, r => r.Path.EndsWith("TCGA-COAD.htseq_fpkm-uq.tsv.gz") && r.Range == $"bytes={body.Length / 2}-");
        ConverterTests.AssertMatrix("tcga_coad_xena.expected.tsv", Folder.Input("inputs/tcga_coad_fpkm_uq_symbols.tsv.gz"));
    }

    [Fact]
    public async Task Without_a_network_the_run_stops_with_one_line_and_writes_no_file()
    {
        var handler = new SocketsHttpHandler { ConnectCallback = (_, _) => throw new SocketException((int)SocketError.HostNotFound) };
        using var fetch = new ConnectedFetch(Folder, new FetchSettings { Backoff = TimeSpan.Zero }, _log.Add, handler);
        var e = await Assert.ThrowsAsync<FetchException>(() => fetch.RunAsync());
        Assert.Equal(FetchFailure.NoNetwork, e.Failure);
        Assert.StartsWith("no network: no origin could be reached (host names not resolved or network unreachable: api.gdc.cancer.gov", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Empty(_log);
        Assert.Empty(Directory.EnumerateFiles(Folder.Root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task The_command_line_runs_lists_verifies_and_refuses_bad_options()
    {
        using var origin = FixtureOrigins.World(_root);
        var args = new List<string> { "--connected-dir", Folder.Root, "--only", "blca_biotab_patient,string_v10_5", "--set", "backoff_s=0" };
        foreach (var h in FixtureOrigins.Hosts) args.AddRange(["--base-url", $"{h}={origin.BaseUrl}/{h}"]);
        var (code, stdout, stderr) = await Cli(args);
        Assert.Equal(0, code);
        Assert.Contains("string_v10_5\tfetched\toriginal\tprimary\tinputs/string_v10_5_edges.tsv", stdout);
        Assert.Contains("fetch-inputs: 2 of 2 input(s) ready", stdout);
        Assert.Contains("== string_v10_5", stderr);

        (code, stdout, _) = await Cli(["--connected-dir", Folder.Root, "--verify"]);
        Assert.Equal(0, code);
        Assert.Contains("2 recorded input(s) and 3 locked origin file(s) verified", stdout);

        (code, stdout, _) = await Cli(["--list", "--base-url", $"stringdb-static.org={origin.BaseUrl}/s"]);
        Assert.Equal(0, code);
        Assert.Contains($"primary: {origin.BaseUrl}/s/download/protein.links.v10.5/9606.protein.links.v10.5.txt.gz", stdout);
        Assert.Contains("hand-placed name: manual/GSE103990_Normalized_counts.txt.gz", stdout);

        (code, _, stderr) = await Cli(["--olny", "string_v10_5"]);
        Assert.Equal(2, code);
        Assert.Contains("unknown option '--olny' (did you mean --only?)", stderr);
        (code, _, stderr) = await Cli(["--only", "string_v105"]);
        Assert.Equal(2, code);
        Assert.Contains("did you mean string_v10_5?", stderr);
        (code, _, stderr) = await Cli(["--base-url", "stringdb-static.org"]);
        Assert.Equal(2, code);
        Assert.Contains("is not HOST=URL", stderr);

        // The environment variable overrides hosts too.
        var env = new Dictionary<string, string?> { [OriginOverrides.EnvironmentVariable] = $"stringdb-static.org={origin.BaseUrl}/e" };
        var options = FetchCommand.Parse(["--list"], _root, k => env.GetValueOrDefault(k));
        Assert.Equal($"{origin.BaseUrl}/e/x", options.Settings.Overrides.Apply(new Uri("https://stringdb-static.org/x")).ToString());

        // Without a network: exit code 3, one line on stderr.
        var handler = new SocketsHttpHandler { ConnectCallback = (_, _) => throw new SocketException((int)SocketError.HostNotFound) };
        var (o, err) = (new StringWriter(), new StringWriter());
        code = await FetchCommand.RunAsync(["--connected-dir", Path.Combine(_root, "offline")], _root, o, err, _ => null, handler);
        Assert.Equal(3, code);
        Assert.Single(err.ToString().TrimEnd('\n').Split('\n'));
        Assert.StartsWith("fetch-inputs: no network:", err.ToString());
    }

    private async Task<(int Code, string Stdout, string Stderr)> Cli(IReadOnlyList<string> args)
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        int code = await FetchCommand.RunAsync(args, _root, o, e, _ => null);
        return (code, o.ToString(), e.ToString());
    }
}
