using OrganoidBiomarkers.Cli;
using OrganoidBiomarkers.Pipeline;

namespace OrganoidBiomarkers.Bench;

/// <summary>scripts/bench/run: a strict command line (unknown benchmark names and options refused, with a near match), then the benchmarks.</summary>
internal static class BenchCommand
{
    public const string Tool = "bench";

    /// <summary>Every benchmark of this assembly, by name.</summary>
    public static IReadOnlyList<IBench> All() => typeof(IBench).Assembly.GetTypes()
        .Where(t => typeof(IBench).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
        .Select(t => (IBench)Activator.CreateInstance(t)!)
        .OrderBy(b => b.Name, StringComparer.Ordinal)
        .ToList();

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var all = All();
            var cli = new StrictCommandLine(Tool, "Times our routines and the reference implementations on the same inputs and checks that they agree (README \"Speed\").");
            var names = cli.Words("benchmark", "which to run (default: all)", all.Select(b => b.Name).ToList());
            var mirrorOpt = cli.Text("--data-mirror", "the data mirror (default: $DATA_MIRROR, else ../shared/data beside the clone)");
            var quickOpt = cli.Flag("--quick", "a smaller reference workload (every 34th pathway)");
            var parsed = cli.Parse(args, stdout);
            if (parsed is null) return ExitCodes.Ok;

            string? mirror = parsed.GetValue(mirrorOpt) ?? Environment.GetEnvironmentVariable("DATA_MIRROR");
            if (mirror is null && RunContext.FindRepoRoot(AppContext.BaseDirectory) is { } repo) mirror = RunContext.DefaultMirror(repo);
            if (mirror is null) throw new DirectoryNotFoundException("no data mirror found. Fix: pass --data-mirror DIR or set DATA_MIRROR");
            if (!Directory.Exists(mirror)) throw new UsageException($"--data-mirror {mirror} does not exist. Fix: pass the data mirror's folder");
            var chosen = parsed.GetValue(names)!;
            var benches = all.Where(b => chosen.Length == 0 || chosen.Contains(b.Name)).ToList();

            var work = Path.Combine(Path.GetTempPath(), "organoid-bench");
            Directory.CreateDirectory(work);
            var context = new BenchContext { DataMirror = mirror, WorkDir = work, Quick = parsed.GetValue(quickOpt) };
            var results = new List<BenchResult>();
            foreach (var bench in benches)
            {
                stdout.WriteLine($"== {bench.Name}: {bench.Description}");
                var r = await bench.RunAsync(context);
                results.Add(r);
                stdout.WriteLine($"   ours {r.OursSeconds:F2} s, {r.ReferenceName} {r.ReferenceSeconds:F2} s, speed-up {r.SpeedUp:F1}x; {r.Agreement}");
            }
            stdout.WriteLine();
            stdout.WriteLine("name\tworkload\tours_s\treference\treference_s\tspeedup\tagreement");
            foreach (var r in results)
                stdout.WriteLine($"{r.Name}\t{r.Workload}\t{r.OursSeconds:F3}\t{r.ReferenceName}\t{r.ReferenceSeconds:F3}\t{r.SpeedUp:F1}\t{r.Agreement}");
            return ExitCodes.Ok;
        }
        catch (Exception e)
        {
            return ErrorReport.Report(Tool, e, stderr);
        }
    }
}
