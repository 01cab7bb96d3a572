using System.Globalization;
using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Data.Remote;

/// <summary>One origin file as first fetched: where from, its size and sha256, and when.</summary>
/// <param name="File">The file's key: its path under <c>data/connected/raw/</c> (also its name in the manual folder's listing).</param>
/// <param name="Url">The URL actually used (after base-URL overrides), or <c>manual:PATH</c> for a file placed by hand.</param>
/// <param name="Bytes">Its size at first fetch.</param>
/// <param name="Sha256">Its sha256 at first fetch.</param>
/// <param name="FirstFetched">The UTC date of the first fetch (yyyy-MM-dd).</param>
/// <param name="Origin">Which origin served it: <c>primary</c>, <c>fallback N (...)</c> or <c>manual</c>.</param>
public sealed record LockEntry(string File, string Url, long Bytes, string Sha256, string FirstFetched, string Origin);

/// <summary>
/// <c>data/connected/fetch.lock.tsv</c>: every origin file's URL, size, sha256 and date at first fetch. A later run
/// verifies each file against it and refuses one that changed (at the origin or on disk), naming the file and the
/// command that refreshes it; nothing is overwritten. Written atomically (temporary file, then rename), rows in
/// ordinal order of the file key.
/// </summary>
public sealed class FetchLock
{
    public static readonly string[] Columns = ["file", "url", "bytes", "sha256", "first_fetched", "origin"];

    private readonly SortedDictionary<string, LockEntry> _entries = new(StringComparer.Ordinal);

    public string Path { get; }

    private FetchLock(string path) => Path = path;

    public IReadOnlyCollection<LockEntry> Entries => _entries.Values;

    /// <summary>Reads the lock file (an absent file is an empty lock).</summary>
    public static FetchLock Read(string path)
    {
        var lockFile = new FetchLock(path);
        if (!System.IO.File.Exists(path)) return lockFile;
        var t = DelimitedFile.Read(path, '\t');
        var c = t.RequireColumns(Columns);
        foreach (var r in t.Rows)
        {
            if (!long.TryParse(r[c["bytes"]], NumberStyles.Integer, CultureInfo.InvariantCulture, out var bytes))
                throw new InputException(path, r.Line, $"bytes '{r[c["bytes"]]}' is not an integer", "restore the lock file from its backup or delete the row and refetch that file");
            var e = new LockEntry(r[c["file"]], r[c["url"]], bytes, r[c["sha256"]], r[c["first_fetched"]], r[c["origin"]]);
            if (!lockFile._entries.TryAdd(e.File, e))
                throw new InputException(path, r.Line, $"file '{e.File}' is listed twice", "delete one of the two rows");
        }
        return lockFile;
    }

    public LockEntry? Find(string file) => _entries.GetValueOrDefault(file);

    /// <summary>
    /// Checks a file's sha256 against the lock. Without an entry the file is added (first fetch) and the lock saved.
    /// </summary>
    /// <exception cref="FetchException">Changed: the sha256 differs from the recorded one.</exception>
    public LockEntry Verify(string file, string path, long bytes, string sha256, string url, string origin, string refreshHint)
    {
        if (_entries.TryGetValue(file, out var known))
        {
            if (!string.Equals(known.Sha256, sha256, StringComparison.Ordinal))
                throw new FetchException(FetchFailure.Changed,
                    $"{path}: content differs from the lock: sha256 {sha256} ({bytes} bytes, {url}) but {System.IO.Path.GetFileName(Path)} recorded " +
                    $"{known.Sha256} ({known.Bytes} bytes, {known.Url}, first fetched {known.FirstFetched}); nothing was overwritten. " +
                    $"If the change is expected, {refreshHint}");
            return known;
        }
        var entry = new LockEntry(file, url, bytes, sha256, DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), origin);
        _entries[file] = entry;
        Save();
        return entry;
    }

    /// <summary>Forgets files (their next fetch is recorded anew). Returns the keys removed.</summary>
    public IReadOnlyList<string> Remove(Func<string, bool> match)
    {
        var keys = _entries.Keys.Where(match).ToList();
        foreach (var k in keys) _entries.Remove(k);
        if (keys.Count > 0) Save();
        return keys;
    }

    public void Save()
    {
        var table = TsvTable.From(_entries.Values, ("file", e => e.File), ("url", e => e.Url), ("bytes", e => e.Bytes),
            ("sha256", e => e.Sha256), ("first_fetched", e => e.FirstFetched), ("origin", e => e.Origin));
        AtomicFile.WriteAllText(Path, table.ToTsv());
    }
}

/// <summary>Writes a whole file under a temporary name, then renames it over the target (no half-written file).</summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string text)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var temp = path + ".partial";
        System.IO.File.WriteAllText(temp, text, new System.Text.UTF8Encoding(false));
        System.IO.File.Move(temp, path, overwrite: true);
    }
}
