using System.Globalization;
using System.Text.Json.Nodes;
using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Data.Remote;

/// <summary>What happened to one input in a run: fetched (derived now), up to date (cached), or failed (with the reason).</summary>
/// <param name="Id">The input's manifest id.</param>
/// <param name="State">fetched, up to date, or failed.</param>
/// <param name="Origin">The route that served it (primary, fallback N, manual).</param>
/// <param name="Status">original, successor, re-quantified, refit or older-version.</param>
/// <param name="File">Its path under data/connected/.</param>
/// <param name="Detail">The sha256 prefix, or the failure's one-line message.</param>
/// <param name="Failure">Why it failed (null unless State is "failed").</param>
public sealed record FetchOutcome(string Id, string State, string Origin, string Status, string File, string Detail, FetchFailure? Failure = null);

/// <summary>
/// The connected fetch: every input of <see cref="ConnectedSources.Inputs"/> from its origins (primary route first,
/// then the fallback routes), converted into the format a pipeline reader reads, and recorded in
/// <c>data/connected/inputs.tsv</c>. An input whose record says it was derived, by the same rule, from origin files that
/// are still present with the recorded sha256 is not rebuilt and needs no network. Without any reachable origin the
/// run stops with <see cref="FetchFailure.NoNetwork"/> after the first input that needed the network.
/// </summary>
public sealed class ConnectedFetch : IDisposable
{
    /// <summary>Bumped when a converter's output changes for the same inputs (invalidates the derived cache).</summary>
    public const string ConverterVersion = "v1";

    private readonly ConnectedFolder _folder;
    private readonly FetchSettings _settings;
    private readonly Action<string> _log;
    private readonly Downloader _downloader;
    private readonly FetchLock _lock;
    private readonly ConnectedRecord _record;
    private readonly OriginFetcher _fetcher;
    private readonly GdcApi _gdc;

    /// <summary>
    /// A fetch into <paramref name="folder"/> (created if absent); reads its lock file and record at once, touches the
    /// network only when <see cref="RunAsync"/> needs it.
    /// </summary>
    /// <param name="folder">Where everything is written (<c>data/connected/</c>).</param>
    /// <param name="settings">Overrides, transfer limits, converter settings.</param>
    /// <param name="log">Receives progress, fallbacks, counts, one line each.</param>
    /// <param name="handler">HTTP handler (tests; null: the default).</param>
    /// <param name="delay">Wait between retries (tests shorten it).</param>
    /// <exception cref="InputException">The lock file or the record exists but is malformed.</exception>
    public ConnectedFetch(ConnectedFolder folder, FetchSettings settings, Action<string> log, HttpMessageHandler? handler = null,
        Func<TimeSpan, CancellationToken, Task>? delay = null)
    {
        _folder = folder;
        _settings = settings;
        _sink = log;
        _log = Log;
        Directory.CreateDirectory(folder.Root);
        _downloader = new Downloader(settings, Log, handler, delay);
        _lock = FetchLock.Read(folder.LockPath);
        _record = ConnectedRecord.Read(folder.RecordPath);
        _fetcher = new OriginFetcher(folder, settings, _lock, _downloader, Log);
        _gdc = new GdcApi(_downloader, settings, folder, Log);
    }

    /// <summary>Releases the HTTP client.</summary>
    public void Dispose() => _downloader.Dispose();

    private readonly Action<string> _sink;
    private readonly List<string> _held = [];

    /// <summary>
    /// Until some server has answered, log lines are held back: without a network the run then ends with one line
    /// instead of a failure per origin.
    /// </summary>
    private void Log(string line)
    {
        if (!_downloader?.ReceivedResponse ?? true) { _held.Add(line); return; }
        Flush();
        _sink(line);
    }

    private void Flush()
    {
        foreach (var l in _held) _sink(l);
        _held.Clear();
    }

    /// <summary>The record of derived inputs (<c>inputs.tsv</c>), as this fetch has updated it.</summary>
    public ConnectedRecord Record => _record;

    /// <summary>The lock of origin files (<c>fetch.lock.tsv</c>), as this fetch has updated it.</summary>
    public FetchLock Lock => _lock;

