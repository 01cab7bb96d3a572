using System.Text.Json;
using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Data.Remote;
using OrganoidBiomarkers.Study;

namespace OrganoidBiomarkers.Reporting;

/// <summary>A reference file of the manifest (an authors' output), resolved and sha256-checked, or why it is not available.</summary>
/// <param name="Entry">The manifest row of the file.</param>
/// <param name="Path">The local file, sha256 checked; null when not available here.</param>
/// <param name="Unavailable">Why the file is not available (the resolver's message); null when it is.</param>
public sealed record ReferenceFile(ManifestEntry Entry, string? Path, string? Unavailable)
{
    /// <summary>The file is here (<see cref="Path"/> is set).</summary>
    public bool IsAvailable => Path is not null;
}

/// <summary>Read access to one run's output folder (results, figures, notebooks, run.json) and the repository's data notes.</summary>
public sealed class RunOutputs
{
    /// <summary>The run's output folder (holding results/, stages/, figures/, notebooks/, run.json).</summary>
    public string OutputDir { get; }

    /// <summary>The repository's root folder.</summary>
    public string RepoRoot { get; }

    /// <summary>The data mirror reference files and inputs are resolved from (after the cache), or null for none.</summary>
    public string? DataMirror { get; }

    /// <summary>The folder holding manifest.tsv, study.json and paper_values.tsv (default: the repository's data/).</summary>
    public string DataConfigDir { get; }

    /// <summary>Read access to a run's outputs; nothing is read until asked for.</summary>
    /// <param name="outputDir">The run's output folder, e.g. output/.</param>
    /// <param name="repoRoot">The repository's root folder.</param>
    /// <param name="dataMirror">The data mirror folder, or null.</param>
    /// <param name="dataConfigDir">The data config folder, or null for <paramref name="repoRoot"/>/data.</param>
    public RunOutputs(string outputDir, string repoRoot, string? dataMirror, string? dataConfigDir = null)
    {
        OutputDir = outputDir;
        RepoRoot = repoRoot;
        DataMirror = dataMirror;
        DataConfigDir = dataConfigDir ?? Path.Combine(repoRoot, "data");
    }

    /// <summary>Whether output/results/<paramref name="file"/> exists (the stage that writes it ran).</summary>
    /// <param name="file">A file name such as "validation.tsv".</param>
    public bool HasResult(string file) => File.Exists(Path.Combine(OutputDir, "results", file));

    /// <summary>output/results/FILE, or null when the stage that writes it did not run.</summary>
    public TsvTable? Result(string file) => HasResult(file) ? TsvFiles.Read(Path.Combine(OutputDir, "results", file)) : null;

    /// <summary>output/stages/NN/<paramref name="file"/> (NN = <paramref name="stage"/> with two digits), or null when it does not exist.</summary>
    /// <param name="stage">The stage number, e.g. 4.</param>
    /// <param name="file">A file name such as "models.tsv".</param>
    /// <exception cref="InputException">The file exists but a line has more or fewer fields than the header.</exception>
    public TsvTable? Stage(int stage, string file)
    {
        var path = Path.Combine(OutputDir, "stages", stage.ToString("D2"), file);
        return File.Exists(path) ? TsvFiles.Read(path) : null;
    }

