using System.Security.Cryptography;
using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Data.Remote;

/// <summary>One place a file can be fetched from: its label in reports, and the request (before base-URL overrides).</summary>
/// <param name="Label">The origin's name in logs and the record, e.g. "primary" or "fallback 1 (version-10-5 archive)".</param>
/// <param name="Request">The HTTP request, with the URL before <see cref="OriginOverrides"/> are applied.</param>
public sealed record Origin(string Label, HttpRequestSpec Request)
{
    /// <summary>An origin fetched by a plain GET of <paramref name="url"/>.</summary>
    /// <param name="label">The origin's name in logs and the record.</param>
    /// <param name="url">An absolute URL.</param>
    /// <exception cref="UriFormatException"><paramref name="url"/> is not an absolute URL.</exception>
    public static Origin Get(string label, string url) => new(label, HttpRequestSpec.Get(new Uri(url)));
}

/// <summary>
/// An origin file of the connected run: its key (path under <c>raw/</c>, and the lock's key), its origins in order
/// (primary first), the name a user gives it when placing it by hand, and a format check run on every copy (downloaded
/// or placed) before it is accepted.
/// </summary>
/// <param name="Key">Relative path under <c>data/connected/raw/</c>, e.g. <c>string/9606.protein.links.v10.5.txt.gz</c>.</param>
/// <param name="Format">What the file is, for messages and README (e.g. "gzip, space-separated protein1 protein2 combined_score").</param>
/// <param name="CheckFormat">Throws an <see cref="InputException"/> when the file is not in the expected format.</param>
/// <param name="ManualName">The file name expected in <c>data/connected/manual/</c> (default: the key's file name).</param>
/// <param name="Origins">Where it can be fetched from, primary first.</param>
/// <param name="ServedName">When set, a server that names the file (Content-Disposition) must give this name.</param>
/// <param name="KnownShaSource">Who recorded <paramref name="KnownSha256"/>.</param>
/// <param name="KnownSha256">A sha256 a public record gives for this file (e.g. a published data set's provenance); a
/// difference is reported, not refused (the record may describe another version).</param>
public sealed record RemoteFile(string Key, string Format, IReadOnlyList<Origin> Origins, Action<string>? CheckFormat = null, string? ManualName = null,
    string? ServedName = null, string? KnownSha256 = null, string? KnownShaSource = null)
{
    /// <summary>The file name looked for in <c>data/connected/manual/</c>: <see cref="ManualName"/>, else the key's file name.</summary>
    public string HandPlacedName => ManualName ?? Path.GetFileName(Key);
}

/// <summary>An origin file available locally, verified against the lock.</summary>
/// <param name="Key">Its key (path under raw/, the lock's key).</param>
/// <param name="Path">The local file (raw/ or manual/).</param>
/// <param name="Bytes">Its size.</param>
/// <param name="Sha256">Its sha256 (verified against the lock).</param>
/// <param name="ServedName">The name the server gave it (Content-Disposition), if any.</param>
/// <param name="Url">The URL actually used, or <c>manual:PATH</c>.</param>
/// <param name="Origin">The origin's label (<c>primary</c>, <c>fallback 1 (...)</c>, <c>manual</c>).</param>
/// <param name="Fetched">True when it was downloaded in this run (false: an earlier run's copy or a placed file).</param>
public sealed record FetchedFile(string Key, string Path, long Bytes, string Sha256, string Url, string Origin, bool Fetched, string? ServedName)
{
    /// <summary><c>key@sha256</c>, as recorded in <c>derived_from</c>.</summary>
    public string Stamp => $"{Key}@{Sha256}";
}

/// <summary>
/// Gets origin files: an earlier run's copy in <c>raw/</c>, else a file placed by hand in <c>manual/</c>, else each
/// origin in turn (primary, then fallbacks), each transfer resumable and retried by the <see cref="Downloader"/>. Every
/// copy is format-checked and verified against the lock (first fetch: recorded). A failed origin is reported with the
/// reason before the next is tried.
/// </summary>
public sealed class OriginFetcher
{
    private readonly ConnectedFolder _folder;
    private readonly FetchSettings _settings;
    private readonly FetchLock _lock;
    private readonly Downloader _downloader;
    private readonly Action<string> _log;

