namespace OrganoidBiomarkers.NotebookRunner;

/// <summary>One output of an executed cell, in nbformat terms.</summary>
internal abstract record CellOutput;

/// <summary>Text written to stdout or stderr.</summary>
internal sealed record StreamOutput(string Name, string Text) : CellOutput;

/// <summary>A displayed value (display_data) or the cell's return value (execute_result): mime type -> content.</summary>
internal sealed record DataOutput(bool IsResult, IReadOnlyDictionary<string, string> Data) : CellOutput;

/// <summary>A failure: exception name, message and trace lines.</summary>
internal sealed record ErrorOutput(string Name, string Value, IReadOnlyList<string> Traceback) : CellOutput;

/// <summary>A notebook cell as written to the executed .ipynb.</summary>
internal sealed record CellRecord(string Kind, string Language, string Source)
{
    public List<CellOutput> Outputs { get; } = new();
    public int? ExecutionCount { get; set; }
    public double? Seconds { get; set; }
    public string? Status { get; set; }
}
