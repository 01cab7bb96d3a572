using System.Reflection;
using OrganoidBiomarkers.Bench;

// Usage: scripts/bench/run [name ...] [--data-mirror DIR] [--quick]
var names = args.Where(a => !a.StartsWith("--")).ToList();
string? mirror = null;
for (int i = 0; i < args.Length - 1; i++) if (args[i] == "--data-mirror") { mirror = args[i + 1]; names.Remove(mirror); }
mirror ??= Environment.GetEnvironmentVariable("DATA_MIRROR");
// Default: ../shared/data beside the clone.
if (mirror is null && OrganoidBiomarkers.Pipeline.RunContext.FindRepoRoot(AppContext.BaseDirectory) is { } repo)
    mirror = OrganoidBiomarkers.Pipeline.RunContext.DefaultMirror(repo);
if (mirror is null) { Console.Error.WriteLine("bench: no data mirror found: pass --data-mirror DIR or set DATA_MIRROR"); return 2; }

var benches = typeof(IBench).Assembly.GetTypes()
    .Where(t => typeof(IBench).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBench)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name, StringComparer.Ordinal)
    .Where(b => names.Count == 0 || names.Contains(b.Name))
    .ToList();
if (benches.Count == 0) { Console.Error.WriteLine($"bench: nothing matches {string.Join(' ', names)}"); return 2; }

var work = Path.Combine(Path.GetTempPath(), "organoid-bench");
Directory.CreateDirectory(work);
var context = new BenchContext { DataMirror = mirror, WorkDir = work, Quick = args.Contains("--quick") };
var results = new List<BenchResult>();
foreach (var bench in benches)
{
    Console.WriteLine($"== {bench.Name}: {bench.Description}");
    var r = await bench.RunAsync(context);
    results.Add(r);
    Console.WriteLine($"   ours {r.OursSeconds:F2} s, {r.ReferenceName} {r.ReferenceSeconds:F2} s, speed-up {r.SpeedUp:F1}x; {r.Agreement}");
}
Console.WriteLine();
Console.WriteLine("name\tworkload\tours_s\treference\treference_s\tspeedup\tagreement");
foreach (var r in results)
    Console.WriteLine($"{r.Name}\t{r.Workload}\t{r.OursSeconds:F3}\t{r.ReferenceName}\t{r.ReferenceSeconds:F3}\t{r.SpeedUp:F1}\t{r.Agreement}");
return 0;
