using System.Text.Json;
using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Study;

namespace OrganoidBiomarkers.Reporting;

/// <summary>Read access to one run's output folder (results, figures, notebooks, run.json) and the repository's data notes.</summary>
public sealed class RunOutputs
{
    public string OutputDir { get; }
    public string RepoRoot { get; }
    public string? DataMirror { get; }

    /// <summary>The folder holding manifest.tsv, study.json and paper_values.tsv (default: the repository's data/).</summary>
    public string DataConfigDir { get; }

    public RunOutputs(string outputDir, string repoRoot, string? dataMirror, string? dataConfigDir = null)
    {
        OutputDir = outputDir;
        RepoRoot = repoRoot;
        DataMirror = dataMirror;
        DataConfigDir = dataConfigDir ?? Path.Combine(repoRoot, "data");
    }

    public bool HasResult(string file) => File.Exists(Path.Combine(OutputDir, "results", file));

    /// <summary>output/results/FILE, or null when the stage that writes it did not run.</summary>
    public TsvTable? Result(string file) => HasResult(file) ? TsvFiles.Read(Path.Combine(OutputDir, "results", file)) : null;

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

    /// <summary>The executed notebook of a stage, as a link relative to the report (output/report.html).</summary>
    public string? NotebookLink(int stage)
    {
        var dir = Path.Combine(OutputDir, "notebooks");
        if (!Directory.Exists(dir)) return null;
        var file = Directory.GetFiles(dir, $"{stage:D2}-*.ipynb").Order(StringComparer.Ordinal).FirstOrDefault();
        return file is null ? null : "notebooks/" + Path.GetFileName(file);
    }

    public JsonDocument? RunRecord() =>
        File.Exists(Path.Combine(OutputDir, "run.json")) ? JsonDocument.Parse(File.ReadAllText(Path.Combine(OutputDir, "run.json"))) : null;

    public IReadOnlyList<ManifestEntry> Manifest() => Data.Manifest.Read(Path.Combine(DataConfigDir, "manifest.tsv"));

    public TsvTable PaperValues() => TsvFiles.Read(Path.Combine(DataConfigDir, "paper_values.tsv"));

    /// <summary>The study definition the run used (study.json of the data config).</summary>
    public StudyDefinition Study() => _study ??= StudyDefinition.Read(Path.Combine(DataConfigDir, "study.json"), Manifest().Select(e => e.Id).ToList());

    private StudyDefinition? _study;

    /// <summary>A mirror file (authors' reference outputs), or null without a mirror.</summary>
    public string? MirrorFile(string relative) =>
        DataMirror is not null && File.Exists(Path.Combine(DataMirror, relative)) ? Path.Combine(DataMirror, relative) : null;
}
