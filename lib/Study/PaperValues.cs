using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Study;

/// <summary>
/// The paper's and the authors' code's numbers (data/paper_values.tsv: quantity, value, source, where, note) that stages
/// compare their results with. Quantities are named after the study's ids (e.g. "features_5fu", "crc_organoids_5fu"),
/// so an arm finds its own; a quantity listed without a value was not transcribed and is not compared.
/// </summary>
public sealed class PaperValues
{
    private readonly Dictionary<string, string> _values;
    private readonly Dictionary<string, (string Source, string Note)> _about;

    private PaperValues(Dictionary<string, string> values, Dictionary<string, (string Source, string Note)>? about = null)
    {
        _values = values;
        _about = about ?? new Dictionary<string, (string Source, string Note)>(StringComparer.Ordinal);
    }

    /// <summary>Reads paper_values.tsv; a repeated quantity is an error naming the line.</summary>
    /// <param name="path">E.g. <c>RunContext.PaperValuesPath</c>.</param>
    public static PaperValues Read(string path)
    {
        if (!File.Exists(path)) throw new InputException(path, 0, "paper values not found", "restore data/paper_values.tsv from git, or pass --data-config DIR holding one");
        var table = TsvFiles.Read(path);
        int q = table.ColumnIndex("quantity"), v = table.ColumnIndex("value"), s = table.ColumnIndex("source"), n = table.ColumnIndex("note");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var about = new Dictionary<string, (string Source, string Note)>(StringComparer.Ordinal);
        for (int i = 0; i < table.Rows.Count; i++)
        {
            if (!values.TryAdd(table.Rows[i][q], table.Rows[i][v]))
                throw new InputException(path, i + 2, $"quantity '{table.Rows[i][q]}' is listed twice", "keep one row per quantity");
            about[table.Rows[i][q]] = (table.Rows[i][s], table.Rows[i][n]);
        }
        return new PaperValues(values, about);
    }

    /// <summary>Values given in code (tests).</summary>
    /// <param name="values">Quantity to value.</param>
    public static PaperValues Of(IReadOnlyDictionary<string, string> values) => new(new Dictionary<string, string>(values, StringComparer.Ordinal));

    /// <summary>The value of <paramref name="quantity"/>, or null when it is not listed or has no value.</summary>
    /// <param name="quantity">E.g. "ridgecv_alpha_5fu".</param>
    public string? Value(string quantity) => _values.TryGetValue(quantity, out var v) && v.Length > 0 ? v : null;

    /// <summary>Where the value comes from ("paper", "authors' code"), or null when the quantity is not listed.</summary>
    /// <param name="quantity">E.g. "ridgecv_alpha_5fu".</param>
    public string? Source(string quantity) => _about.TryGetValue(quantity, out var a) && a.Source.Length > 0 ? a.Source : null;

    /// <summary>The note of a quantity (e.g. why its value is missing), or null.</summary>
    /// <param name="quantity">E.g. "ridgecv_alpha_5fu".</param>
    public string? Note(string quantity) => _about.TryGetValue(quantity, out var a) && a.Note.Length > 0 ? a.Note : null;
}
