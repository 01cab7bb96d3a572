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
    /// <summary>The header columns, in file order.</summary>
    public static readonly string[] Columns = ["file", "url", "bytes", "sha256", "first_fetched", "origin"];

    private readonly SortedDictionary<string, LockEntry> _entries = new(StringComparer.Ordinal);

    /// <summary>The lock file this instance reads from and saves to.</summary>
    public string Path { get; }

    private FetchLock(string path) => Path = path;

    /// <summary>The entries, in ordinal order of the file key.</summary>
    public IReadOnlyCollection<LockEntry> Entries => _entries.Values;

    /// <summary>Reads the lock file (an absent file is an empty lock).</summary>
    /// <param name="path">The lock file, normally <see cref="ConnectedFolder.LockPath"/>.</param>
    /// <exception cref="InputException">A column is missing, bytes is not an integer, or a file key is listed twice (names
    /// the line).</exception>
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

    /// <summary>The entry of a file key, or null when the file has never been fetched (or was forgotten).</summary>
    /// <param name="file">The key, a path under <c>raw/</c>; compared ordinally.</param>
    public LockEntry? Find(string file) => _entries.GetValueOrDefault(file);

    /// <summary>
    /// Checks a file's sha256 against the lock. Without an entry the file is added (first fetch) and the lock saved.
    /// </summary>
    /// <param name="file">The file's key.</param>
    /// <param name="path">The local copy checked (for the message).</param>
    /// <param name="bytes">Its size in bytes.</param>
    /// <param name="sha256">Its sha256, lower-case hex.</param>
    /// <param name="url">The URL used (or <c>manual:PATH</c>), recorded on first fetch.</param>
    /// <param name="origin">The origin's label, recorded on first fetch.</param>
    /// <param name="refreshHint">What the message tells the user to run if the change is intended.</param>
    /// <returns>The entry: the recorded one, or the new one.</returns>
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
    /// <param name="match">Selects the keys to forget.</param>
    public IReadOnlyList<string> Remove(Func<string, bool> match)
    {
        var keys = _entries.Keys.Where(match).ToList();
        foreach (var k in keys) _entries.Remove(k);
        if (keys.Count > 0) Save();
        return keys;
    }

    /// <summary>Writes the lock to <see cref="Path"/> atomically (a temporary file renamed into place).</summary>
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
    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte-order mark to <c>path.partial</c>, then renames it
    /// over <paramref name="path"/>; creates the folder if needed.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="text">The whole content.</param>
    public static void WriteAllText(string path, string text)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var temp = path + ".partial";
        System.IO.File.WriteAllText(temp, text, new System.Text.UTF8Encoding(false));
        System.IO.File.Move(temp, path, overwrite: true);
    }
}
