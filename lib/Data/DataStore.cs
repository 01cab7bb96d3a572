using System.Security.Cryptography;
using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data.Remote;

namespace OrganoidBiomarkers.Data;

/// <summary>Where a resolved input came from.</summary>
public enum InputSource
{
    /// <summary>The read-only mirror folder (<c>--data-mirror</c>).</summary>
    Mirror,

    /// <summary>The git-ignored cache (<c>data/cache</c>), holding an earlier download.</summary>
    Cache,

    /// <summary>Downloaded from the manifest's origin URL into the cache during this run.</summary>
    Download,

    /// <summary>The connected folder (<c>data/connected/</c>) written by <c>scripts/fetch-inputs</c>.</summary>
    Connected,
}

/// <summary>A verified local copy of one manifest input.</summary>
/// <param name="Entry">Its manifest row.</param>
/// <param name="Path">The verified local file.</param>
/// <param name="Source">Mirror, cache, download or connected folder.</param>
/// <param name="Connected">For a connected input: its row of <c>data/connected/inputs.tsv</c> (origin used, status, what it was derived from).</param>
public sealed record ResolvedInput(ManifestEntry Entry, string Path, InputSource Source, ConnectedInput? Connected = null);

/// <summary>
/// Resolves manifest inputs to verified local files: first the git-ignored cache (data/cache), then the mirror folder,
/// then a download from the origin URL into the cache. The sha256 is checked in every case; a mismatch is refused.
/// Inputs with fetch mode <c>connected</c> come only from the connected folder (<c>data/connected/</c>, written by
/// <c>scripts/fetch-inputs</c>): the file named in the manifest, verified against the sha256 that folder's record
/// (<c>inputs.tsv</c>) holds for the id. Without that folder or record row they are unavailable, exactly as
/// <c>not-available</c> rows are.
/// </summary>
public sealed class DataStore
{
    private readonly Dictionary<string, ManifestEntry> _entries;
    private readonly Dictionary<string, ResolvedInput> _resolved = new(StringComparer.Ordinal);
    private readonly HttpClient? _http;
    private readonly Action<string> _log;

    private ConnectedRecord? _record;

    /// <summary>The folder laid out like the data mirror, or null when none is set.</summary>
    public string? Mirror { get; }

    /// <summary>The git-ignored folder downloads go to and are read back from (<c>data/cache</c>).</summary>
    public string CacheDir { get; }

    /// <summary>The connected folder (<c>data/connected/</c>), or null when connected inputs are not looked for.</summary>
    public string? ConnectedDir { get; }

    /// <summary>The manifest rows, in the order given.</summary>
    public IReadOnlyList<ManifestEntry> Entries { get; }

    /// <summary>A store over <paramref name="entries"/>; nothing is read or checked until an input is resolved.</summary>
    /// <param name="entries">The manifest rows; ids must be unique.</param>
    /// <param name="mirror">A folder laid out like the mirror (null: none).</param>
    /// <param name="cacheDir">The git-ignored folder downloads go to.</param>
    /// <param name="http">Null: no downloads (offline); inputs must be in the mirror or cache.</param>
    /// <param name="log">Receives one line per resolved input.</param>
    /// <param name="connectedDir">The folder <c>scripts/fetch-inputs</c> writes (null: connected inputs are unavailable).</param>
    /// <exception cref="ArgumentException">Two rows share an id.</exception>
    public DataStore(IReadOnlyList<ManifestEntry> entries, string? mirror, string cacheDir, HttpClient? http, Action<string>? log = null, string? connectedDir = null)
    {
        Entries = entries;
        _entries = entries.ToDictionary(e => e.Id, StringComparer.Ordinal);
        Mirror = mirror;
        CacheDir = cacheDir;
        ConnectedDir = connectedDir;
        _http = http;
        _log = log ?? (_ => { });
    }

    /// <summary>The connected record (read once; empty when the folder or the record does not exist).</summary>
    private ConnectedRecord? Record =>
        ConnectedDir is null ? null : _record ??= ConnectedRecord.Read(Path.Combine(ConnectedDir, ConnectedRecord.FileName));

    /// <summary>The manifest row of <paramref name="id"/>.</summary>
    /// <param name="id">A manifest id, e.g. "string_v10_links"; compared ordinally.</param>
    /// <exception cref="ArgumentException">The manifest has no such id (the message lists the ids it has).</exception>
    public ManifestEntry Entry(string id) =>
        _entries.TryGetValue(id, out var e) ? e : throw new ArgumentException($"'{id}' is not in the data manifest (ids: {string.Join(", ", _entries.Keys.Order(StringComparer.Ordinal))})");

