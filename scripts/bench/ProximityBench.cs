using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Network;

namespace OrganoidBiomarkers.Bench;

/// <summary>
/// Network proximity (Guney 2016 'closest' z-scores) of FLUOROURACIL (TYMS) and CISPLATIN (TF, MPG, A2M, ATOX1) to the
/// 674 Reactome pathways, 1000 randomisations, on the STRING stand-in and on the Menche 2015 interactome (Entrez IDs
/// mapped to symbols), against the toolbox on networkx (reference/proximity_networkx.py). Ours includes reading the
/// files, building the networks and all-pairs distances. The reference runs every K-th pathway (K = 4 by default,
/// env PROXIMITY_BENCH_EVERY; --quick: 34) and its proximity time is extrapolated linearly to all pathways; its
/// loading and distance-table time is counted once, as measured.
/// </summary>
public sealed class ProximityBench : IBench
{
    private const int Randomisations = 1000;
    private const ulong Seed = 452456;   // the toolbox's default seed, as a label: the streams differ anyway

    private static readonly (string Drug, string[] Targets)[] Drugs =
    [
        ("FLUOROURACIL", ["TYMS"]),
        ("CISPLATIN", ["TF", "MPG", "A2M", "ATOX1"]),
    ];

    public string Name => "proximity";

    public string Description => "network proximity z-scores, 2 drugs x 674 Reactome pathways x 1000 randomisations, STRING stand-in and Menche interactomes";

    public Task<BenchResult> RunAsync(BenchContext context)
    {
        string stringTsv = context.Mirror("network/string_v10_notextmining_700_edges.tsv");
        string mencheSif = context.Mirror("network/menche2015_interactome_network.sif");
        string gmt = context.Mirror("pathways/reactome_msigdb_v6.1.gmt");
        string entrezSource = context.Mirror("tcga/expression/rnaseqdb_read_tumor_counts.txt.gz");
        int every = context.Quick ? 34 : int.Parse(Environment.GetEnvironmentVariable("PROXIMITY_BENCH_EVERY") ?? "4", CultureInfo.InvariantCulture);
        Console.WriteLine($"   load average before: {LoadAverage()}");

        // The Entrez -> symbol map is input preparation (the lead owns the real one): built outside both timings.
        var entrezToSymbol = EntrezToSymbol(entrezSource);
        string mapFile = Path.Combine(context.WorkDir, "menche_entrez_symbol.tsv");
        File.WriteAllLines(mapFile, entrezToSymbol.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}\t{kv.Value}"));

        var ours = new List<ProximityResult>();
        var labels = new List<string>();
        var networkSizes = new List<string>();
        double oursSeconds = BenchContext.Time(() =>
        {
            var pathways = ReadGmt(gmt);
            foreach (var (label, load) in new (string, Func<Interactome>)[]
            {
                ("string", () => Interactome.FromEdges(NetworkFiles.ReadEdgeTable(stringTsv), CountLog.Silent)),
                ("menche", () => Interactome.FromEdges(NetworkFiles.ReadSif(mencheSif), entrezToSymbol, CountLog.Silent)),
            })
            {
                var network = load();
                networkSizes.Add($"{label} {network.NodeCount} nodes/{network.EdgeCount} edges");
                var proximity = ProximityContext.Create(network);
                foreach (var (drug, targets) in Drugs)
                {
                    var results = Proximity.ForDrug(proximity, drug, targets, pathways, Randomisations, Seed, CountLog.Silent);
                    ours.AddRange(results);
                    labels.AddRange(results.Select(_ => label));
                }
            }
        });
        Console.WriteLine($"   ours: {oursSeconds:F2} s ({string.Join("; ", networkSizes)}); load average after: {LoadAverage()}");

        var drugArgs = Drugs.SelectMany(d => new[] { "--drug", $"{d.Drug}={string.Join(',', d.Targets)}" }).ToArray();
        double referenceMeasured = 0, referenceFull = 0;
        int done = 0, total = 0;
        var reference = new List<string[]>();
        foreach (var (label, input) in new[] { ("string", new[] { "--tsv", stringTsv }), ("menche", new[] { "--sif", mencheSif, "--id-map", mapFile }) })
        {
            string outFile = Path.Combine(context.WorkDir, $"proximity_{label}.tsv");
            string timingFile = Path.Combine(context.WorkDir, $"proximity_{label}.json");
            // PYTHONHASHSEED fixes Python's set order, hence the toolbox's draws: reruns give the same reference values.
            string[] args = ["PYTHONHASHSEED=0", "/usr/bin/python3", Path.Combine(BenchContext.ReferenceDir, "proximity_networkx.py"),
                "--label", label, .. input, "--gmt", gmt, .. drugArgs, "--n-random", Randomisations.ToString(CultureInfo.InvariantCulture),
                "--every", every.ToString(CultureInfo.InvariantCulture), "--out", outFile, "--timing", timingFile];
            double wall = BenchContext.TimeProcess("/usr/bin/env", args);
            using var timing = JsonDocument.Parse(File.ReadAllText(timingFile));
            var root = timing.RootElement;
            double proximity = root.GetProperty("proximity_s").GetDouble();
            int pathwaysDone = root.GetProperty("pathways_done").GetInt32();
            int pathwaysTotal = root.GetProperty("pathways_total").GetInt32() * Drugs.Length;
            referenceMeasured += wall;
            referenceFull += wall - proximity + proximity * pathwaysTotal / pathwaysDone;
            done += pathwaysDone;
            total += pathwaysTotal;
            Console.WriteLine($"   networkx {label}: {wall:F1} s wall for {pathwaysDone}/{pathwaysTotal} drug x pathway pairs " +
                $"(load {root.GetProperty("load_s").GetDouble():F1} s, lengths {root.GetProperty("lengths_s").GetDouble():F1} s, proximity {proximity:F1} s; " +
                $"{root.GetProperty("nodes").GetInt32()} nodes/{root.GetProperty("edges").GetInt32()} edges)");
            reference.AddRange(File.ReadAllLines(outFile).Skip(1).Select(l => l.Split('\t')));
        }

        string agreement = Compare(ours, labels, reference);
        string workload = $"2 drugs x {ours.Count / 4} pathways x {Randomisations} randomisations on STRING stand-in and Menche (symbols), " +
            $"incl. reading and all-pairs distances; networkx timed on every {every}th pathway ({done}/{total} pairs, {referenceMeasured:F0} s measured) " +
            "and its proximity time extrapolated linearly to all pathways";
        return Task.FromResult(new BenchResult(Name, workload, oursSeconds, referenceFull, "toolbox on networkx 2.8.8 (extrapolated)", agreement));
    }

