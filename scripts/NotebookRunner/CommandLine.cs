using System.Text.RegularExpressions;
using OrganoidBiomarkers.Cli;

namespace OrganoidBiomarkers.NotebookRunner;

/// <summary>
/// Parses pipeline-mode arguments strictly (see <see cref="StrictCommandLine"/>): unknown options, unknown --param
/// keys, bad values and stages with no notebook are refused before any work. Defaults: notebooks/ and output/ of the
/// repository, mirror ../shared/data.
/// </summary>
internal static partial class CommandLine
{
    public const string Tool = "run-pipeline";

    /// <summary>The parsed options, or null when help was printed.</summary>
    public static PipelineOptions? Parse(string[] args, TextWriter? helpOutput = null)
    {
        var cli = new StrictCommandLine(Tool, "Runs notebooks/NN-*.dib headlessly in order; outputs in output/ (README \"Quick start\").");
        var mirrorOpt = cli.Text("--data-mirror", "folder laid out like the data mirror (default: $DATA_MIRROR, else ../shared/data beside the clone)");
        var paramOpt = cli.Repeated("--param", "key=value, repeatable; keys: " + string.Join(", ", PipelineParameters.All.Select(p => p.Name)));
        var onlyOpt = cli.Text("--only", "rerun these stages on the previous run's outputs, e.g. 04 or 04,05 (later stages whose inputs change are rerun too)");
        var timeoutOpt = cli.Integer("--timeout-seconds", "per notebook (default 900)", 900, min: 1);
        var outputOpt = cli.Text("--output", "output folder (default: output/ of the repository)");
        var configOpt = cli.Text("--data-config", "folder with manifest.tsv, study.json and paper_values.tsv (default: data/)");
        var notebooksOpt = cli.Text("--notebooks", "folder of the NN-*.dib notebooks (default: notebooks/ of the repository)");
        var reportOpt = cli.Text("--report-tool", "Report.dll that renders report.html from the staged outputs (set by scripts/run-pipeline)");
        var parsed = cli.Parse(args, helpOutput ?? Console.Out);
        if (parsed is null) return null;

        // --param: every key declared, every value of its type (PipelineParameters, shared with the notebooks' RunContext).
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var kv in parsed.GetValue(paramOpt)!)
        {
            int eq = kv.IndexOf('=');
            if (eq <= 0) throw new UsageException($"--param takes key=value, got '{kv}'. Fix: e.g. --param seed=7 (keys: {string.Join(", ", PipelineParameters.All.Select(p => p.Name))})");
            pairs.Add(new(kv[..eq].Trim(), kv[(eq + 1)..]));
        }
        var repeated = pairs.GroupBy(p => p.Key).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) throw new UsageException($"--param {repeated.Key} is given {repeated.Count()} times ({string.Join(", ", repeated.Select(p => p.Value))}). Fix: give each parameter once");
        var (parameters, errors) = PipelineParameters.Validate(pairs);
        if (errors.Count > 0) throw new UsageException(string.Join("; ", errors) + ". Fix: correct the --param value(s); README \"Parameters\" lists them");

        string? repo = FindRepoRoot(Environment.CurrentDirectory);
        string? notebooks = parsed.GetValue(notebooksOpt);
        if (notebooks is null)
        {
            if (repo is null) throw new UsageException("cannot find the repository root (OrganoidBiomarkers.sln) from the current folder. Fix: run from the clone or pass --notebooks");
            notebooks = Path.Combine(repo, "notebooks");
        }
        notebooks = Path.GetFullPath(notebooks);
        if (!Directory.Exists(notebooks)) throw new UsageException($"--notebooks {notebooks} does not exist. Fix: pass the folder holding the NN-*.dib notebooks");
        var stages = Stages(notebooks);
        if (stages.Count == 0) throw new UsageException($"no NN-*.dib notebooks in {notebooks}. Fix: pass the folder holding them with --notebooks");

        var only = new SortedSet<string>(StringComparer.Ordinal);
        if (parsed.GetValue(onlyOpt) is { } onlyText)
        {
            foreach (var n in onlyText.Split(',', StringSplitOptions.TrimEntries))
            {
                if (!StageNumber().IsMatch(n))
                    throw new UsageException($"--only {onlyText}: '{n}' is not a stage number (stages: {string.Join(", ", stages.Keys)}). Fix: e.g. --only 04,05");
                var nn = n.PadLeft(2, '0');
                if (!stages.ContainsKey(nn))
                    throw new UsageException($"--only {onlyText}: there is no stage {nn} (stages: {string.Join(", ", stages.Keys)}). Fix: choose among these");
                only.Add(nn);
            }
        }

        string output = Path.GetFullPath(parsed.GetValue(outputOpt) ?? Path.Combine(notebooks, "..", "output"));
        string? mirror = parsed.GetValue(mirrorOpt) ?? Environment.GetEnvironmentVariable("DATA_MIRROR");
        if (mirror is null)
        {
            // Same rule as lib RunContext.DefaultMirror (the runner does not reference the lib; see RunEnvironment).
            var sibling = Path.GetFullPath(Path.Combine(notebooks, "..", "..", "shared", "data"));
            if (Directory.Exists(sibling)) mirror = sibling;
        }
        else
        {
            mirror = Path.GetFullPath(mirror);
            if (!Directory.Exists(mirror)) throw new UsageException($"--data-mirror {mirror} does not exist. Fix: pass the data mirror's folder (or leave it out to download)");
        }
        string? dataConfig = parsed.GetValue(configOpt);
        if (dataConfig is not null)
        {
            // A folder holding manifest.tsv, study.json and paper_values.tsv in place of the repository's data/ (the tests' fixture world).
            dataConfig = Path.GetFullPath(dataConfig);
            foreach (var file in new[] { "manifest.tsv", "study.json", "paper_values.tsv" })
                if (!File.Exists(Path.Combine(dataConfig, file))) throw new UsageException($"--data-config {dataConfig} has no {file}. Fix: pass a folder holding manifest.tsv, study.json and paper_values.tsv");
        }
        string? reportTool = parsed.GetValue(reportOpt);
        if (reportTool is not null && !File.Exists(reportTool)) throw new UsageException($"--report-tool {reportTool} does not exist. Fix: build scripts/Report (scripts/run-pipeline does)");
        return new PipelineOptions(notebooks, output, mirror, parameters, only, TimeSpan.FromSeconds(parsed.GetValue(timeoutOpt)), reportTool, dataConfig);
    }

    /// <summary>The numbered notebooks of a folder (NN-name.dib), by stage number.</summary>
    public static SortedDictionary<string, FileInfo> Stages(string notebooksDir) =>
        new(Directory.GetFiles(notebooksDir, "*.dib")
            .Select(p => new FileInfo(p))
            .Where(f => f.Name.Length > 3 && char.IsAsciiDigit(f.Name[0]) && char.IsAsciiDigit(f.Name[1]) && f.Name[2] == '-')
            .GroupBy(f => f.Name[..2])
            .ToDictionary(g => g.Key, g => g.Count() == 1 ? g.Single()
                : throw new UsageException($"{notebooksDir} has two notebooks for stage {g.Key} ({string.Join(", ", g.Select(f => f.Name))}). Fix: keep one")),
            StringComparer.Ordinal);

    public static string? FindRepoRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OrganoidBiomarkers.sln"))) return dir.FullName;
        return null;
    }

    [GeneratedRegex("^[0-9]{1,2}$")]
    private static partial Regex StageNumber();
}