    /// <summary>Fetches the inputs (all, or those named in <paramref name="only"/>), one after the other.</summary>
    /// <param name="only">Input ids to fetch (null: every input of <see cref="ConnectedSources.Inputs"/>).</param>
    /// <param name="ct">Cancels the transfers.</param>
    /// <returns>One outcome per input, in <see cref="ConnectedSources.Inputs"/> order; a failed input does not stop the others.</returns>
    /// <exception cref="ArgumentException">An id in <paramref name="only"/> is not an input (with a "did you mean").</exception>
    /// <exception cref="FetchException">NoNetwork: no origin could be reached and nothing came over the network.</exception>
    public async Task<IReadOnlyList<FetchOutcome>> RunAsync(IReadOnlyCollection<string>? only = null, CancellationToken ct = default)
    {
        if (only is not null)
        {
            var unknown = only.Where(id => ConnectedSources.Inputs.All(i => i.Id != id)).ToList();
            if (unknown.Count > 0)
                throw new ArgumentException($"unknown input(s) {string.Join(", ", unknown)}{Suggest(unknown[0])}; inputs: {string.Join(", ", ConnectedSources.Inputs.Select(i => i.Id))}");
        }
        var outcomes = new List<FetchOutcome>();
        foreach (var spec in ConnectedSources.Inputs.Where(i => only is null || only.Contains(i.Id)))
        {
            _log($"== {spec.Id}: {spec.Content}");
            try
            {
                outcomes.Add(await FetchInputAsync(spec, ct));
                Flush();
            }
            catch (FetchException e) when (e.Failure == FetchFailure.Unreachable && !_downloader.ReceivedResponse)
            {
                _held.Clear();
                throw new FetchException(FetchFailure.NoNetwork,
                    $"no network: no origin could be reached (host names not resolved or network unreachable: {string.Join(", ", _downloader.UnreachableHosts)}); " +
                    "no file was fetched or changed, and the offline run on the data mirror works as before");
            }
            catch (Exception e) when (e is FetchException or InputException)
            {
                Flush();
                _sink($"{spec.Id}: FAILED: {e.Message}");
                outcomes.Add(new FetchOutcome(spec.Id, "failed", "", "", spec.File, e.Message, (e as FetchException)?.Failure ?? FetchFailure.BadFormat));
            }
        }
        Flush();
        return outcomes;
    }

    private static string Suggest(string id) => NearMatch.Suggest(id, ConnectedSources.Inputs.Select(i => i.Id)) is { } s ? $" (did you mean {s}?)" : "";

    private Task<FetchOutcome> FetchInputAsync(ConnectedInputSpec spec, CancellationToken ct) => spec.Id switch
    {
        "string_v10_5" => StringAsync(spec, ct),
        "tcga_coad_fpkm_uq" => TcgaAsync(spec, "COAD", ct),
        "tcga_read_fpkm_uq" => TcgaAsync(spec, "READ", ct),
        "tcga_blca_fpkm_uq" => TcgaAsync(spec, "BLCA", ct),
        "blca_biotab_drug" => BiotabAsync(spec, "BLCA", "drug", ct),
        "blca_biotab_patient" => BiotabAsync(spec, "BLCA", "patient", ct),
        "read_biotab_drug" => BiotabAsync(spec, "READ", "drug", ct),
        "read_biotab_patient" => BiotabAsync(spec, "READ", "patient", ct),
        "coad_biotab_drug_gdc" => BiotabAsync(spec, "COAD", "drug", ct),
        "coad_biotab_patient_gdc" => BiotabAsync(spec, "COAD", "patient", ct),
        "blca_organoid_expression" => OrganoidExpressionAsync(spec, ct),
        "blca_organoid_response_published" => OrganoidResponseAsync(spec, ct),
        _ => throw new ArgumentException($"no fetch for input '{spec.Id}'"),
    };

    /// <summary>The cache key of an input's converter and the settings that shape its output.</summary>
    /// <param name="id">An input id.</param>
    public string RuleOf(string id) => ConverterVersion + ": " + id switch
    {
        "string_v10_5" => $"STRING links -> symbol edges, {_settings.Describe("string")}, both orders merged, highest score per symbol pair",
        var t when t.StartsWith("tcga_", StringComparison.Ordinal) => "Ensembl gene -> symbol (Xena probemap or STAR gene_name), _PAR_Y dropped, MaxMean per symbol, values log2(fpkm_uq + 1), all samples kept",
        var b when b.Contains("biotab", StringComparison.Ordinal) => "BCR biotab as served (format checked)",
        "blca_organoid_expression" => "GSE103990 columns -> organoid lines via the family SOFT, log2 scale, mean over passages, MaxMean per symbol",
        "blca_organoid_response_published" => $"Lee 2018 Table S3 (mmc{_settings.Lee2018TableS3Mmc}) replicates averaged; fallback CoderData 2.1.0 fit_auc median over organoid screens",
        _ => id,
    };

    // ------------------------------------------------------------------ inputs

    private async Task<FetchOutcome> StringAsync(ConnectedInputSpec spec, CancellationToken ct)
    {
        if (UpToDate(spec) is { } done) return done;
        var links = await _fetcher.GetAsync(ConnectedSources.StringLinks, ct);
        var aliases = await _fetcher.GetAsync(ConnectedSources.StringAliasesFile, ct);
        string origin = links.Origin == aliases.Origin ? links.Origin : $"links: {links.Origin}; aliases: {aliases.Origin}";
        return Derive(spec, [links, aliases], origin, "original", (outputs, log) =>
        {
            var symbols = StringAliases.ReadSymbols(aliases.Path, _settings.StringAliasSources, log);
            StringNetwork.Convert(links.Path, symbols, _settings.StringMinScore, outputs[0], log);
        });
    }

