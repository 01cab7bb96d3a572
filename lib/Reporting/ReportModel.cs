using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Reporting;

/// <summary>A table shown in the report, with a caption saying what it is.</summary>
public sealed record ReportTable(string Caption, TsvTable Table, int MaxRows = 40);

/// <summary>A figure embedded in the report (PNG bytes; no external file needed to view it).</summary>
public sealed record ReportFigure(string Caption, byte[] Png);

/// <summary>One stage of the pipeline as the report shows it.</summary>
public sealed record ReportSection(string Id, string Title, string Summary, string? NotebookLink, IReadOnlyList<ReportTable> Tables, IReadOnlyList<ReportFigure> Figures);

/// <summary>Where and how the run was made: commit, parameters, seed, timings, and every input's checksum.</summary>
public sealed record Provenance(string GitCommit, string StartedUtc, double TotalSeconds, string? DataMirror, IReadOnlyDictionary<string, string> Parameters,
    ulong Seed, TsvTable NotebookTimings, TsvTable Inputs);

/// <summary>Everything the report shows.</summary>
public sealed record ReportModel(string Title, string Introduction, Provenance Provenance, IReadOnlyList<ReportSection> Sections);
