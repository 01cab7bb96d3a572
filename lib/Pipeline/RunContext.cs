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

    /// <summary>
    /// The run the environment describes: PIPELINE_REPO (else the repository above the current folder), PIPELINE_OUTPUT
    /// (else output/), PIPELINE_DATA_MIRROR or DATA_MIRROR (else <see cref="DefaultMirror"/>), PIPELINE_PARAMS (a JSON
    /// object of strings, validated against <see cref="PipelineParameters"/>), PIPELINE_DATA_CONFIG (else data/).
    /// </summary>
    /// <exception cref="InvalidOperationException">No repository root is found.</exception>
    /// <exception cref="ParameterException">PIPELINE_PARAMS is not a JSON object of strings, or holds a refused parameter.</exception>
    public static RunContext FromEnvironment()
    {
        string repo = Environment.GetEnvironmentVariable("PIPELINE_REPO") ?? FindRepoRoot(Environment.CurrentDirectory)
            ?? throw new InvalidOperationException("cannot find the repository root (OrganoidBiomarkers.sln) above " + Environment.CurrentDirectory);
        string output = Environment.GetEnvironmentVariable("PIPELINE_OUTPUT") ?? Path.Combine(repo, "output");
        string? mirror = Environment.GetEnvironmentVariable("PIPELINE_DATA_MIRROR") ?? Environment.GetEnvironmentVariable("DATA_MIRROR");
        mirror ??= DefaultMirror(repo);
        var json = Environment.GetEnvironmentVariable("PIPELINE_PARAMS");
        Dictionary<string, string> given;
        try
        {
            given = string.IsNullOrWhiteSpace(json) ? new() : JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? new();
        }
        catch (JsonException e)
        {
            throw new ParameterException($"PIPELINE_PARAMS is not a JSON object of strings ({e.Message}); it is set by scripts/run-pipeline: unset it when running a notebook by hand");
        }
        var (parameters, errors) = PipelineParameters.Validate(given);
        if (errors.Count > 0) throw new ParameterException(string.Join("; ", errors));
        string config = Environment.GetEnvironmentVariable("PIPELINE_DATA_CONFIG") is { Length: > 0 } c ? Path.GetFullPath(c) : Path.Combine(repo, "data");
        return new RunContext(repo, output, mirror, parameters, config);
    }

    /// <summary>The default data mirror, ../shared/data beside the clone, when it exists.</summary>
    /// <param name="repoRoot">The clone's folder.</param>
    /// <returns>The full path, or null when the folder does not exist.</returns>
    public static string? DefaultMirror(string repoRoot)
    {
        var sibling = Path.GetFullPath(Path.Combine(repoRoot, "..", "shared", "data"));
        return Directory.Exists(sibling) ? sibling : null;
    }

    /// <summary>The nearest folder at or above <paramref name="start"/> that holds OrganoidBiomarkers.sln, or null.</summary>
    /// <param name="start">A folder inside the clone (e.g. notebooks/).</param>
    public static string? FindRepoRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OrganoidBiomarkers.sln"))) return dir.FullName;
        return null;
    }

    /// <summary>
    /// A run parameter (--param name=value) as given, else its declared default. The name must be declared in
    /// <see cref="PipelineParameters"/>, and <paramref name="fallback"/> must equal the declared default (one default per
    /// parameter, the one run.json and README show).
    /// </summary>
    /// <param name="name">A declared key.</param>
    /// <param name="fallback">The declared default, restated by the caller.</param>
    /// <exception cref="InvalidOperationException">The key is not declared, or <paramref name="fallback"/> is not its declared default.</exception>
    /// <exception cref="ParameterException">The given value is not allowed.</exception>
    public string Param(string name, string fallback)
    {
        var p = Declared(name);
        var (canonical, _) = p.Normalize(fallback);
        if (canonical != p.Default)
            throw new InvalidOperationException($"parameter '{name}': this call's default '{fallback}' differs from the declared default '{p.Default}' in lib/Pipeline/PipelineParameters.cs: keep one");
        return Param(name);
    }

    /// <summary>A run parameter in canonical form (as given, else its declared default).</summary>
    /// <param name="name">A declared key.</param>
    /// <exception cref="InvalidOperationException">The key is not declared.</exception>
    /// <exception cref="ParameterException">The given value is not allowed.</exception>
    public string Param(string name)
    {
        var p = Declared(name);
        if (!Parameters.TryGetValue(name, out var v)) return p.Default;
        var (value, error) = p.Normalize(v);
        return value ?? throw new ParameterException(error!);
    }

    /// <summary>An integer run parameter (<see cref="Param(string, string)"/>).</summary>
    /// <param name="name">A declared Integer key.</param>
    /// <param name="fallback">Its declared default.</param>
    public int IntParam(string name, int fallback) =>
        int.Parse(Param(name, fallback.ToString(CultureInfo.InvariantCulture)), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    /// <summary>A numeric run parameter, invariant culture (<see cref="Param(string)"/>).</summary>
    /// <param name="name">A declared Number or Integer key.</param>
    public double NumberParam(string name) => double.Parse(Param(name), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>A true/false run parameter (case-insensitive on the command line).</summary>
    /// <param name="name">A declared Boolean key.</param>
    public bool BoolParam(string name) => Param(name) == "true";

    /// <summary>The seed of every random draw (--param seed, default <see cref="DefaultSeed"/>).</summary>
    public ulong Seed => ulong.Parse(Param("seed", DefaultSeed.ToString(CultureInfo.InvariantCulture)), NumberStyles.None, CultureInfo.InvariantCulture);

    private static PipelineParameter Declared(string name) => PipelineParameters.Find(name)
        ?? throw new InvalidOperationException($"parameter '{name}' is read but not declared: add it to lib/Pipeline/PipelineParameters.cs");

    /// <summary>The data manifest: every input's origin, sha256 and licence.</summary>
    public string ManifestPath => Path.Combine(DataConfigDir, "manifest.tsv");

    /// <summary>The study definition (data/study.json).</summary>
    public string StudyPath => Path.Combine(DataConfigDir, "study.json");

    /// <summary>The paper's and the authors' code's numbers the report compares with (data/paper_values.tsv).</summary>
    public string PaperValuesPath => Path.Combine(DataConfigDir, "paper_values.tsv");

    /// <summary>The git-ignored download cache (data/cache).</summary>
    public string CacheDir => Path.Combine(DataConfigDir, "cache");

    /// <summary>
    /// The study definition as this run can use it (<see cref="UsableStudy"/>): the entries whose inputs are not
    /// available left out, so the preference lists take the first usable entry (the paper's own inputs when
    /// scripts/fetch-inputs has fetched them, else the stand-ins).
    /// </summary>
    public StudyDefinition Study => UsableStudy.Study;

    /// <summary>The whole study definition (data/study.json), checked against the manifest (read once per run context).</summary>
    public StudyDefinition FullStudy => _study ??= StudyDefinition.Read(StudyPath, Manifest.Read(ManifestPath).Select(e => e.Id).ToList());

    /// <summary>The study reduced to the inputs available to this run, and what was left out (computed once per run context).</summary>
    public UsableStudy UsableStudy => _usable ??= FullStudy.Usable(DataAccess.Availability(this));

    private StudyDefinition? _study;
    private UsableStudy? _usable;

    /// <summary>output/results/FILE (the machine-readable results); the folder is created when missing.</summary>
    /// <param name="file">A file name, e.g. "validation.tsv".</param>
    public string ResultPath(string file) => Ensure(Path.Combine(OutputDir, "results", file));

    /// <summary>output/figures/FILE; the folder is created when missing.</summary>
    /// <param name="file">A file name, e.g. "02_expression_boxplot.png".</param>
    public string FigurePath(string file) => Ensure(Path.Combine(OutputDir, "figures", file));

    /// <summary>output/stages/NN/FILE: what one stage hands to the next (later stages read files, never kernel state); the folder is created when missing.</summary>
    /// <param name="stage">Stage number (>= 0; written with two digits, 4 gives stages/04/).</param>
    /// <param name="file">A file name, e.g. "models.tsv".</param>
    public string StagePath(int stage, string file) => Ensure(Path.Combine(OutputDir, "stages", stage.ToString("D2", CultureInfo.InvariantCulture), file));

    private static string Ensure(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
