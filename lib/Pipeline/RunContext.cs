using System.Globalization;
using System.Text.Json;

namespace OrganoidBiomarkers.Pipeline;

/// <summary>
/// Where a notebook reads inputs and writes outputs, and the run's parameters. The headless runner passes these through
/// environment variables (PIPELINE_REPO, PIPELINE_OUTPUT, PIPELINE_DATA_MIRROR, PIPELINE_PARAMS); a notebook opened by
/// hand gets the defaults: the repository found from the current folder, its output/ folder, and ../shared/data.
/// </summary>
public sealed record RunContext(string RepoRoot, string OutputDir, string? DataMirror, IReadOnlyDictionary<string, string> Parameters)
{
    /// <summary>Default seed of every random draw in the pipeline (the paper's publication date, 2020-10-30).</summary>
    public const ulong DefaultSeed = 20201030;

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
        return new RunContext(repo, output, mirror, new SortedDictionary<string, string>(parameters, StringComparer.Ordinal));
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

    public string ManifestPath => Path.Combine(RepoRoot, "data", "manifest.tsv");
    public string CacheDir => Path.Combine(RepoRoot, "data", "cache");

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
