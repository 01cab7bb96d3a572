using OrganoidBiomarkers.Network;
using Xunit;

namespace OrganoidBiomarkers.Tests.Network;

public class DistanceMatrixTests
{
    public static TheoryData<string> Graphs => new() { "toy", "ring_tail", "grid", "ba60", "pl400" };

    [Theory]
    [MemberData(nameof(Graphs))]
    public void All_pairs_distances_equal_networkx(string graph)
    {
        // networkx all_pairs_shortest_path_length (Golden/network/make_golden.py); pl400 spans two 256-source batches.
        var (nodes, expected) = GoldenNetworks.Distances(graph);
        var net = GoldenNetworks.Build(graph);
        var d = DistanceMatrix.Compute(net);
        for (int i = 0; i < nodes.Length; i++)
            for (int j = 0; j < nodes.Length; j++)
                Assert.True(expected[i, j] == d[net.IndexOf(nodes[i]), net.IndexOf(nodes[j])],
                    $"{graph}: d({nodes[i]}, {nodes[j]}) = {d[net.IndexOf(nodes[i]), net.IndexOf(nodes[j])]}, networkx {expected[i, j]}");
    }

    [Theory]
    [MemberData(nameof(Graphs))]
    public void Single_source_search_equals_the_matrix_rows(string graph)
    {
        var net = GoldenNetworks.Build(graph);
        var d = DistanceMatrix.Compute(net);
        for (int s = 0; s < net.NodeCount; s++)
            Assert.Equal(d.Row(s).ToArray().Select(b => (int)b), ShortestPaths.From(net, s));
    }

    [Fact]
    public void Result_does_not_depend_on_thread_count()
    {
        var net = GoldenNetworks.Build("pl400");
        var one = DistanceMatrix.Compute(net, maxDegreeOfParallelism: 1);
        var all = DistanceMatrix.Compute(net);
        for (int s = 0; s < net.NodeCount; s++) Assert.True(one.Row(s).SequenceEqual(all.Row(s)));
        Assert.Equal(GoldenNetworks.Distances("pl400").Distances.Cast<int>().Max(), all.Diameter());
    }
}