    private async Task<FetchOutcome> TcgaAsync(ConnectedInputSpec spec, string project, CancellationToken ct)
    {
        if (UpToDate(spec) is { } done) return done;
        var routes = new List<(string Label, string Status, Func<Task<FetchOutcome>> Run)>
        {
            ("primary route (Xena htseq_fpkm-uq, GENCODE v22: the authors' processing)", "original", () => XenaRoute(spec, project, "htseq_fpkm-uq", ConnectedSources.ProbemapV22, "primary route (Xena htseq_fpkm-uq)", "original", ct)),
            ("fallback 1 (Xena star_fpkm-uq, GENCODE v36)", "successor", () => XenaRoute(spec, project, "star_fpkm-uq", ConnectedSources.ProbemapV36, "fallback 1 (Xena star_fpkm-uq)", "successor", ct)),
            ("fallback 2 (GDC API, STAR - Counts files)", "successor", () => GdcStarRoute(spec, project, "fallback 2 (GDC API STAR - Counts)", ct)),
        };
        return await RunRoutes(spec, routes);
    }

    private async Task<FetchOutcome> XenaRoute(ConnectedInputSpec spec, string project, string dataset, string probemapName, string label, string status, CancellationToken ct)
    {
        var matrix = await _fetcher.GetAsync(ConnectedSources.XenaMatrixFile(project, dataset), ct);
        var probemap = await _fetcher.GetAsync(ConnectedSources.ProbemapFile(probemapName), ct);
        return Derive(spec, [matrix, probemap], $"{label}: {matrix.Origin}", status, (outputs, log) =>
            XenaMatrix.Convert(matrix.Path, Probemap.Read(probemap.Path), outputs[0], log));
    }

    private async Task<FetchOutcome> GdcStarRoute(ConnectedInputSpec spec, string project, string label, CancellationToken ct)
    {
        string tag = $"TCGA-{project} STAR - Counts";
        string listKey = $"gdc/TCGA-{project}.star_counts.files.tsv";
        var filters = GdcApi.And(
            GdcApi.In("cases.project.project_id", $"TCGA-{project}"),
            GdcApi.In("files.data_type", "Gene Expression Quantification"),
            GdcApi.In("files.analysis.workflow_type", "STAR - Counts"),
            GdcApi.In("files.access", "open"));
        var hits = await _gdc.QueryFilesAsync(filters, "file_id,file_name,md5sum,file_size,cases.submitter_id,cases.samples.submitter_id,cases.samples.sample_type", tag, ct);
        var usable = hits.Where(h => h.SampleIds.Count == 1).OrderBy(h => h.FileId, StringComparer.Ordinal).ToList();
        if (usable.Count < hits.Count) _log($"{tag}: {hits.Count - usable.Count} file(s) without exactly one sample left out");
        if (usable.Count == 0) throw new FetchException(FetchFailure.NotServed, $"{_gdc.Endpoint("/files")}: no STAR - Counts file for TCGA-{project}");

        string KeyOf(GdcFileHit h) => $"gdc/TCGA-{project}/{h.FileId}/{h.FileName}";
        var local = new Dictionary<string, FetchedFile>(StringComparer.Ordinal);
        var missing = new List<GdcFileHit>();
        foreach (var h in usable)
        {
            string raw = _folder.Raw(KeyOf(h)), manual = _folder.Manual(Path.Combine("gdc", h.FileId, h.FileName));
            string? path = File.Exists(raw) ? raw : File.Exists(manual) ? manual : null;
            if (path is null) { missing.Add(h); continue; }
            local[h.FileId] = Accept(h, path, KeyOf(h), path == manual ? "manual" : "earlier run", path == manual ? "manual:" + path : _lock.Find(KeyOf(h))?.Url ?? "(earlier run)");
        }
        if (missing.Count > 0)
            await _gdc.DownloadAsync(missing, tag, (h, temp) =>
            {
                StarCounts.CheckFormat(temp);
                string raw = _folder.Raw(KeyOf(h));
                local[h.FileId] = Accept(h, temp, KeyOf(h), label, $"POST {_gdc.Endpoint("/data")}");
                Directory.CreateDirectory(Path.GetDirectoryName(raw)!);
                File.Move(temp, raw);
                local[h.FileId] = local[h.FileId] with { Path = raw };
                return Task.CompletedTask;
            }, ct);

        // The list of files used is itself an origin file (locked): a later /files answer that differs is refused.
        var table = TsvTable.From(usable, ("file_id", h => h.FileId), ("file_name", h => h.FileName), ("sample", h => h.SampleIds[0]),
            ("md5", h => h.Md5 ?? ""), ("bytes", h => local[h.FileId].Bytes), ("sha256", h => local[h.FileId].Sha256));
        string listPath = _folder.Raw(listKey);
        string listTemp = listPath + ".partial";
        Directory.CreateDirectory(Path.GetDirectoryName(listPath)!);
        File.WriteAllText(listTemp, table.ToTsv());
        var (listBytes, listSha) = OriginFetcher.Measure(listTemp);
        _lock.Verify(listKey, listPath, listBytes, listSha, $"POST {_gdc.Endpoint("/files")} (TCGA-{project}, STAR - Counts, {usable.Count} files)", label, OriginFetcher.RefreshHint($"gdc/TCGA-{project}"));
        File.Move(listTemp, listPath, overwrite: true);
        var list = new FetchedFile(listKey, listPath, listBytes, listSha, $"POST {_gdc.Endpoint("/files")}; POST {_gdc.Endpoint("/data")}", label, true, null);
        return Derive(spec, [list], label, "successor", (outputs, log) =>
            StarCounts.Convert(usable.Select(h => (h.SampleIds[0], local[h.FileId].Path)).ToList(), outputs[0], tag, log));
    }

