using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Data.Remote;

/// <summary>One file of a GDC <c>/files</c> answer.</summary>
/// <param name="FileId">The GDC file UUID.</param>
/// <param name="FileName">The file's name (also its name inside /data archives: id/name).</param>
/// <param name="Md5">md5sum as the API gives it (checked after download).</param>
/// <param name="Size">file_size in bytes.</param>
/// <param name="DataFormat">data_format (e.g. BCR Biotab), when requested.</param>
/// <param name="SampleIds">cases[].samples[].submitter_id (16-character sample barcodes), in answer order.</param>
public sealed record GdcFileHit(string FileId, string FileName, string? Md5, long? Size, IReadOnlyList<string> SampleIds, string? DataFormat);

/// <summary>
/// The GDC API (https://api.gdc.cancer.gov): <c>POST /files</c> queries with pagination (the API returns 10 hits unless
/// <c>size</c> is set; <c>from</c> pages through <c>pagination.total</c>), and <c>POST /data</c> downloads of several
/// files as one tar.gz holding <c>MANIFEST.txt</c> (<c>id filename md5 size state</c>; annotation rows have a literal
/// <c>\N</c> id) and <c>&lt;file_id&gt;/&lt;file_name&gt;</c>. Every extracted file is checked against the manifest's md5 and
/// size and against the md5 the query gave.
/// </summary>
public sealed class GdcApi
{
    /// <summary>The GDC API's base URL, before base-URL overrides.</summary>
    public const string BaseUrl = "https://api.gdc.cancer.gov";

    private readonly Downloader _downloader;
    private readonly FetchSettings _settings;
    private readonly ConnectedFolder _folder;
    private readonly Action<string> _log;

    /// <summary>A client that transfers through <paramref name="downloader"/> and writes work files under the folder's <c>work/</c>.</summary>
    /// <param name="downloader">Performs the POST transfers (retried; not resumed).</param>
    /// <param name="settings">Base-URL overrides, page and batch sizes.</param>
    /// <param name="folder">The connected folder.</param>
    /// <param name="log">Receives one line per page or batch.</param>
    public GdcApi(Downloader downloader, FetchSettings settings, ConnectedFolder folder, Action<string> log)
    {
        _downloader = downloader;
        _settings = settings;
        _folder = folder;
        _log = log;
    }

    /// <summary>The URL of an endpoint after base-URL overrides.</summary>
    /// <param name="path">The endpoint's path, e.g. "/files".</param>
    public Uri Endpoint(string path) => _settings.Overrides.Apply(new Uri(BaseUrl + path));

    /// <summary>A filter <c>{"op":"in","content":{"field":F,"value":[V]}}</c>.</summary>
    /// <param name="field">The GDC field, e.g. "cases.project.project_id".</param>
    /// <param name="values">The accepted values.</param>
    public static JsonObject In(string field, params string[] values) =>
        new() { ["op"] = "in", ["content"] = new JsonObject { ["field"] = field, ["value"] = new JsonArray(values.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray()) } };

    /// <summary>Filters joined by "and".</summary>
    /// <param name="filters">The filters, all of which must hold.</param>
    public static JsonObject And(params JsonObject[] filters) => new() { ["op"] = "and", ["content"] = new JsonArray(filters.Cast<JsonNode>().ToArray()) };