    /// <summary>The PNG figures of one stage (output/figures/NN_*.png), in name order.</summary>
    public IReadOnlyList<(string Name, byte[] Png)> Figures(int stage)
    {
        var dir = Path.Combine(OutputDir, "figures");
        if (!Directory.Exists(dir)) return [];
        return Directory.GetFiles(dir, $"{stage:D2}_*.png").Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileNameWithoutExtension(f), File.ReadAllBytes(f))).ToList();
    }

    /// <summary>The interactive charts one stage saved (output/figures/NN_*.plotly.json, <see cref="InteractiveFigure.OfStage"/>), in name order.</summary>
    public IReadOnlyList<InteractiveFigure> InteractiveFigures(int stage) => InteractiveFigure.OfStage(Path.Combine(OutputDir, "figures"), stage);

    /// <summary>output/figures/NAME.png, or null.</summary>
    public byte[]? Figure(string name)
    {
        var path = Path.Combine(OutputDir, "figures", name + ".png");
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }

    /// <summary>The prefix of robustness figures: stage 06's when it ran (06_robustness_), else stage 05's of older runs.</summary>
    public string RobustnessFigurePrefix =>
        Figures(6).Any(f => f.Name.StartsWith(StudyReport.RobustnessFigurePrefix06, StringComparison.Ordinal))
            ? StudyReport.RobustnessFigurePrefix06 : StudyReport.RobustnessFigurePrefix05;

    /// <summary>The executed notebook of a stage, as a link relative to the report (output/report.html).</summary>
    public string? NotebookLink(int stage)
    {
        var dir = Path.Combine(OutputDir, "notebooks");
        if (!Directory.Exists(dir)) return null;
        var file = Directory.GetFiles(dir, $"{stage:D2}-*.ipynb").Order(StringComparer.Ordinal).FirstOrDefault();
        return file is null ? null : "notebooks/" + Path.GetFileName(file);
    }

    /// <summary>output/run.json parsed (the caller disposes it), or null when the run wrote none.</summary>
    /// <exception cref="JsonException">run.json is not valid JSON.</exception>
    public JsonDocument? RunRecord() =>
        File.Exists(Path.Combine(OutputDir, "run.json")) ? JsonDocument.Parse(File.ReadAllText(Path.Combine(OutputDir, "run.json"))) : null;

    /// <summary>The data config's manifest.tsv (<see cref="Data.Manifest.Read"/>), read once and kept.</summary>
    /// <exception cref="InputException">The manifest is missing or malformed.</exception>
    public IReadOnlyList<ManifestEntry> Manifest() => _manifest ??= Data.Manifest.Read(Path.Combine(DataConfigDir, "manifest.tsv"));

    private IReadOnlyList<ManifestEntry>? _manifest;

    /// <summary>data/paper_values.tsv of the data config as a table, read on every call.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InputException">A line has more or fewer fields than the header.</exception>
    public TsvTable PaperValues() => TsvFiles.Read(PaperValuesPath);

    /// <summary>data/paper_values.tsv of the data config.</summary>
    public string PaperValuesPath => Path.Combine(DataConfigDir, "paper_values.tsv");

    /// <summary>
    /// The study definition the run used: the one stage 01 recorded (output/stages/01/study.json: the data config's
    /// study.json with the entries whose inputs were not available left out), else (an output written before stage 01
    /// recorded it) the data config's study.json without the entries that need a connected input not fetched into
    /// data/connected/ or a not-available one (<see cref="StudyAvailability.Usable"/>; mirror inputs count as read).
    /// </summary>
    public StudyDefinition Study()
    {
        if (_study is not null) return _study;
        var ids = Manifest().Select(e => e.Id).ToList();
        var recorded = Path.Combine(OutputDir, "stages", "01", "study.json");
        if (File.Exists(recorded)) return _study = StudyDefinition.Read(recorded, ids);
        var connected = new DataStore(Manifest(), DataMirror, Path.Combine(DataConfigDir, "cache"), http: null, connectedDir: ConnectedFolder.For(DataConfigDir).Root);
        bool Read(string id) => connected.Entry(id).Fetch switch
        {
            FetchMode.Connected => connected.IsAvailable(id),
            FetchMode.NotAvailable => false,
            _ => true,
        };
        return _study = StudyDefinition.Read(Path.Combine(DataConfigDir, "study.json"), ids).Usable(Read).Study;
    }

    private StudyDefinition? _study;

    /// <summary>
    /// A reference input of the manifest (e.g. the authors' proximity table or demo outputs), resolved as every input
    /// is: the data config's cache/, then the mirror, sha256 checked (a mismatch throws). Never downloads: the report
    /// runs offline. When the file is not here, <see cref="ReferenceFile.Unavailable"/> says why.
    /// </summary>
    public ReferenceFile Reference(string id)
    {
        if (_references.TryGetValue(id, out var known)) return known;
        _store ??= new DataStore(Manifest(), DataMirror, Path.Combine(DataConfigDir, "cache"), http: null);
        var entry = _store.Entry(id);
        ReferenceFile result;
        try { result = new ReferenceFile(entry, _store.PathOf(id), null); }
        catch (DataUnavailableException e) { result = new ReferenceFile(entry, null, e.Message); }
        _references[id] = result;
        return result;
    }

    /// <summary>
    /// Whether an input stood in for the paper's in this run: one the run read from the connected folder counts by the
    /// status its fetch recorded (inventory.tsv: original, successor or re-quantified are the paper's data; a refit or an
    /// older version is not), any other by its manifest status (<see cref="ManifestEntry.IsStandIn"/>).
    /// </summary>
    public bool IsStandIn(ManifestEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _inventory ??= Result("inventory.tsv") ?? new TsvTable(["input"], []);
        var row = _inventory.Columns.Contains("from") ? _inventory.Where(("input", entry.Id)).FirstOrDefault() : null;
        if (row is not null && _inventory.Cell(row, "from") == "connected")
            return _inventory.Cell(row, "status") is not ("original" or "successor" or "re-quantified");
        return entry.IsStandIn;
    }

    private TsvTable? _inventory;
    private DataStore? _store;
    private readonly Dictionary<string, ReferenceFile> _references = new(StringComparer.Ordinal);
}