    /// <summary>Checks a GDC file's md5 (from /files) and its lock entry.</summary>
    private FetchedFile Accept(GdcFileHit h, string path, string key, string origin, string url)
    {
        if (h.Md5 is not null && !string.Equals(GdcApi.Md5(path), h.Md5, StringComparison.OrdinalIgnoreCase))
            throw new FetchException(FetchFailure.BadFormat, $"{path}: md5 differs from the {h.Md5} GDC /files gives for {h.FileId}; delete it to fetch it again");
        var (bytes, sha) = OriginFetcher.Measure(path);
        _lock.Verify(key, path, bytes, sha, url, origin, OriginFetcher.RefreshHint(key));
        return new FetchedFile(key, path, bytes, sha, url, origin, origin != "earlier run" && origin != "manual", null);
    }

    private async Task<FetchOutcome> BiotabAsync(ConnectedInputSpec spec, string project, string kind, CancellationToken ct)
    {
        if (UpToDate(spec) is { } done) return done;
        string name = ConnectedSources.BiotabName(project, kind);
        var known = (project, kind) switch
        {
            ("COAD", "drug") => "62a5161e8f710efdb72a45a32a1a8af0912fdbb4d6c746ef221552dcd1fd3e3e",
            ("COAD", "patient") => "8b456d84c8592794636cbfe14d35c78f293dde55d4d1e1aa99a6ff47d374efaf",
            _ => null,
        };
        RemoteFile File(params Origin[] origins) => ConnectedSources.Biotab(project, kind, origins) with
        { KnownSha256 = known, KnownShaSource = known is null ? null : $"the authors' 2019 GDC download (data/manifest.tsv coad_biotab_{kind})" };
        string? uuid = ConnectedSources.BiotabUuids[(project, kind)];
        var routes = new List<(string Label, string Status, Func<Task<FetchOutcome>> Run)>();
        if (uuid is not null)
            routes.Add(("primary (GDC file UUID)", "original", async () =>
            {
                var f = await _fetcher.GetAsync(File(new Origin("primary (GDC file UUID)", HttpRequestSpec.Get(new Uri($"{GdcApi.BaseUrl}/data/{uuid}")))), ct);
                return CopyBiotab(spec, f, "original");
            }));
        string queryLabel = uuid is null ? "primary (GDC /files query on data_format BCR Biotab: the UUID public code gives is truncated)" : "fallback 1 (GDC /files query on data_format BCR Biotab)";
        routes.Add((queryLabel, "original", async () =>
        {
            var hits = await _gdc.QueryFilesAsync(GdcApi.And(GdcApi.In("cases.project.project_id", $"TCGA-{project}"), GdcApi.In("files.data_format", "BCR Biotab")),
                "file_id,file_name,data_format,md5sum,file_size", $"TCGA-{project} biotabs", ct);
            var hit = hits.Where(h => h.FileName == name).ToList();
            if (hit.Count != 1)
                throw new FetchException(FetchFailure.NotServed, $"{_gdc.Endpoint("/files")}: {hit.Count} BCR Biotab file(s) named {name} among {hits.Count} ({string.Join(", ", hits.Select(h => h.FileName).Order(StringComparer.Ordinal).Take(6))}{(hits.Count > 6 ? ", ..." : "")})");
            _log($"{name}: GDC file id {hit[0].FileId}");
            var f = await _fetcher.GetAsync(File(new Origin(queryLabel, HttpRequestSpec.Get(new Uri($"{GdcApi.BaseUrl}/data/{hit[0].FileId}")))), ct);
            return CopyBiotab(spec, f, "original");
        }));
        if ((project, kind) == ("BLCA", "drug"))
            routes.Add(("fallback (kemplab/FBA-pipeline GitHub copy: legacy archive, ~2016; an OLDER version, different bytes)", "older-version", async () =>
            {
                var f = await _fetcher.GetAsync(File(Origin.Get("fallback (kemplab GitHub copy, older version)", ConnectedSources.KemplabBlcaDrug)) with { ServedName = null }, ct);
                return CopyBiotab(spec, f, "older-version");
            }));
        return await RunRoutes(spec, routes);
    }

