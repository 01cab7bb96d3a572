using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;

namespace OrganoidBiomarkers.Reporting;

/// <summary>
/// data/paper_values.tsv: numbers (and claims in words) the paper or the authors' public code state, by quantity key
/// (columns quantity, value, source, where, note). A row with an empty value is a number not transcribed; its note says
/// why. Keys are built from study ids, e.g. "{cohort}_patients", "top_biomarker_{arm}".
/// </summary>
public sealed class PaperValues
{
    private readonly Dictionary<string, (string Value, string Source, string Where, string Note)> _rows = new(StringComparer.Ordinal);

    public PaperValues(TsvTable table)
    {
        int q = table.ColumnIndex("quantity"), v = table.ColumnIndex("value"), s = table.ColumnIndex("source"), w = table.ColumnIndex("where"), n = table.ColumnIndex("note");
        foreach (var r in table.Rows) _rows[r[q]] = (r[v], r[s], r[w], r[n]);
    }

    public static PaperValues Read(string path) => new(TsvFiles.Read(path));

    /// <summary>The reference for <paramref name="key"/>, or null when the row is missing or its value empty.</summary>
    public ReferenceValue? Value(string key) =>
        _rows.TryGetValue(key, out var r) && r.Value.Length > 0 ? new ReferenceValue(r.Source, $"data/paper_values.tsv ({key})", r.Value) : null;

    /// <summary>The note of <paramref name="key"/> (why a value is missing), or null.</summary>
    public string? Note(string key) => _rows.TryGetValue(key, out var r) && r.Note.Length > 0 ? r.Note : null;

    /// <summary>The value as text, or null (claims in words, e.g. "no separation").</summary>
    public string? Text(string key) => _rows.TryGetValue(key, out var r) && r.Value.Length > 0 ? r.Value : null;
}