    /// <summary>
    /// True when the input can be had here (mirror, cache, downloadable from its origin, or, for a connected input,
    /// recorded and present in the connected folder). The file's sha256 is not checked: <see cref="Resolve"/> does that.
    /// </summary>
    /// <param name="id">A manifest id.</param>
    /// <exception cref="ArgumentException">The manifest has no such id.</exception>
    public bool IsAvailable(string id)
    {
        var e = Entry(id);
        if (e.Fetch == FetchMode.NotAvailable) return false;
        if (e.Fetch == FetchMode.Connected)
            return Record?.Find(id) is { } row && row.File == e.File && File.Exists(Path.Combine(ConnectedDir!, e.File));
        if (File.Exists(Path.Combine(CacheDir, e.File))) return true;
        if (Mirror is not null && File.Exists(Path.Combine(Mirror, e.File))) return true;
        return e.Fetch == FetchMode.Direct && _http is not null;
    }

    /// <summary>The verified local path of an input (see <see cref="Resolve"/>).</summary>
    /// <param name="id">A manifest id.</param>
    public string PathOf(string id) => Resolve(id).Path;

    /// <summary>
    /// The verified local copy of an input, resolved once per store and remembered: a connected input from the
    /// connected folder; otherwise the cache, then the mirror, then a download from the origin URL (fetch mode
    /// <c>direct</c> only, and only when the store has an <see cref="HttpClient"/>). Logs one line naming the source.
    /// </summary>
    /// <param name="id">A manifest id.</param>
    /// <exception cref="ArgumentException">The manifest has no such id.</exception>
    /// <exception cref="DataUnavailableException">The input is <c>not-available</c>, in no folder here and not
    /// downloadable, not fetched into the connected folder, or its download failed; the message says what to do.</exception>
    /// <exception cref="InputException">A copy's sha256 differs from the manifest's (or, for a connected input, from
    /// the connected record's), or the connected record names another file than the manifest.</exception>
    public ResolvedInput Resolve(string id)
    {
        if (_resolved.TryGetValue(id, out var done)) return done;
        var e = Entry(id);
        if (e.Fetch == FetchMode.NotAvailable)
            throw new DataUnavailableException(id, $"input '{id}' ({e.Content}) is not available to this project: {e.Origin}. Stages that need it report it as missing.");
        if (e.Fetch == FetchMode.Connected) return ResolveConnected(e);

        ResolvedInput? result = null;
        var cached = Path.Combine(CacheDir, e.File);
        if (File.Exists(cached)) { VerifyCached(e, cached); result = new(e, cached, InputSource.Cache); }
        else if (Mirror is not null && File.Exists(Path.Combine(Mirror, e.File)))
        {
            var mirrored = Path.Combine(Mirror, e.File);
            Verify(e, mirrored);
            result = new(e, mirrored, InputSource.Mirror);
        }
        else if (e.Fetch == FetchMode.Direct && _http is not null)
        {
            Download(e, cached);
            result = new(e, cached, InputSource.Download);
        }
        else
        {
            string where = Mirror is null ? "no mirror folder is set" : $"the mirror {Mirror} has no {e.File}";
            string how = e.Fetch == FetchMode.MirrorOnly
                ? "this file is an export of its origin and only a mirror has it: pass --data-mirror DIR (or set DATA_MIRROR) to a folder holding it"
                : "pass --data-mirror DIR (or set DATA_MIRROR), or run with network access to download it from " + e.OriginUrl;
            throw new DataUnavailableException(id, $"input '{id}' ({e.File}): {where}. Fix: {how}");
        }
        _log($"{id}: {result.Source.ToString().ToLowerInvariant()} {result.Path} (sha256 ok)");
        _resolved[id] = result;
        return result;
    }