    private FetchOutcome CopyBiotab(ConnectedInputSpec spec, FetchedFile f, string status) =>
        Derive(spec, [f], f.Origin, status, (outputs, log) =>
        {
            File.Copy(f.Path, outputs[0], overwrite: true);
            var rows = TcgaClinical.ReadBiotab(outputs[0]).Rows.Count;
            log.Record($"{Path.GetFileName(f.Path)}: data rows", rows, rows, "3 header rows checked; copied as served");
        });

    private async Task<FetchOutcome> OrganoidExpressionAsync(ConnectedInputSpec spec, CancellationToken ct)
    {
        if (UpToDate(spec, ConnectedSources.OrganoidSampleMapId) is { } done) return done;
        var routes = new List<(string Label, string Status, Func<Task<FetchOutcome>> Run)>
        {
            ("primary (the authors' GSE103990_Normalized_counts.txt.gz + family SOFT)", "original", async () =>
            {
                var counts = await _fetcher.GetAsync(ConnectedSources.Lee2018Counts, ct);
                var soft = await _fetcher.GetAsync(ConnectedSources.Lee2018Soft, ct);
                return Derive(spec, [counts, soft], "primary (authors' normalised counts)", "original", (outputs, log) =>
                    WriteSampleMap(Lee2018Organoids.ConvertAuthorsCounts(counts.Path, soft.Path, outputs[0], log), outputs[1]),
                    (ConnectedSources.OrganoidSampleMapId, ConnectedSources.OrganoidSampleMapFile));
            }),
            ("fallback 1 (NCBI re-quantification, TPM, Entrez IDs + family SOFT)", "re-quantified", async () =>
            {
                var tpm = await _fetcher.GetAsync(ConnectedSources.Lee2018NcbiTpm, ct);
                var annotation = await _fetcher.GetAsync(ConnectedSources.NcbiHumanAnnotation, ct);
                var soft = await _fetcher.GetAsync(ConnectedSources.Lee2018Soft, ct);
                return Derive(spec, [tpm, annotation, soft], "fallback 1 (NCBI re-quantification, TPM)", "re-quantified", (outputs, log) =>
                    WriteSampleMap(Lee2018Organoids.ConvertNcbiTpm(tpm.Path, annotation.Path, soft.Path, outputs[0], log), outputs[1]),
                    (ConnectedSources.OrganoidSampleMapId, ConnectedSources.OrganoidSampleMapFile));
            }),
        };
        return await RunRoutes(spec, routes);
    }

    private static void WriteSampleMap(IReadOnlyList<Lee2018Sample> samples, string path) =>
        TsvTable.From(samples, ("gsm", s => s.Gsm), ("title", s => s.Title), ("column", s => s.Column), ("line", s => s.Line),
            ("passage", s => s.Passage?.ToString(CultureInfo.InvariantCulture) ?? ""), ("kind", s => s.Kind)).Write(path);

    private async Task<FetchOutcome> OrganoidResponseAsync(ConnectedInputSpec spec, CancellationToken ct)
    {
        if (UpToDate(spec) is { } done) return done;
        int mmc = _settings.Lee2018TableS3Mmc;
        var routes = new List<(string Label, string Status, Func<Task<FetchOutcome>> Run)>
        {
            ($"primary (Lee 2018 Table S3, Elsevier mmc{mmc}: the file number is UNCONFIRMED, set with --set lee2018.table_s3_mmc=N)", "original", async () =>
            {
                var xlsx = await _fetcher.GetAsync(ConnectedSources.Lee2018TableS3(mmc), ct);
                return Derive(spec, [xlsx], $"primary (Table S3, mmc{mmc})", "original", (outputs, log) =>
                    Lee2018ResponseTables.Write(Lee2018ResponseTables.FromTableS3(xlsx.Path, log), outputs[0]));
            }),
            ("fallback 1 (CoderData 2.1.0 re-release: a REFIT of the raw curves, not the paper's values)", "refit", async () =>
            {
                var files = new List<FetchedFile>();
                foreach (var f in ConnectedSources.CoderDataFiles) files.Add(await _fetcher.GetAsync(f, ct));
                return Derive(spec, files, "fallback 1 (CoderData 2.1.0 refit)", "refit", (outputs, log) =>
                    Lee2018ResponseTables.Write(Lee2018ResponseTables.FromCoderData(files[0].Path, files[1].Path, files[2].Path, log), outputs[0]));
            }),
        };
        return await RunRoutes(spec, routes);
    }

    // ------------------------------------------------------------------ routes, cache, record

