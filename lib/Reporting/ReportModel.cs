using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Reporting;

/// <summary>
/// A table shown in the report, with a caption saying what it is. When <paramref name="KeyColumns"/> or
/// <paramref name="KeyRows"/> are set the report shows that trimmed view first and the whole table behind a
/// &lt;details&gt; element; <paramref name="Link"/> (relative to report.html) points at the TSV.
/// </summary>
/// <param name="Caption">What the table is, shown above it.</param>
/// <param name="Table">The whole table.</param>
/// <param name="MaxRows">Rows shown at most (1 or more).</param>
/// <param name="KeyColumns">Columns of the trimmed view, in order; a name ending in '*' takes every column with that prefix. Columns the table lacks are skipped.</param>
/// <param name="KeyRows">Rows of the trimmed view (null: every row, up to <paramref name="MaxRows"/>).</param>
/// <param name="KeyTable">A trimmed view built by the caller (e.g. with shortened cells), used instead of <paramref name="KeyColumns"/> and <paramref name="KeyRows"/>.</param>
/// <param name="Link">Path of the TSV relative to report.html, or null.</param>
/// <param name="Widths">Column widths of the trimmed view in percent (fixed layout, cells wrap): for views with long cells.</param>
public sealed record ReportTable(string Caption, TsvTable Table, int MaxRows = 40, IReadOnlyList<string>? KeyColumns = null,
    Func<IReadOnlyList<string>, bool>? KeyRows = null, string? Link = null, TsvTable? KeyTable = null, IReadOnlyList<int>? Widths = null);

/// <summary>A figure embedded in the report (PNG bytes; no external file needed to view it).</summary>
/// <param name="Caption">What the figure shows, under it (also its alt text).</param>
/// <param name="Png">The PNG file's bytes.</param>
public sealed record ReportFigure(string Caption, byte[] Png);

/// <summary>One stage of the pipeline as the report shows it.</summary>
/// <param name="Id">HTML id of the section (the navigation line links to it).</param>
/// <param name="Title">Heading of the section.</param>
/// <param name="Summary">What the stage found, in a sentence or two (plain text: the report HTML-escapes it).</param>
/// <param name="NotebookLink">Executed notebook of the stage, relative to report.html, or null.</param>
/// <param name="Tables">Tables of the section, in order.</param>
/// <param name="Figures">Static figures (PNG) of the section, in order.</param>
/// <param name="Nav">Short label in the page's navigation line (null: the title).</param>
/// <param name="Charts">Interactive versions of the section's figures (<see cref="InteractiveFigure"/>), shown after the PNGs; null or empty: none.</param>
public sealed record ReportSection(string Id, string Title, string Summary, string? NotebookLink, IReadOnlyList<ReportTable> Tables, IReadOnlyList<ReportFigure> Figures,
    string? Nav = null, IReadOnlyList<InteractiveFigure>? Charts = null);

/// <summary>Where and how the run was made: commit, parameters, seed, timings, every input's checksum, and the input set (offline mirror or connected).</summary>
/// <param name="GitCommit">The commit the run was made from, as run.json records it ("unknown" when absent).</param>
/// <param name="StartedUtc">When the run started (UTC), as run.json records it ("unknown" when absent).</param>
/// <param name="TotalSeconds">Wall-clock seconds of the whole run; NaN when run.json does not record it.</param>
/// <param name="DataMirror">The data mirror folder the run read, or null.</param>
/// <param name="Parameters">The run's parameters (name to value), sorted by name.</param>
/// <param name="Seed">The run's seed (the "seed" parameter, else <see cref="Common.Rng.DefaultSeed"/>).</param>
/// <param name="NotebookTimings">One row per notebook: notebook, status, seconds.</param>
/// <param name="Inputs">One row per manifest entry: input, file, status, sha256, read from.</param>
/// <param name="InputSet">Offline mirror or connected, with the connected inputs and each arm's main-row inputs; null when not known.</param>
public sealed record Provenance(string GitCommit, string StartedUtc, double TotalSeconds, string? DataMirror, IReadOnlyDictionary<string, string> Parameters,
    ulong Seed, TsvTable NotebookTimings, TsvTable Inputs, InputSet? InputSet = null);

/// <summary>Everything the report shows: the verdict first, then one section per stage, then provenance.</summary>
/// <param name="Title">The page title and heading.</param>
/// <param name="Introduction">The paragraph under the title (plain text).</param>
/// <param name="Provenance">How the run was made, shown last.</param>
/// <param name="Sections">The stage sections, in order.</param>
/// <param name="Verdict">The verdict shown first, or null for none.</param>
public sealed record ReportModel(string Title, string Introduction, Provenance Provenance, IReadOnlyList<ReportSection> Sections, VerdictSection? Verdict = null);
