using OrganoidBiomarkers.Data.Remote;

namespace OrganoidBiomarkers.FetchInputs;

/// <summary>What the command line asks for.</summary>
public sealed record FetchOptions(string Action, FetchSettings Settings, string ConnectedDir, IReadOnlyList<string>? Only, string? RefreshTarget);

/// <summary>
/// <c>scripts/fetch-inputs</c>: parses the command line strictly (unknown options and settings refused with a
/// suggestion, before any work), then fetches, lists, verifies or refreshes. Exit codes: 0 done; 1 an input failed;
/// 2 bad command line; 3 no network; 4 a changed file was refused.
/// </summary>
public static class FetchCommand
{
    public const string ConfigVariable = "FETCH_INPUTS_CONFIG";

    public const string Usage = """
        Usage: scripts/fetch-inputs [options]
          Fetches the paper's own inputs from their public origins into data/connected/ (git-ignored) and records them
          (data/connected/inputs.tsv; origin files locked in data/connected/fetch.lock.tsv). README "Connected run".

          --only ID[,ID...]        fetch only these inputs (default: all; --list shows the ids)
          --base-url HOST=URL      fetch HOST's files from URL instead (private mirror; repeatable), e.g.
                                   --base-url stringdb-static.org=http://mirror.example.org/string
          --set KEY=VALUE          a setting (repeatable): retries, backoff_s, stall_timeout_s, progress_interval_s,
                                   string.min_score, string.alias_sources, lee2018.table_s3_mmc, gdc.page_size, gdc.batch_size
          --config FILE            'base-url HOST=URL' and 'set KEY=VALUE' lines (default: data/connected/fetch-inputs.conf
                                   when it exists, or $FETCH_INPUTS_CONFIG)
          --connected-dir DIR      where to write (default: data/connected beside this script's repository)
          --list                   print every input, its origins (after overrides) and hand-placement names; no network
          --verify                 check every recorded input and locked origin file on disk; no network
          --refresh TARGET         forget an input id, an origin file key or key prefix (e.g. gdc/TCGA-COAD), or 'all',
                                   so the next run fetches it again and records it anew
          --help                   this text
        Base URLs also come from $FETCH_INPUTS_BASE_URLS ('HOST=URL' items separated by spaces, commas or semicolons).
        Precedence: config file, then environment, then command line.
        """;

    private static readonly string[] Options = ["--only", "--base-url", "--set", "--config", "--connected-dir", "--list", "--verify", "--refresh", "--help"];

