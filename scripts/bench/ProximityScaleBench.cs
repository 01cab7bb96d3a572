using System.Globalization;
using System.Text;
using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Network;

namespace OrganoidBiomarkers.Bench;

/// <summary>
/// Proximity at the size of STRING v10.5 &gt;= 700 (the connected run's network), on a generated graph: 16,000 genes
/// (every gene of the 674 Reactome sets, the drugs' targets, then synthetic names) and 420,000 edges drawn by a
/// Chung-Lu model with power-law weights (exponent 2.3, a heavy-tailed degree distribution like STRING's), seed
/// 20261205. Size basis: v10.5 has 273,810 protein pairs at &gt;= 900 (547,620 rows in both orders, Steipe's count) and
/// v11.0 about 19,354 proteins; &gt;= 700 gives roughly 15-17k genes after symbol mapping and several hundred thousand
/// pairs (the real counts are printed by scripts/fetch-inputs). Env PROXIMITY_SCALE_NODES / PROXIMITY_SCALE_EDGES
/// change the size. Ours: reading the edge table, the interactome, all-pairs distances and 5-FU + cisplatin x 674
/// pathways x 1000 randomisations. The networkx toolbox reference needs a BFS per node of the targets' degree bins on
/// this graph (hours in Python): it runs only with PROXIMITY_SCALE_REFERENCE=K (every K-th pathway, extrapolated).
/// </summary>
public sealed class ProximityScaleBench : IBench
{
    private const int Randomisations = 1000;
    private const ulong Seed = 20261205;

    private static readonly (string Drug, string[] Targets)[] Drugs =
    [
        ("FLUOROURACIL", ["TYMS"]),
        ("CISPLATIN", ["TF", "MPG", "A2M", "ATOX1"]),
    ];

    public string Name => "proximity-string105";

    public string Description => "proximity at STRING v10.5 >= 700 size: generated 16k-gene / 420k-edge heavy-tailed graph, 2 drugs x 674 pathways x 1000 randomisations";

