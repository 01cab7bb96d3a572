namespace OrganoidBiomarkers.NotebookRunner;

internal sealed class CommandLineException(string message) : Exception(message);

/// <summary>Parses pipeline-mode arguments. Defaults: notebooks/ and output/ of the repository, mirror ../shared/data.</summary>
internal static class CommandLine
{
    public const string Usage =
        "usage: scripts/run-pipeline [--data-mirror DIR] [--param key=value ...] [--only NN,NN] [--timeout-seconds N] [--output DIR] [--data-config DIR]";

    public static PipelineOptions Parse(string[] args)
    {
        string? repo = FindRepoRoot(Environment.CurrentDirectory);
        string? notebooks = null, output = null, mirror = Environment.GetEnvironmentVariable("DATA_MIRROR");
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var only = new HashSet<string>(StringComparer.Ordinal);
        int timeout = 900;
        string? reportTool = null, dataConfig = null;
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new CommandLineException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--notebooks": notebooks = Next(); break;
                case "--output": output = Next(); break;
                case "--data-mirror": mirror = Next(); break;
                case "--report-tool": reportTool = Next(); break;
                case "--data-config": dataConfig = Next(); break;
                case "--timeout-seconds":
                    timeout = int.TryParse(Next(), out var t) && t > 0 ? t : throw new CommandLineException("--timeout-seconds takes a positive integer");
                    break;
                case "--only":
                    foreach (var n in Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                        only.Add(n.Length == 1 ? "0" + n : n);
                    break;
                case "--param":
                    var kv = Next();
                    int eq = kv.IndexOf('=');
                    if (eq <= 0) throw new CommandLineException($"--param takes key=value, got '{kv}'");
                    parameters[kv[..eq]] = kv[(eq + 1)..];
                    break;
                default: throw new CommandLineException($"unknown argument '{args[i]}'");
            }
        }
        if (notebooks is null)
        {
            if (repo is null) throw new CommandLineException("cannot find the repository root (OrganoidBiomarkers.sln) from the current folder: pass --notebooks");
            notebooks = Path.Combine(repo, "notebooks");
        }
        notebooks = Path.GetFullPath(notebooks);
        output = Path.GetFullPath(output ?? Path.Combine(notebooks, "..", "output"));
        if (mirror is null)
        {
            // Same rule as lib RunContext.DefaultMirror (the runner does not reference the lib; see RunEnvironment).
            var sibling = Path.GetFullPath(Path.Combine(notebooks, "..", "..", "shared", "data"));
            if (Directory.Exists(sibling)) mirror = sibling;
        }
        else
        {
            mirror = Path.GetFullPath(mirror);
            if (!Directory.Exists(mirror)) throw new CommandLineException($"--data-mirror {mirror} does not exist");
        }
        if (dataConfig is not null)
        {
            // A folder holding manifest.tsv, study.json and paper_values.tsv in place of the repository's data/ (the tests' fixture world).
            dataConfig = Path.GetFullPath(dataConfig);
            foreach (var file in new[] { "manifest.tsv", "study.json", "paper_values.tsv" })
                if (!File.Exists(Path.Combine(dataConfig, file))) throw new CommandLineException($"--data-config {dataConfig} has no {file}");
        }
        return new PipelineOptions(notebooks, output, mirror, parameters, only, TimeSpan.FromSeconds(timeout), reportTool, dataConfig);
    }

    public static string? FindRepoRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OrganoidBiomarkers.sln"))) return dir.FullName;
        return null;
    }
}