    /// <summary>Tries each route in order; a route that fails (not served, failed, bad format) hands over to the next.</summary>
    private async Task<FetchOutcome> RunRoutes(ConnectedInputSpec spec, IReadOnlyList<(string Label, string Status, Func<Task<FetchOutcome>> Run)> routes)
    {
        var errors = new List<FetchException>();
        for (int i = 0; i < routes.Count; i++)
        {
            if (i > 0) _log($"{spec.Id}: trying {routes[i].Label}");
            try
            {
                var outcome = await routes[i].Run();
                if (i > 0) _log($"{spec.Id}: used {routes[i].Label} (after {string.Join("; ", routes.Take(i).Select(r => r.Label + " failed"))})");
                return outcome;
            }
            catch (FetchException e) when (e.Failure is FetchFailure.NotServed or FetchFailure.Failed or FetchFailure.BadFormat or FetchFailure.Unreachable)
            {
                errors.Add(e);
                _log($"{spec.Id}: {routes[i].Label} failed: {e.Message}");
            }
            catch (InputException e)
            {
                errors.Add(new FetchException(FetchFailure.BadFormat, e.Message));
                _log($"{spec.Id}: {routes[i].Label} failed: {e.Message}");
            }
        }
        var kind = errors.All(e => e.Failure == FetchFailure.Unreachable) ? FetchFailure.Unreachable : FetchFailure.Failed;
        throw new FetchException(kind, $"{spec.Id}: every route failed: {string.Join(" | ", errors.Select(e => e.Message))}");
    }

    /// <summary>
    /// The record's row when the input is up to date: same rule, every origin file present with its recorded sha256
    /// (and agreeing with the lock), every output present with its recorded sha256. Null otherwise.
    /// </summary>
    private FetchOutcome? UpToDate(ConnectedInputSpec spec, params string[] sideIds)
    {
        var row = _record.Find(spec.Id);
        if (row is null || row.Rule != RuleOf(spec.Id) || row.File != spec.File) return null;
        foreach (var side in sideIds)
        {
            var s = _record.Find(side);
            if (s is null || s.DerivedFrom != row.DerivedFrom || !Matches(_folder.Input(s.File), s.Sha256)) return null;
        }
        if (!Matches(_folder.Input(row.File), row.Sha256)) return null;
        foreach (var stamp in row.DerivedFrom.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            int at = stamp.LastIndexOf('@');
            string key = stamp[..at], sha = stamp[(at + 1)..];
            var entry = _lock.Find(key);
            if (entry is null || entry.Sha256 != sha) return null;
            string path = entry.Url.StartsWith("manual:", StringComparison.Ordinal) ? entry.Url["manual:".Length..] : _folder.Raw(key);
            if (!Matches(path, sha)) return null;
            if (key.EndsWith(".files.tsv", StringComparison.Ordinal) && !ListedFilesMatch(path)) return null;
        }
        _log($"{spec.Id}: up to date ({row.File}, derived {row.Date} from {row.DerivedFrom.Split(';').Length} origin file(s) whose sha256 still match; not rebuilt)");
        return new FetchOutcome(spec.Id, "up to date", row.Origin, row.Status, row.File, $"sha256 {row.Sha256[..12]}...");
    }

    /// <summary>Every file a GDC file list names is present and matches its lock entry.</summary>
    private bool ListedFilesMatch(string listPath)
    {
        var t = TsvFiles.Read(listPath);
        int id = t.ColumnIndex("file_id"), name = t.ColumnIndex("file_name"), sha = t.ColumnIndex("sha256");
        string project = Path.GetFileName(listPath).Split('.')[0];
        foreach (var r in t.Rows)
        {
            string key = $"gdc/{project}/{r[id]}/{r[name]}";
            var entry = _lock.Find(key);
            if (entry is null || entry.Sha256 != r[sha]) return false;
            string path = entry.Url.StartsWith("manual:", StringComparison.Ordinal) ? entry.Url["manual:".Length..] : _folder.Raw(key);
            if (!Matches(path, r[sha])) return false;
        }
        return true;
    }

    private static bool Matches(string path, string sha) => File.Exists(path) && OriginFetcher.Measure(path).Sha256 == sha;

    /// <summary>
    /// Converts into temporary files, then renames them into place and records them (a failed conversion leaves the
    /// previous input and its record intact). The counts go to the log and to <c>inputs/&lt;id&gt;.counts.tsv</c>.
    /// </summary>
    private FetchOutcome Derive(ConnectedInputSpec spec, IReadOnlyList<FetchedFile> sources, string origin, string status,
        Action<IReadOnlyList<string>, CountLog> convert, params (string Id, string File)[] sideOutputs)
    {
        var outputs = new List<(string Id, string File)> { (spec.Id, spec.File) };
        outputs.AddRange(sideOutputs);
        var finals = outputs.Select(o => _folder.Input(o.File)).ToList();
        // Temporary names keep the extension (".partial.NAME"): writers choose gzip by it.
        var temps = finals.Select(f => Path.Combine(Path.GetDirectoryName(f)!, ".partial." + Path.GetFileName(f))).ToList();
        foreach (var f in finals) Directory.CreateDirectory(Path.GetDirectoryName(f)!);
        var log = new CountLog(line => _log($"  {line}"));
        try
        {
            convert(temps, log);
        }
        catch
        {
            foreach (var t in temps) if (File.Exists(t)) File.Delete(t);
            throw;
        }
        string derivedFrom = string.Join(";", sources.Select(s => s.Stamp));
        string urls = string.Join(" ", sources.Select(s => s.Url).Distinct(StringComparer.Ordinal));
        string date = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        ConnectedInput? main = null;
        for (int i = 0; i < outputs.Count; i++)
        {
            File.Move(temps[i], finals[i], overwrite: true);
            var (bytes, sha) = OriginFetcher.Measure(finals[i]);
            var row = new ConnectedInput(outputs[i].Id, outputs[i].File, sha, bytes, derivedFrom, RuleOf(spec.Id), urls, origin, status, date);
            _record.Upsert(row);
            main ??= row;
        }
        TsvTable.From(log.Entries, ("step", e => e.Step), ("before", e => e.Before), ("after", e => e.After), ("rule", e => e.Rule))
            .Write(_folder.Input(Path.ChangeExtension(spec.File.Replace(".tsv.gz", ".tsv"), null) + ".counts.tsv"));
        _log($"{spec.Id}: wrote {spec.File} ({TransferProgress.Bytes(main!.Bytes)}, sha256 {main.Sha256[..12]}...), {status}, from {origin}");
        return new FetchOutcome(spec.Id, "fetched", origin, status, spec.File, $"sha256 {main.Sha256[..12]}...");
    }