    /// <summary>A connected input: the manifest's file under the connected folder, with the sha256 its record holds.</summary>
    private ResolvedInput ResolveConnected(ManifestEntry e)
    {
        const string how = "run scripts/fetch-inputs (README 'Connected run'), which fetches it from its public origin into data/connected/";
        if (ConnectedDir is null)
            throw new DataUnavailableException(e.Id, $"input '{e.Id}' ({e.Content}) comes from the connected run, and no connected folder is set. Fix: {how}");
        var row = Record!.Find(e.Id);
        string path = Path.Combine(ConnectedDir, e.File);
        if (row is null || !File.Exists(path))
            throw new DataUnavailableException(e.Id, $"input '{e.Id}' ({e.Content}) has not been fetched: {(row is null ? $"{Record.Path} has no row for it" : $"{path} does not exist")}. Fix: {how}");
        if (row.File != e.File)
            throw new InputException(Record.Path, 0, $"'{e.Id}' is recorded as {row.File} but data/manifest.tsv names {e.File}", "rerun scripts/fetch-inputs (the manifest changed since the fetch)");
        var actual = Sha256Of(path);
        if (!string.Equals(actual, row.Sha256, StringComparison.Ordinal))
            throw new InputException(path, 0, $"sha256 is {actual} but {Record.Path} says {row.Sha256} for '{e.Id}' (changed after the fetch?)",
                "rerun scripts/fetch-inputs: it rebuilds the input from the locked origin files");
        var result = new ResolvedInput(e, path, InputSource.Connected, row);
        _log($"{e.Id}: connected {path} (sha256 ok; {row.Status}, {row.Origin}, derived {row.Date})");
        _resolved[e.Id] = result;
        return result;
    }

    /// <summary>
    /// A cached copy is checked like any input, but the message says which copy is wrong and that the cache, a download
    /// copy, can simply be deleted (the mirror's intact copy, when there is one, is then used).
    /// </summary>
    private void VerifyCached(ManifestEntry e, string cached)
    {
        try
        {
            Verify(e, cached);
        }
        catch (InputException bad)
        {
            var mirrored = Mirror is null ? null : Path.Combine(Mirror, e.File);
            bool mirrorIntact = mirrored is not null && File.Exists(mirrored) && string.Equals(Sha256Of(mirrored), e.Sha256, StringComparison.Ordinal);
            throw new InputException(cached, 0, bad.Problem + (mirrorIntact ? $"; this stale cached copy shadows the intact mirror copy {mirrored}" : ""),
                $"delete the cached copy ({cached}): the cache only holds downloads, and {(mirrorIntact ? "the mirror's copy is used instead" : "the file is then read from the mirror or downloaded again")}");
        }
    }

    /// <summary>Refuses a file whose sha256 differs from the manifest's.</summary>
    /// <param name="e">The manifest row whose <see cref="ManifestEntry.Sha256"/> the file must have.</param>
    /// <param name="path">The local file.</param>
    /// <exception cref="InputException">The sha256 differs; the message adds the size difference when the manifest
    /// states the size.</exception>
    public static void Verify(ManifestEntry e, string path)
    {
        var actual = Sha256Of(path);
        if (!string.Equals(actual, e.Sha256, StringComparison.Ordinal))
        {
            long size = new FileInfo(path).Length;
            string sizeNote = e.Bytes is long expected && expected != size ? $", {size} bytes instead of {expected} (truncated or replaced?)" : "";
            throw new InputException(path, 0,
                $"sha256 is {actual} but data/manifest.tsv says {e.Sha256} for '{e.Id}'{sizeNote}",
                $"restore the original file (origin: {e.OriginUrl}) or point --data-mirror at an unmodified mirror");
        }
    }

    /// <summary>The sha256 of a file's bytes, as 64 lower-case hex digits (the form of data/manifest.tsv and <c>sha256sum</c>).</summary>
    /// <param name="path">The file.</param>
    public static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private void Download(ManifestEntry e, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        _log($"{e.Id}: downloading {e.OriginUrl}");
        try
        {
            using (var response = _http!.GetAsync(e.OriginUrl, HttpCompletionOption.ResponseHeadersRead).GetAwaiter().GetResult())
            {
                if (!response.IsSuccessStatusCode)
                    throw new DataUnavailableException(e.Id, $"input '{e.Id}': download of {e.OriginUrl} failed with HTTP {(int)response.StatusCode}. Fix: pass --data-mirror DIR with the file, or check the URL in data/manifest.tsv");
                using var body = response.Content.ReadAsStream();
                using var file = File.Create(partial);
                body.CopyTo(file);
            }
            Verify(e, partial);
            File.Move(partial, target, overwrite: true);
        }
        catch (HttpRequestException ex)
        {
            throw new DataUnavailableException(e.Id, $"input '{e.Id}': cannot download {e.OriginUrl} ({ex.Message}). Fix: pass --data-mirror DIR holding {e.File}");
        }
        finally
        {
            if (File.Exists(partial)) File.Delete(partial);
        }
    }
}