    /// <summary>All hits of a <c>/files</c> query, page by page.</summary>
    /// <param name="filters">The query's filters.</param>
    /// <param name="fields">Comma-separated fields to return (file_id and file_name are needed).</param>
    /// <param name="label">What is queried, for log lines.</param>
    /// <param name="ct">Cancels the transfers.</param>
    /// <exception cref="FetchException">A transfer failed, or an answer is not a valid /files answer (BadFormat).</exception>
    public async Task<IReadOnlyList<GdcFileHit>> QueryFilesAsync(JsonObject filters, string fields, string label, CancellationToken ct = default)
    {
        var hits = new List<GdcFileHit>();
        int from = 0, page = 0;
        long? total = null;
        Directory.CreateDirectory(_folder.WorkDir);
        while (total is null || from < total)
        {
            page++;
            var body = new JsonObject
            {
                ["filters"] = filters.DeepClone(),
                ["fields"] = fields,
                ["format"] = "JSON",
                ["size"] = _settings.GdcPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["from"] = from.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            string temp = Path.Combine(_folder.WorkDir, $"files-{Guid.NewGuid():N}.json");
            try
            {
                await _downloader.DownloadAsync(HttpRequestSpec.PostJson(Endpoint("/files"), body.ToJsonString()), temp, $"{label} /files page {page}", ct);
                var (pageHits, pageTotal) = ParseFilesAnswer(temp, Endpoint("/files").ToString());
                total = pageTotal;
                hits.AddRange(pageHits);
                if (pageHits.Count == 0) break;
                from += pageHits.Count;
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
        }
        if (total is long t && hits.Count != t)
            throw new FetchException(FetchFailure.Failed, $"{Endpoint("/files")}: {hits.Count} hits received where pagination.total says {t} ({label})");
        var dup = hits.GroupBy(h => h.FileId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new FetchException(FetchFailure.Failed, $"{Endpoint("/files")}: file {dup.Key} returned twice across pages ({label}); rerun (the index changed during paging?)");
        _log($"{label}: {hits.Count} file(s) in {page} page(s) of {_settings.GdcPageSize}");
        return hits;
    }

    /// <summary>Parses a <c>/files</c> JSON answer: <c>{"data":{"hits":[...],"pagination":{"total":N,...}},"warnings":{}}</c>.</summary>
    /// <param name="path">The answer, saved to a file.</param>
    /// <param name="source">The request, for error messages.</param>
    /// <returns>The page's hits and the query's total hit count.</returns>
    /// <exception cref="FetchException">BadFormat: not JSON, no data.hits or pagination.total, or a hit without an id or file_name.</exception>
    public static (IReadOnlyList<GdcFileHit> Hits, long Total) ParseFilesAnswer(string path, string source)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw new FetchException(FetchFailure.BadFormat, $"{source}: the answer is not JSON ({e.Message.Split('.')[0]})");
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (!root.TryGetProperty("data", out var data) || !data.TryGetProperty("hits", out var hitsArray) || hitsArray.ValueKind != JsonValueKind.Array
                || !data.TryGetProperty("pagination", out var pagination) || !pagination.TryGetProperty("total", out var totalElement))
                throw new FetchException(FetchFailure.BadFormat, $"{source}: the answer lacks data.hits or data.pagination.total");
            var hits = new List<GdcFileHit>();
            foreach (var h in hitsArray.EnumerateArray())
            {
                string id = Str(h, "file_id") ?? Str(h, "id") ?? throw new FetchException(FetchFailure.BadFormat, $"{source}: a hit without file_id or id");
                string name = Str(h, "file_name") ?? throw new FetchException(FetchFailure.BadFormat, $"{source}: hit {id} without file_name (add it to fields)");
                long? size = h.TryGetProperty("file_size", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt64() : null;
                var samples = new List<string>();
                if (h.TryGetProperty("cases", out var cases) && cases.ValueKind == JsonValueKind.Array)
                    foreach (var c in cases.EnumerateArray())
                        if (c.TryGetProperty("samples", out var smp) && smp.ValueKind == JsonValueKind.Array)
                            foreach (var x in smp.EnumerateArray())
                                if (Str(x, "submitter_id") is { } sid) samples.Add(sid);
                hits.Add(new GdcFileHit(id, name, Str(h, "md5sum"), size, samples, Str(h, "data_format")));
            }
            return (hits, totalElement.GetInt64());
        }
    }

    private static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>
    /// Downloads files with <c>POST /data</c> (one tar.gz per batch of <see cref="FetchSettings.GdcBatchSize"/>),
    /// extracts and checks each, and hands each file's temporary path to <paramref name="accept"/> (which moves it).
    /// </summary>
    /// <param name="files">The files to download (from <see cref="QueryFilesAsync"/>).</param>
    /// <param name="label">What is downloaded, for log lines.</param>
    /// <param name="accept">Checks and moves one extracted file; called once per file.</param>
    /// <param name="ct">Cancels the transfers.</param>
    /// <exception cref="FetchException">A transfer failed, or an archive does not hold what was requested (BadFormat).</exception>
    public async Task DownloadAsync(IReadOnlyList<GdcFileHit> files, string label, Func<GdcFileHit, string, Task> accept, CancellationToken ct = default)
    {
        for (int start = 0; start < files.Count; start += _settings.GdcBatchSize)
        {
            var batch = files.Skip(start).Take(_settings.GdcBatchSize).ToList();
            var body = new JsonObject { ["ids"] = new JsonArray(batch.Select(f => (JsonNode)JsonValue.Create(f.FileId)!).ToArray()) };
            string work = Path.Combine(_folder.WorkDir, $"gdc-{Guid.NewGuid():N}");
            string archive = work + ".tar.gz";
            try
            {
                _log($"{label}: /data batch {start / _settings.GdcBatchSize + 1} of {(files.Count + _settings.GdcBatchSize - 1) / _settings.GdcBatchSize} ({batch.Count} file(s))");
                await _downloader.DownloadAsync(HttpRequestSpec.PostJson(Endpoint("/data"), body.ToJsonString()), archive, $"{label} batch", ct);
                var extracted = ExtractArchive(archive, work, batch, Endpoint("/data").ToString());
                foreach (var f in batch) await accept(f, extracted[f.FileId]);
            }
            finally
            {
                if (File.Exists(archive)) File.Delete(archive);
                if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
            }
        }
    }

    /// <summary>
    /// Extracts a <c>/data</c> tar.gz into <paramref name="dir"/> and checks it: <c>MANIFEST.txt</c> lists every requested
    /// file as <c>&lt;id&gt;/&lt;name&gt;</c> with the md5 and size of the extracted file (and the md5 the query gave).
    /// Returns file id -> extracted path.
    /// </summary>
    /// <param name="archive">The downloaded tar.gz.</param>
    /// <param name="dir">The folder to extract into.</param>
    /// <param name="expected">The files requested.</param>
    /// <param name="source">The request, for error messages.</param>
    /// <exception cref="FetchException">BadFormat: an incomplete archive, an entry outside the folder, no or a malformed
    /// MANIFEST.txt, a requested file missing or listed under another name, or an md5 or size that differs.</exception>
    public static IReadOnlyDictionary<string, string> ExtractArchive(string archive, string dir, IReadOnlyList<GdcFileHit> expected, string source)
    {
        Directory.CreateDirectory(dir);
        string root = Path.GetFullPath(dir) + Path.DirectorySeparatorChar;
        try
        {
            using var gz = new GZipStream(File.OpenRead(archive), CompressionMode.Decompress);
            using var tar = new TarReader(gz);
            while (tar.GetNextEntry() is { } entry)
            {
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile)) continue;
                string target = Path.GetFullPath(Path.Combine(dir, entry.Name));
                if (!target.StartsWith(root, StringComparison.Ordinal))
                    throw new FetchException(FetchFailure.BadFormat, $"{source}: archive entry '{entry.Name}' points outside the archive");
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                entry.ExtractToFile(target, overwrite: true);
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException)
        {
            throw new FetchException(FetchFailure.BadFormat, $"{source}: the answer is not a complete tar.gz ({e.Message})");
        }
        string manifestPath = Path.Combine(dir, "MANIFEST.txt");
        if (!File.Exists(manifestPath)) throw new FetchException(FetchFailure.BadFormat, $"{source}: the archive has no MANIFEST.txt");
        IReadOnlyList<GdcManifestRow> manifest;
        try
        {
            manifest = GdcFiles.ReadManifest(manifestPath);
        }
        catch (InputException e)
        {
            throw new FetchException(FetchFailure.BadFormat, $"{source}: MANIFEST.txt is malformed ({e.Problem})");
        }
        var byId = manifest.Where(r => r.Id != "\\N").ToDictionary(r => r.Id, StringComparer.Ordinal);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in expected)
        {
            if (!byId.TryGetValue(f.FileId, out var row))
                throw new FetchException(FetchFailure.BadFormat, $"{source}: MANIFEST.txt does not list file {f.FileId} ({f.FileName})");
            if (row.FileName != $"{f.FileId}/{f.FileName}")
                throw new FetchException(FetchFailure.BadFormat, $"{source}: MANIFEST.txt names {row.FileName} for {f.FileId}, expected {f.FileId}/{f.FileName}");
            string path = Path.Combine(dir, f.FileId, f.FileName);
            if (!File.Exists(path)) throw new FetchException(FetchFailure.BadFormat, $"{source}: the archive lacks {row.FileName} listed in MANIFEST.txt");
            long size = new FileInfo(path).Length;
            string md5 = Md5(path);
            if (size != row.Size || !string.Equals(md5, row.Md5, StringComparison.OrdinalIgnoreCase))
                throw new FetchException(FetchFailure.BadFormat, $"{source}: {row.FileName} has {size} bytes, md5 {md5}; MANIFEST.txt says {row.Size} bytes, md5 {row.Md5}");
            if (f.Md5 is not null && !string.Equals(md5, f.Md5, StringComparison.OrdinalIgnoreCase))
                throw new FetchException(FetchFailure.BadFormat, $"{source}: {row.FileName} has md5 {md5} but /files said {f.Md5}");
            result[f.FileId] = path;
        }
        return result;
    }

    /// <summary>The md5 of <paramref name="data"/>, as 32 lower-case hex digits (the GDC's md5sum form).</summary>
    /// <param name="data">The bytes.</param>
    public static string Md5Of(byte[] data) => Convert.ToHexStringLower(MD5.HashData(data));

    /// <summary>The md5 of a file's bytes, as 32 lower-case hex digits (the GDC's md5sum form).</summary>
    /// <param name="path">The file.</param>
    public static string Md5(string path)
    {
        using var s = File.OpenRead(path);
        return Convert.ToHexStringLower(MD5.HashData(s));
    }
}