    // ------------------------------------------------------------------ maintenance

    /// <summary>
    /// Forgets an input (its record rows and derived files) or origin files (lock entries and raw copies) so the next
    /// run fetches them again and records them anew. <paramref name="target"/>: an input id, a raw key, a key prefix
    /// (e.g. <c>gdc/TCGA-COAD</c>), or <c>all</c>. Files placed by hand are never deleted.
    /// </summary>
    /// <param name="target">An input id, a raw key or key prefix, or "all".</param>
    /// <returns>One line per record row removed and lock entry forgotten.</returns>
    /// <exception cref="ArgumentException">Nothing recorded matches <paramref name="target"/>.</exception>
    public IReadOnlyList<string> Refresh(string target)
    {
        var done = new List<string>();
        bool all = target == "all";
        foreach (var spec in ConnectedSources.Inputs.Where(s => all || s.Id == target))
        {
            var row = _record.Find(spec.Id);
            var keys = row?.DerivedFrom.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(s => s[..s.LastIndexOf('@')]).ToList() ?? [];
            foreach (var id in new[] { spec.Id, ConnectedSources.OrganoidSampleMapId }.Where(id => id == spec.Id || spec.Id == "blca_organoid_expression"))
                if (_record.Find(id) is { } r)
                {
                    DeleteIfExists(_folder.Input(r.File));
                    _record.Remove(id);
                    done.Add($"record: {id} ({r.File}) removed");
                }
            foreach (var key in keys) done.AddRange(ForgetKeys(k => k == key || (key.EndsWith(".files.tsv", StringComparison.Ordinal) && k.StartsWith(key[..key.IndexOf('.')] + "/", StringComparison.Ordinal))));
        }
        if (!all && done.Count == 0) done.AddRange(ForgetKeys(k => k == target || k.StartsWith(target.TrimEnd('/') + "/", StringComparison.Ordinal) || k.StartsWith(target + ".", StringComparison.Ordinal)));
        if (all) done.AddRange(ForgetKeys(_ => true));
        if (done.Count == 0)
            throw new ArgumentException($"--refresh {target}: no recorded input or origin file matches (inputs: {string.Join(", ", ConnectedSources.Inputs.Select(i => i.Id))}; origin files: see {_folder.LockPath})");
        return done;
    }

    private IEnumerable<string> ForgetKeys(Func<string, bool> match)
    {
        var manual = _lock.Entries.Where(e => match(e.File)).ToDictionary(e => e.File, e => e.Url.StartsWith("manual:", StringComparison.Ordinal));
        foreach (var key in _lock.Remove(match))
        {
            if (!manual[key]) DeleteIfExists(_folder.Raw(key));
            yield return $"lock: {key} forgotten{(manual[key] ? " (the file placed by hand is kept)" : "")}";
        }
    }

    private static void DeleteIfExists(string path)
    {
        if (File.Exists(path)) File.Delete(path);
    }

