namespace OrganoidBiomarkers.Reporting;

/// <summary>
/// The paper's values (<see cref="Study.PaperValues"/>, data/paper_values.tsv) as parity references: each value with
/// its source and the file and key it was read from. Keys are built from study ids, e.g. "{cohort}_patients",
/// "top_biomarker_{arm}"; claims in words (e.g. "no separation") are read with <see cref="Text"/>.
/// </summary>
public sealed class PaperReferences
{
    private readonly Study.PaperValues _values;

    /// <param name="values">The paper values of the run's data config.</param>
    public PaperReferences(Study.PaperValues values) => _values = values;

    /// <summary>Reads data/paper_values.tsv (see <see cref="Study.PaperValues.Read"/>).</summary>
    public static PaperReferences Read(string path) => new(Study.PaperValues.Read(path));

    /// <summary>The reference for <paramref name="key"/>, or null when the row is missing or its value empty.</summary>
    public ReferenceValue? Value(string key) =>
        _values.Value(key) is { } v ? new ReferenceValue(_values.Source(key) ?? Parity.PaperSource, $"data/paper_values.tsv ({key})", v) : null;

    /// <summary>The note of <paramref name="key"/> (why a value is missing), or null.</summary>
    public string? Note(string key) => _values.Note(key);

    /// <summary>The value as text, or null (claims in words, e.g. "no separation").</summary>
    public string? Text(string key) => _values.Value(key);
}