    /// <summary>A fetcher writing into <paramref name="folder"/> and recording into <paramref name="fetchLock"/>.</summary>
    /// <param name="folder">The connected folder (<c>raw/</c> and <c>manual/</c> are under it).</param>
    /// <param name="settings">Base-URL overrides and transfer settings.</param>
    /// <param name="fetchLock">The lock every copy is verified against (a first fetch is recorded in it).</param>
    /// <param name="downloader">Performs the resumable, retried transfers.</param>
    /// <param name="log">Receives one line per origin tried, failure and accepted file.</param>
    public OriginFetcher(ConnectedFolder folder, FetchSettings settings, FetchLock fetchLock, Downloader downloader, Action<string> log)
    {
        _folder = folder;
        _settings = settings;
        _lock = fetchLock;
        _downloader = downloader;
        _log = log;
    }

    /// <summary>The lock the fetcher verifies against and records into.</summary>
    public FetchLock Lock => _lock;

    /// <summary>The settings the fetcher was made with.</summary>
    public FetchSettings Settings => _settings;

    /// <summary>The command that forgets <paramref name="key"/> so that it is fetched and recorded anew, for messages.</summary>
    /// <param name="key">An input id, origin-file key or key prefix.</param>
    public static string RefreshHint(string key) => $"run scripts/fetch-inputs --refresh {key}";