    public Task<BenchResult> RunAsync(BenchContext context)
    {
        int nodes = int.Parse(Environment.GetEnvironmentVariable("PROXIMITY_SCALE_NODES") ?? (context.Quick ? "4000" : "16000"), CultureInfo.InvariantCulture);
        int edges = int.Parse(Environment.GetEnvironmentVariable("PROXIMITY_SCALE_EDGES") ?? (context.Quick ? "100000" : "420000"), CultureInfo.InvariantCulture);
        string gmt = context.Mirror("pathways/reactome_msigdb_v6.1.gmt");
        var pathways = GmtReader.Read(gmt, GmtLayout.NoDescription);
        string edgeFile = Path.Combine(context.WorkDir, $"generated_{nodes}_{edges}_edges.tsv");
        int written = 0;
        double generateSeconds = BenchContext.Time(() => written = Generate(pathways, nodes, edges, edgeFile));
        Console.WriteLine($"   generated {written} edges on {nodes} genes in {generateSeconds:F1} s ({edgeFile}); load average {LoadAverage()}");

        var ours = new List<ProximityResult>();
        string size = "";
        double readSeconds = 0, distanceSeconds = 0, proximitySeconds = 0;
        double total = 0;
        double cpu = BenchContext.CpuTime(() => total = BenchContext.Time(() =>
        {
            Interactome network = null!;
            readSeconds = BenchContext.Time(() => network = Interactome.FromEdges(NetworkFiles.ReadEdgeTable(edgeFile), CountLog.Silent));
            ProximityContext proximity = null!;
            distanceSeconds = BenchContext.Time(() => proximity = ProximityContext.Create(network));
            size = $"{network.NodeCount} nodes/{network.EdgeCount} edges in the largest component";
            proximitySeconds = BenchContext.Time(() =>
            {
                foreach (var (drug, targets) in Drugs)
                    ours.AddRange(Proximity.ForDrug(proximity, drug, targets, pathways, Randomisations, Seed, CountLog.Silent));
            });
        }));
        int computed = ours.Count(r => r.IsComputed);
        Console.WriteLine($"   ours: {total:F2} s wall, {cpu:F2} s CPU on {Environment.ProcessorCount} cores ({size}): reading + interactome {readSeconds:F2} s, all-pairs distances {distanceSeconds:F2} s, proximity {proximitySeconds:F2} s for {ours.Count} drug x pathway pairs ({computed} computed)");

        double referenceSeconds = double.NaN;
        string referenceName = "networkx toolbox not run (set PROXIMITY_SCALE_REFERENCE=K to time every K-th pathway)";
        string agreement = $"{computed} of {ours.Count} pairs computed; CPU {cpu:F2} s; load average {LoadAverage()}; read {readSeconds:F2} s, distances {distanceSeconds:F2} s, proximity {proximitySeconds:F2} s";
        if (Environment.GetEnvironmentVariable("PROXIMITY_SCALE_REFERENCE") is { Length: > 0 } every)
        {
            string outFile = Path.Combine(context.WorkDir, "proximity_scale.tsv"), timingFile = Path.Combine(context.WorkDir, "proximity_scale.json");
            var drugArgs = Drugs.SelectMany(d => new[] { "--drug", $"{d.Drug}={string.Join(',', d.Targets)}" }).ToArray();
            double wall = BenchContext.TimeProcess("/usr/bin/env", ["PYTHONHASHSEED=0", "/usr/bin/python3", Path.Combine(BenchContext.ReferenceDir, "proximity_networkx.py"),
                "--label", "scale", "--tsv", edgeFile, "--gmt", gmt, .. drugArgs, "--n-random", Randomisations.ToString(CultureInfo.InvariantCulture),
                "--every", every, "--out", outFile, "--timing", timingFile]);
            using var timing = System.Text.Json.JsonDocument.Parse(File.ReadAllText(timingFile));
            var root = timing.RootElement;
            double prox = root.GetProperty("proximity_s").GetDouble();
            int done = root.GetProperty("pathways_done").GetInt32(), all = root.GetProperty("pathways_total").GetInt32() * Drugs.Length;
            referenceSeconds = wall - prox + prox * all / done;
            referenceName = $"toolbox on networkx 2.8.8 ({wall:F0} s measured on {done}/{all} pairs, extrapolated)";
            var reference = File.ReadAllLines(outFile).Skip(1).Select(l => l.Split('\t')).ToList();
            var byKey = ours.ToDictionary(r => (r.Drug, r.Pathway));
            int same = reference.Count(r => r[5] == "NA" ? !byKey[(r[1], r[2])].IsComputed : byKey[(r[1], r[2])].D == double.Parse(r[5], CultureInfo.InvariantCulture));
            agreement += $"; d bit-identical to the toolbox for {same}/{reference.Count} pairs";
        }
        string workload = $"generated graph, {size}; 2 drugs x {pathways.Count} pathways x {Randomisations} randomisations, incl. reading and all-pairs distances";
        return Task.FromResult(new BenchResult(Name, workload, total, referenceSeconds, referenceName, agreement));
    }

    /// <summary>
    /// A Chung-Lu graph: node k has weight (k + 10)^(-1/(2.3 - 1)); edges join two nodes drawn in proportion to their
    /// weights (duplicates and self-pairs redrawn) until <paramref name="edges"/> distinct edges exist. Node names: the
    /// pathway genes and targets, then G00001..., in an order shuffled by the seed, so pathway genes get every degree.
    /// </summary>
    private static int Generate(IReadOnlyList<GeneSet> pathways, int nodes, int edges, string path)
    {
        var names = pathways.SelectMany(p => p.Genes).Concat(Drugs.SelectMany(d => d.Targets)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        for (int i = 1; names.Count < nodes; i++) names.Add($"G{i:D5}");
        var order = names.ToArray();
        var rng = Rng.ForStream(Seed, "proximity-string105", "graph");
        rng.ShuffleInplace(order);
        var cumulative = new double[order.Length];
        double sum = 0;
        for (int k = 0; k < order.Length; k++) cumulative[k] = sum += Math.Pow(k + 10, -1 / 1.3);
        int Draw()
        {
            int i = Array.BinarySearch(cumulative, rng.NextDouble() * sum);
            return Math.Min(i < 0 ? ~i : i, order.Length - 1);
        }
        var seen = new HashSet<long>();
        var text = new StringBuilder("gene_a\tgene_b\tweight\n");
        while (seen.Count < edges)
        {
            int a = Draw(), b = Draw();
            if (a == b) continue;
            long key = a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;
            if (!seen.Add(key)) continue;
            text.Append(order[a]).Append('\t').Append(order[b]).Append('\t').Append(700 + rng.NextInt(300)).Append('\n');
        }
        File.WriteAllText(path, text.ToString());
        return seen.Count;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