    /// <summary>Checks every recorded input and locked origin file on disk, without the network. Returns the problems.</summary>
    public IReadOnlyList<string> Verify()
    {
        var problems = new List<string>();
        foreach (var e in _lock.Entries)
        {
            string path = e.Url.StartsWith("manual:", StringComparison.Ordinal) ? e.Url["manual:".Length..] : _folder.Raw(e.File);
            if (!File.Exists(path)) problems.Add($"{path}: missing (locked {e.FirstFetched} from {e.Url})");
            else if (OriginFetcher.Measure(path) is var (bytes, sha) && sha != e.Sha256)
                problems.Add($"{path}: sha256 {sha} ({bytes} bytes) differs from the lock's {e.Sha256} ({e.Bytes} bytes); {OriginFetcher.RefreshHint(e.File)} if the change is intended");
        }
        foreach (var r in _record.Rows)
        {
            string path = _folder.Input(r.File);
            if (!File.Exists(path)) problems.Add($"{path}: missing (recorded {r.Date}); rerun scripts/fetch-inputs");
            else if (OriginFetcher.Measure(path).Sha256 != r.Sha256) problems.Add($"{path}: sha256 differs from {_folder.RecordPath}; rerun scripts/fetch-inputs (it rebuilds it from the locked origin files)");
            foreach (var stamp in r.DerivedFrom.Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                string key = stamp[..stamp.LastIndexOf('@')], sha = stamp[(stamp.LastIndexOf('@') + 1)..];
                if (_lock.Find(key)?.Sha256 != sha) problems.Add($"{r.Id}: derived from {key} with sha256 {sha[..12]}..., which the lock does not hold; rerun scripts/fetch-inputs");
            }
        }
        return problems;
    }

    /// <summary>The plan: each input, its routes' origin files and URLs (after overrides) and the hand-placement names.</summary>
    /// <param name="settings">The settings whose overrides and Table S3 number apply.</param>
    /// <returns>Indented text lines, nothing fetched.</returns>
    public static IReadOnlyList<string> Plan(FetchSettings settings)
    {
        var lines = new List<string>();
        void Files(string route, IEnumerable<RemoteFile> files)
        {
            lines.Add($"  {route}");
            foreach (var f in files)
            {
                lines.Add($"    {f.Key}  (hand-placed name: manual/{f.HandPlacedName}; {f.Format})");
                foreach (var o in f.Origins) lines.Add($"      {o.Label}: {settings.Overrides.Apply(o.Request.Url).AbsoluteUri}");
            }
        }
        string gdc = settings.Overrides.Apply(new Uri(GdcApi.BaseUrl)).AbsoluteUri.TrimEnd('/');
        foreach (var spec in ConnectedSources.Inputs)
        {
            lines.Add($"{spec.Id} -> data/connected/{spec.File}: {spec.Content}");
            switch (spec.Id)
            {
                case "string_v10_5":
                    Files("STRING v10.5", [ConnectedSources.StringLinks, ConnectedSources.StringAliasesFile]);
                    break;
                case var t when t.StartsWith("tcga_", StringComparison.Ordinal):
                    string p = t.Split('_')[1].ToUpperInvariant();
                    Files("primary route: Xena htseq_fpkm-uq (GENCODE v22)", [ConnectedSources.XenaMatrixFile(p, "htseq_fpkm-uq"), ConnectedSources.ProbemapFile(ConnectedSources.ProbemapV22)]);
                    Files("fallback 1: Xena star_fpkm-uq (GENCODE v36)", [ConnectedSources.XenaMatrixFile(p, "star_fpkm-uq"), ConnectedSources.ProbemapFile(ConnectedSources.ProbemapV36)]);
                    lines.Add($"  fallback 2: GDC API: POST {gdc}/files (TCGA-{p}, STAR - Counts, paged), POST {gdc}/data (tar.gz batches of {settings.GdcBatchSize}); hand-placed: manual/gdc/<file_id>/<file_name> (gdc-client layout)");
                    break;
                case var b when b.Contains("biotab", StringComparison.Ordinal):
                    var parts = b.Split('_');
                    string project = parts[0].ToUpperInvariant(), kind = parts[2];
                    var uuid = ConnectedSources.BiotabUuids[(project, kind)];
                    lines.Add($"  {(uuid is null ? "" : $"primary: GET {gdc}/data/{uuid}; ")}{(uuid is null ? "primary" : "fallback 1")}: POST {gdc}/files (data_format BCR Biotab) then GET {gdc}/data/<file_id>" +
                              (b == "blca_biotab_drug" ? $"; fallback: {settings.Overrides.Apply(new Uri(ConnectedSources.KemplabBlcaDrug)).AbsoluteUri} (older version)" : ""));
                    lines.Add($"    gdc/biotab/{ConnectedSources.BiotabName(project, kind)}  (hand-placed name: manual/{ConnectedSources.BiotabName(project, kind)})");
                    break;
                case "blca_organoid_expression":
                    Files("primary: authors' normalised counts", [ConnectedSources.Lee2018Counts, ConnectedSources.Lee2018Soft]);
                    Files("fallback 1: NCBI re-quantification (TPM)", [ConnectedSources.Lee2018NcbiTpm, ConnectedSources.NcbiHumanAnnotation, ConnectedSources.Lee2018Soft]);
                    break;
                case "blca_organoid_response_published":
                    Files($"primary: Lee 2018 Table S3 (mmc{settings.Lee2018TableS3Mmc}, UNCONFIRMED)", [ConnectedSources.Lee2018TableS3(settings.Lee2018TableS3Mmc)]);
                    Files("fallback 1: CoderData 2.1.0 (refit, not the paper's values)", ConnectedSources.CoderDataFiles);
                    break;
            }
        }
        return lines;
    }
}