    /// <summary>d exactly; null mean within 4 sd/sqrt(n); null sd within 4 standard errors (as the unit tests); z difference.</summary>
    private static string Compare(List<ProximityResult> ours, List<string> labels, List<string[]> reference)
    {
        var byKey = new Dictionary<(string, string, string), ProximityResult>();
        for (int i = 0; i < ours.Count; i++) byKey[(labels[i], ours[i].Drug, ours[i].Pathway)] = ours[i];
        int pairs = 0, computed = 0, dSame = 0, countsSame = 0, meanIn = 0, sdIn = 0;
        var zDiff = new List<double>();
        foreach (var r in reference)
        {
            pairs++;
            var o = byKey[(r[0], r[1], r[2])];
            if (o.TargetsInNetwork == int.Parse(r[3]) && o.PathwayGenesInNetwork == int.Parse(r[4])) countsSame++;
            if (r[5] == "NA") { if (!o.IsComputed) dSame++; continue; }
            computed++;
            double d = Parse(r[5]), mean = Parse(r[6]), sd = Parse(r[7]), z = Parse(r[8]), m4 = Parse(r[9]);
            if (o.D == d) dSame++;
            if (Math.Abs(o.Mean - mean) <= 4 * sd / Math.Sqrt(Randomisations)) meanIn++;
            double seSd = sd > 0 ? Math.Sqrt((m4 - Math.Pow(sd, 4)) / (4 * Randomisations * sd * sd)) : 0;
            if (Math.Abs(o.Sd - sd) <= 4 * Math.Sqrt(2) * seSd) sdIn++;
            zDiff.Add(Math.Abs(o.Z - z));
        }
        zDiff.Sort();
        return $"{pairs} drug x pathway pairs compared: set sizes equal {countsSame}/{pairs}; d bit-identical (NaN where the toolbox returns None) {dSame}/{pairs}; " +
            $"null mean within 4 sd/sqrt(n) {meanIn}/{computed} (2.8 se of the difference: ~0.5% expected outside by chance); " +
            $"null sd within 4 se {sdIn}/{computed}; |z ours - z toolbox| median {zDiff[zDiff.Count / 2]:F3}, 95th percentile {zDiff[(int)(0.95 * (zDiff.Count - 1))]:F3}, max {zDiff[^1]:F3}";
    }

    private static double Parse(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    /// <summary>A minimal reader for this GMT (NAME, then genes; no description column); the lead owns the real GMT reader.</summary>
    private static IReadOnlyList<GeneSet> ReadGmt(string path) =>
        File.ReadLines(path).Where(l => l.Trim().Length > 0)
            .Select(l => l.Split('\t').Where(f => f.Length > 0).ToArray())
            .Select(f => new GeneSet(f[0], null, f[1..]))
            .ToList();

    /// <summary>
    /// Entrez -> symbol from the RNAseqDB table's Hugo_Symbol and Entrez_Gene_Id columns; an Entrez ID listed with two
    /// symbols is ambiguous and left out (200 such IDs).
    /// </summary>
    private static Dictionary<string, string> EntrezToSymbol(string gz)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(gz), CompressionMode.Decompress));
        var header = reader.ReadLine()!.Split('\t');
        int iSymbol = Array.IndexOf(header, "Hugo_Symbol"), iEntrez = Array.IndexOf(header, "Entrez_Gene_Id");
        var symbols = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        for (string? line; (line = reader.ReadLine()) is not null;)
        {
            var f = line.Split('\t', Math.Max(iSymbol, iEntrez) + 2);
            string id = f[iEntrez].Trim(), symbol = f[iSymbol].Trim();
            if (id.Length == 0 || id == "0" || symbol.Length == 0) continue;
            if (!symbols.TryGetValue(id, out var set)) symbols[id] = set = new HashSet<string>(StringComparer.Ordinal);
            set.Add(symbol);
        }
        return symbols.Where(kv => kv.Value.Count == 1).ToDictionary(kv => kv.Key, kv => kv.Value.Single(), StringComparer.Ordinal);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