    /// <summary>Parses the arguments; throws ArgumentException with a one-line message on any problem.</summary>
    public static FetchOptions Parse(IReadOnlyList<string> args, string repoRoot, Func<string, string?> env)
    {
        string action = "fetch";
        string? connected = null, config = null, refresh = null;
        List<string>? only = null;
        var baseUrls = new List<string>();
        var sets = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            string Value()
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"{a} needs a value");
                return args[++i];
            }
            void SetAction(string act)
            {
                if (action != "fetch" && action != act) throw new ArgumentException($"{a} cannot be combined with --{action}");
                action = act;
            }
            switch (a)
            {
                case "--only": (only ??= []).AddRange(Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)); break;
                case "--base-url": baseUrls.Add(Value()); break;
                case "--set": sets.Add(Value()); break;
                case "--config": config = Value(); break;
                case "--connected-dir": connected = Value(); break;
                case "--list": SetAction("list"); break;
                case "--verify": SetAction("verify"); break;
                case "--refresh": SetAction("refresh"); refresh = Value(); break;
                case "--help" or "-h": SetAction("help"); break;
                default:
                    var near = NearMatch.Suggest(a, Options);
                    throw new ArgumentException($"unknown option '{a}'{(near is null ? "" : $" (did you mean {near}?)")}; scripts/fetch-inputs --help lists the options");
            }
        }
        string dir = Path.GetFullPath(connected ?? Path.Combine(repoRoot, "data", "connected"));
        var settings = new FetchSettings();
        config ??= env(ConfigVariable) is { Length: > 0 } c ? c : File.Exists(Path.Combine(dir, "fetch-inputs.conf")) ? Path.Combine(dir, "fetch-inputs.conf") : null;
        if (config is not null) settings = settings.WithConfigFile(config);
        if (env(OriginOverrides.EnvironmentVariable) is { Length: > 0 } fromEnv)
            settings = settings with { Overrides = settings.Overrides.With(OriginOverrides.SplitList(fromEnv), "$" + OriginOverrides.EnvironmentVariable) };
        settings = settings with { Overrides = settings.Overrides.With(baseUrls, "--base-url") };
        settings = settings.With(sets, "--set");
        if (only is not null)
        {
            var ids = ConnectedSources.Inputs.Select(s => s.Id).ToList();
            var unknown = only.FirstOrDefault(o => !ids.Contains(o));
            if (unknown is not null)
                throw new ArgumentException($"--only: unknown input '{unknown}'{(NearMatch.Suggest(unknown, ids) is { } s ? $" (did you mean {s}?)" : "")}; inputs: {string.Join(", ", ids)}");
        }
        return new FetchOptions(action, settings, dir, only, refresh);
    }

    /// <summary>Runs the command; returns the exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, string repoRoot, TextWriter stdout, TextWriter stderr,
        Func<string, string?>? env = null, HttpMessageHandler? handler = null, CancellationToken ct = default)
    {
        FetchOptions options;
        try
        {
            options = Parse(args, repoRoot, env ?? Environment.GetEnvironmentVariable);
        }
        catch (ArgumentException e)
        {
            stderr.WriteLine($"fetch-inputs: {e.Message}");
            return 2;
        }
        if (options.Action == "help") { stdout.Write(Usage); return 0; }
        if (options.Action == "list")
        {
            foreach (var line in ConnectedFetch.Plan(options.Settings)) stdout.WriteLine(line);
            return 0;
        }
        var folder = new ConnectedFolder(options.ConnectedDir);
        using var fetch = new ConnectedFetch(folder, options.Settings, line => stderr.WriteLine(line), handler);
        switch (options.Action)
        {
            case "verify":
                var problems = fetch.Verify();
                foreach (var p in problems) stdout.WriteLine(p);
                stdout.WriteLine(problems.Count == 0
                    ? $"fetch-inputs: {fetch.Record.Rows.Count} recorded input(s) and {fetch.Lock.Entries.Count} locked origin file(s) verified"
                    : $"fetch-inputs: {problems.Count} problem(s)");
                return problems.Count == 0 ? 0 : 1;
            case "refresh":
                try
                {
                    foreach (var line in fetch.Refresh(options.RefreshTarget!)) stdout.WriteLine(line);
                    return 0;
                }
                catch (ArgumentException e)
                {
                    stderr.WriteLine($"fetch-inputs: {e.Message}");
                    return 2;
                }
        }
        IReadOnlyList<FetchOutcome> outcomes;
        try
        {
            outcomes = await fetch.RunAsync(options.Only, ct);
        }
        catch (FetchException e) when (e.Failure == FetchFailure.NoNetwork)
        {
            stderr.WriteLine($"fetch-inputs: {e.Message}");
            return 3;
        }
        stdout.WriteLine("input\tstate\tstatus\torigin\tfile");
        foreach (var o in outcomes)
            stdout.WriteLine($"{o.Id}\t{o.State}\t{o.Status}\t{(o.State == "failed" ? o.Detail : o.Origin)}\t{o.File}");
        int failed = outcomes.Count(o => o.State == "failed");
        stdout.WriteLine($"fetch-inputs: {outcomes.Count - failed} of {outcomes.Count} input(s) ready in {folder.Root}{(failed > 0 ? $"; {failed} failed (see above; README 'Connected run' says how to place a file by hand)" : "")}");
        if (outcomes.Any(o => o.Failure == FetchFailure.Changed)) return 4;
        return failed > 0 ? 1 : 0;
    }
}
