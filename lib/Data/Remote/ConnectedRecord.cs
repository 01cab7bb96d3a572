using System.Globalization;
using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Data.Remote;

/// <summary>One input derived by the connected fetch (a row of <c>data/connected/inputs.tsv</c>).</summary>
/// <param name="Id">The manifest id the pipeline reads it by (e.g. <c>string_v10_5</c>).</param>
/// <param name="File">Its path under <c>data/connected/</c> (the manifest's <c>file</c> column).</param>
/// <param name="Sha256">The derived file's sha256 (what <see cref="DataStore"/> verifies).</param>
/// <param name="Bytes">Its size in bytes.</param>
/// <param name="Date">The UTC date it was derived (yyyy-MM-dd).</param>
/// <param name="DerivedFrom">The origin files it was made from, <c>key@sha256</c> separated by <c>;</c>.</param>
/// <param name="Rule">The converter and the settings that shape its output; with <paramref name="DerivedFrom"/> the cache key.</param>
/// <param name="OriginUrl">The URL(s) actually used, space-separated, or <c>manual:PATH</c>.</param>
/// <param name="Origin">Which origin route: <c>primary</c>, <c>fallback N (...)</c>, <c>manual</c>.</param>
/// <param name="Status">What it is relative to the paper: <c>original</c>, <c>successor</c> (the origin's current
/// processing of the same data), <c>refit</c> (a re-analysis, not the paper's values), <c>re-release</c>.</param>
public sealed record ConnectedInput(string Id, string File, string Sha256, long Bytes, string DerivedFrom, string Rule,
    string OriginUrl, string Origin, string Status, string Date);

/// <summary>
/// <c>data/connected/inputs.tsv</c>: the record of every derived input of the connected run. The pipeline's
/// <see cref="DataStore"/> resolves a manifest row with fetch mode <c>connected</c> through it (the file must exist and
/// have the recorded sha256); the fetch skips rebuilding an input whose record says it was derived, by the same rule,
/// from origin files with the same sha256. Rows in ordinal order of id; written atomically.
/// </summary>
public sealed class ConnectedRecord
{
    /// <summary>The record's file name inside the connected folder.</summary>
    public const string FileName = "inputs.tsv";

    /// <summary>The header columns, in file order.</summary>
    public static readonly string[] Columns = ["id", "file", "sha256", "bytes", "derived_from", "rule", "origin_url", "origin", "status", "date"];

    private readonly SortedDictionary<string, ConnectedInput> _rows = new(StringComparer.Ordinal);

    /// <summary>The record file this instance reads from and saves to.</summary>
    public string Path { get; }

    private ConnectedRecord(string path) => Path = path;

    /// <summary>The rows, in ordinal order of id.</summary>
    public IReadOnlyCollection<ConnectedInput> Rows => _rows.Values;

    /// <summary>Reads the record (an absent file is an empty record).</summary>
    /// <param name="path">The record file, normally <see cref="ConnectedFolder.RecordPath"/>.</param>
    /// <exception cref="InputException">A column is missing, a sha256 is not 64 hex digits, bytes is not an integer, or
    /// an id is listed twice (names the line).</exception>
    public static ConnectedRecord Read(string path)
    {
        var record = new ConnectedRecord(path);
        if (!System.IO.File.Exists(path)) return record;
        var t = DelimitedFile.Read(path, '\t');
        var c = t.RequireColumns(Columns);
        foreach (var r in t.Rows)
        {
            string sha = r[c["sha256"]];
            if (sha.Length != 64 || !sha.All(Uri.IsHexDigit))
                throw new InputException(path, r.Line, $"sha256 '{sha}' of '{r[c["id"]]}' is not 64 hex digits", "rerun scripts/fetch-inputs (it rewrites the record)");
            if (!long.TryParse(r[c["bytes"]], NumberStyles.Integer, CultureInfo.InvariantCulture, out var bytes))
                throw new InputException(path, r.Line, $"bytes '{r[c["bytes"]]}' is not an integer", "rerun scripts/fetch-inputs");
            var row = new ConnectedInput(r[c["id"]], r[c["file"]], sha, bytes, r[c["derived_from"]], r[c["rule"]],
                r[c["origin_url"]], r[c["origin"]], r[c["status"]], r[c["date"]]);
            if (!record._rows.TryAdd(row.Id, row))
                throw new InputException(path, r.Line, $"id '{row.Id}' is listed twice", "delete one of the rows and rerun scripts/fetch-inputs");
        }
        return record;
    }

    /// <summary>The row of <paramref name="id"/>, or null when the input has not been fetched.</summary>
    /// <param name="id">A manifest id, compared ordinally.</param>
    public ConnectedInput? Find(string id) => _rows.GetValueOrDefault(id);

    /// <summary>Adds the row, or replaces the row with the same id, and saves the record at once.</summary>
    /// <param name="row">The derived input.</param>
    public void Upsert(ConnectedInput row)
    {
        _rows[row.Id] = row;
        Save();
    }

    /// <summary>Removes the row of <paramref name="id"/> and saves the record; false (nothing written) when there is none.</summary>
    /// <param name="id">A manifest id.</param>
    public bool Remove(string id)
    {
        bool removed = _rows.Remove(id);
        if (removed) Save();
        return removed;
    }

    /// <summary>Writes the record to <see cref="Path"/> atomically (a temporary file renamed into place).</summary>
    public void Save()
    {
        var table = TsvTable.From(_rows.Values, ("id", r => r.Id), ("file", r => r.File), ("sha256", r => r.Sha256), ("bytes", r => r.Bytes),
            ("derived_from", r => r.DerivedFrom), ("rule", r => r.Rule), ("origin_url", r => r.OriginUrl), ("origin", r => r.Origin),
            ("status", r => r.Status), ("date", r => r.Date));
        AtomicFile.WriteAllText(Path, table.ToTsv());
    }
}
