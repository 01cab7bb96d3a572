using System.Globalization;
using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Network;

namespace OrganoidBiomarkers.Tests.Network;

/// <summary>Reads the golden files written by Golden/network/make_golden.py (networkx 2.8.8 and the toolbox transcription).</summary>
internal static class GoldenNetworks
{
    public static string[][] Table(string file) =>
        File.ReadAllLines(TestPaths.Golden("network", file)).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')).ToArray();

    public static IReadOnlyList<(string A, string B)> RawEdges(string graph) =>
        Table("graphs.tsv").Where(r => r[0] == graph).Select(r => (r[1], r[2])).ToList();

    public static Interactome Build(string graph, CountLog? log = null) => Interactome.FromEdges(RawEdges(graph), log ?? CountLog.Silent);

    /// <summary>The networkx all-pairs distances as (names, matrix).</summary>
    public static (string[] Nodes, int[,] Distances) Distances(string graph)
    {
        var lines = File.ReadAllLines(TestPaths.Golden("network", $"distances_{graph}.tsv"));
        var nodes = lines[0].Split('\t')[1..];
        var d = new int[nodes.Length, nodes.Length];
        for (int i = 0; i < nodes.Length; i++)
        {
            var f = lines[i + 1].Split('\t');
            if (f[0] != nodes[i]) throw new InvalidDataException($"row {i} is {f[0]}, expected {nodes[i]}");
            for (int j = 0; j < nodes.Length; j++) d[i, j] = int.Parse(f[j + 1], CultureInfo.InvariantCulture);
        }
        return (nodes, d);
    }

    public static double Number(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    public static string[] List(string s) => s.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