    /// <summary>
    /// The local, verified copy of <paramref name="file"/>: an earlier run's copy in <c>raw/</c>, else a hand-placed
    /// file in <c>manual/</c>, else a download from each origin in turn (URL overrides applied; a partial transfer
    /// resumes only from the same request). Each copy is format-checked, compared with a known sha256 when the file has
    /// one (a difference is logged, not refused), and verified against the lock; a download is renamed into
    /// <c>raw/</c> only once accepted.
    /// </summary>
    /// <param name="file">The origin file.</param>
    /// <param name="ct">Cancels the transfer.</param>
    /// <exception cref="FetchException"><see cref="FetchFailure.Changed"/>: a copy differs from the lock (nothing is
    /// overwritten); <see cref="FetchFailure.Unreachable"/>: no origin could be reached; otherwise
    /// <see cref="FetchFailure.Failed"/>, <see cref="FetchFailure.BadFormat"/> or <see cref="FetchFailure.NotServed"/>
    /// after every origin failed. The message lists each origin's failure and where to place the file by hand.</exception>
    public async Task<FetchedFile> GetAsync(RemoteFile file, CancellationToken ct = default)
    {
        string raw = _folder.Raw(file.Key);
        if (File.Exists(raw))
        {
            var (bytes, sha) = Measure(raw);
            var entry = _lock.Find(file.Key);
            if (entry is not null && entry.Sha256 != sha)
                throw new FetchException(FetchFailure.Changed,
                    $"{raw}: the local copy differs from the lock (sha256 {sha}, {bytes} bytes; recorded {entry.Sha256}, {entry.Bytes} bytes from {entry.Url}): " +
                    $"it was modified or damaged after its first fetch; nothing was overwritten. Delete it to fetch it again, or if the change is intended {RefreshHint(file.Key)}");
            entry ??= _lock.Verify(file.Key, raw, bytes, sha, "(local copy, not in the lock)", "unknown", RefreshHint(file.Key));
            return new FetchedFile(file.Key, raw, bytes, sha, entry.Url, entry.Origin, false, null);
        }

        string manual = _folder.Manual(file.HandPlacedName);
        if (File.Exists(manual))
        {
            Check(file, manual, manual);
            var (bytes, sha) = Measure(manual);
            ReportKnown(file, sha);
            var entry = _lock.Verify(file.Key, manual, bytes, sha, "manual:" + manual, "manual", RefreshHint(file.Key));
            _log($"{file.Key}: using the file placed by hand, {manual} ({TransferProgress.Bytes(bytes)}, sha256 {sha[..12]}...)");
            return new FetchedFile(file.Key, manual, bytes, sha, "manual:" + manual, "manual", false, null);
        }

        var failures = new List<(Origin Origin, FetchException Error)>();
        FetchException? changed = null;
        string partial = raw + ".partial";
        string partialSource = partial + ".url";
        foreach (var origin in file.Origins)
        {
            var request = origin.Request with { Url = _settings.Overrides.Apply(origin.Request.Url) };
            // A partial file resumes only the transfer it came from.
            if (File.Exists(partial) && (!File.Exists(partialSource) || File.ReadAllText(partialSource).Trim() != request.ToString()))
                File.Delete(partial);
            Directory.CreateDirectory(Path.GetDirectoryName(raw)!);
            File.WriteAllText(partialSource, request.ToString());
            if (failures.Count > 0) _log($"{file.Key}: trying {origin.Label}: {request}");
            TransferResult result;
            try
            {
                result = await _downloader.DownloadAsync(request, partial, Path.GetFileName(file.Key), ct);
            }
            catch (FetchException e)
            {
                failures.Add((origin, e));
                _log($"{file.Key}: {origin.Label} failed: {e.Message}");
                continue;
            }
            try
            {
                if (file.ServedName is { } expectedName && result.ServedName is { } servedName && servedName != expectedName)
                    throw new FetchException(FetchFailure.BadFormat, $"{request} served '{servedName}' where '{expectedName}' was expected");
                Check(file, partial, request.ToString());
                var (bytes, sha) = Measure(partial);
                ReportKnown(file, sha);
                _lock.Verify(file.Key, raw, bytes, sha, request.ToString(), origin.Label, RefreshHint(file.Key));
                File.Move(partial, raw);
                File.Delete(partialSource);
                _log($"{file.Key}: fetched from {origin.Label} ({TransferProgress.Bytes(bytes)}, sha256 {sha[..12]}...)");
                return new FetchedFile(file.Key, raw, bytes, sha, request.ToString(), origin.Label, true, result.ServedName);
            }
            catch (FetchException e) when (e.Failure is FetchFailure.BadFormat or FetchFailure.Changed)
            {
                File.Delete(partial);
                File.Delete(partialSource);
                failures.Add((origin, e));
                if (e.Failure == FetchFailure.Changed) changed ??= e;
                _log($"{file.Key}: {origin.Label} refused: {e.Message}");
            }
        }
        if (File.Exists(partialSource) && !File.Exists(partial)) File.Delete(partialSource);
        if (changed is not null) throw changed;
        string manualHint = $"place the file by hand as {manual} ({file.Format}; README 'Connected run' says where to get it)";
        if (failures.Count > 0 && failures.All(f => f.Error.Failure == FetchFailure.Unreachable))
            throw new FetchException(FetchFailure.Unreachable,
                $"{file.Key}: no origin could be reached ({string.Join("; ", failures.Select(f => f.Error.Message))}); {manualHint}");
        var failure = failures.Any(f => f.Error.Failure == FetchFailure.Failed) ? FetchFailure.Failed
            : failures.Any(f => f.Error.Failure == FetchFailure.BadFormat) ? FetchFailure.BadFormat : FetchFailure.NotServed;
        throw new FetchException(failure,
            $"{file.Key}: every origin failed ({string.Join("; ", failures.Select(f => $"{f.Origin.Label}: {f.Error.Message}"))}); {manualHint}");
    }

    private void ReportKnown(RemoteFile file, string sha)
    {
        if (file.KnownSha256 is not { } known) return;
        _log(sha == known
            ? $"{file.Key}: sha256 matches the one {file.KnownShaSource} recorded"
            : $"{file.Key}: sha256 {sha[..12]}... differs from {known[..12]}... recorded by {file.KnownShaSource} (another version of the file?)");
    }

    private static void Check(RemoteFile file, string path, string from)
    {
        if (file.CheckFormat is null) return;
        try
        {
            file.CheckFormat(path);
        }
        catch (InputException e)
        {
            throw new FetchException(FetchFailure.BadFormat, $"{from} is not {file.Format}: {e.Problem} (fix: {e.Fix})");
        }
        catch (InvalidDataException e)
        {
            throw new FetchException(FetchFailure.BadFormat, $"{from} is not {file.Format}: not a valid gzip stream ({e.Message})");
        }
    }

    /// <summary>Size and sha256 of a file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The size in bytes and the sha256 as 64 lower-case hex digits.</returns>
    public static (long Bytes, string Sha256) Measure(string path)
    {
        using var s = File.OpenRead(path);
        var sha = Convert.ToHexStringLower(SHA256.HashData(s));
        return (s.Length, sha);
    }
}
