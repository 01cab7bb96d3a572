using System.Globalization;
using System.Text.Json;
using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Study;

namespace OrganoidBiomarkers.Pipeline;

/// <summary>
/// Where a notebook reads inputs and writes outputs, and the run's parameters. The headless runner passes these through
/// environment variables (PIPELINE_REPO, PIPELINE_OUTPUT, PIPELINE_DATA_MIRROR, PIPELINE_DATA_CONFIG, PIPELINE_PARAMS);
/// a notebook opened by hand gets the defaults: the repository found from the current folder, its output/ folder,
/// ../shared/data and the repository's data/ folder.
/// </summary>
/// <param name="RepoRoot">The clone (holds OrganoidBiomarkers.sln).</param>
/// <param name="OutputDir">Where results, figures and stage files go.</param>
/// <param name="DataMirror">A folder laid out like the data mirror, or null.</param>
/// <param name="Parameters">--param key=value pairs.</param>
/// <param name="DataConfigDir">The folder holding manifest.tsv, study.json and paper_values.tsv (default: the repository's
/// data/). The fixture world of the tests has its own; its cache/ folder is the download cache.</param>
public sealed record RunContext(string RepoRoot, string OutputDir, string? DataMirror, IReadOnlyDictionary<string, string> Parameters, string DataConfigDir)
{
    /// <summary>Default seed of every random draw in the pipeline (<see cref="Rng.DefaultSeed"/>).</summary>
    public const ulong DefaultSeed = Rng.DefaultSeed;

    public static RunContext FromEnvironment()
    {
        string repo = Environment.GetEnvironmentVariable("PIPELINE_REPO") ?? FindRepoRoot(Environment.CurrentDirectory)
            ?? throw new InvalidOperationException("cannot find the repository root (OrganoidBiomarkers.sln) above " + Environment.CurrentDirectory);
        string output = Environment.GetEnvironmentVariable("PIPELINE_OUTPUT") ?? Path.Combine(repo, "output");
        string? mirror = Environment.GetEnvironmentVariable("PIPELINE_DATA_MIRROR") ?? Environment.GetEnvironmentVariable("DATA_MIRROR");
        mirror ??= DefaultMirror(repo);
        var json = Environment.GetEnvironmentVariable("PIPELINE_PARAMS");
        var parameters = string.IsNullOrWhiteSpace(json)
            ? new Dictionary<string, string>()
            : JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? new();
        string config = Environment.GetEnvironmentVariable("PIPELINE_DATA_CONFIG") is { Length: > 0 } c ? Path.GetFullPath(c) : Path.Combine(repo, "data");
        return new RunContext(repo, output, mirror, new SortedDictionary<string, string>(parameters, StringComparer.Ordinal), config);
    }

    /// <summary>The default data mirror, ../shared/data beside the clone, when it exists.</summary>
    public static string? DefaultMirror(string repoRoot)
    {
        var sibling = Path.GetFullPath(Path.Combine(repoRoot, "..", "shared", "data"));
        return Directory.Exists(sibling) ? sibling : null;
    }

    public static string? FindRepoRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OrganoidBiomarkers.sln"))) return dir.FullName;
        return null;
    }

    /// <summary>A run parameter (--param name=value), or the fallback.</summary>
    public string Param(string name, string fallback) => Parameters.TryGetValue(name, out var v) ? v : fallback;

    public int IntParam(string name, int fallback) =>
        Parameters.TryGetValue(name, out var v)
            ? int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : throw new ArgumentException($"--param {name}={v}: not an integer")
            : fallback;

    public ulong Seed => Parameters.TryGetValue("seed", out var s)
        ? ulong.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw new ArgumentException($"--param seed={s}: not a non-negative integer")
        : DefaultSeed;

    /// <summary>The data manifest: every input's origin, sha256 and licence.</summary>
    public string ManifestPath => Path.Combine(DataConfigDir, "manifest.tsv");

    /// <summary>The study definition (data/study.json).</summary>
    public string StudyPath => Path.Combine(DataConfigDir, "study.json");

    /// <summary>The paper's and the authors' code's numbers the report compares with (data/paper_values.tsv).</summary>
    public string PaperValuesPath => Path.Combine(DataConfigDir, "paper_values.tsv");

    /// <summary>The git-ignored download cache (data/cache).</summary>
    public string CacheDir => Path.Combine(DataConfigDir, "cache");

    /// <summary>The study definition, checked against the manifest (read once per run context).</summary>
    public StudyDefinition Study => _study ??= StudyDefinition.Read(StudyPath, Manifest.Read(ManifestPath).Select(e => e.Id).ToList());

    private StudyDefinition? _study;

    /// <summary>output/results/FILE (the machine-readable results).</summary>
    public string ResultPath(string file) => Ensure(Path.Combine(OutputDir, "results", file));

    /// <summary>output/figures/FILE.</summary>
    public string FigurePath(string file) => Ensure(Path.Combine(OutputDir, "figures", file));

    /// <summary>output/stages/NN/FILE: what one stage hands to the next (later stages read files, never kernel state).</summary>
    public string StagePath(int stage, string file) => Ensure(Path.Combine(OutputDir, "stages", stage.ToString("D2", CultureInfo.InvariantCulture), file));

    private static string Ensure(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
