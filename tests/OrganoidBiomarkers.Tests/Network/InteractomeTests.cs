using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Network;
using Xunit;

namespace OrganoidBiomarkers.Tests.Network;

public class InteractomeTests
{
    public static TheoryData<string> Graphs => new() { "toy", "ring_tail", "grid", "ba60", "pl400" };

    [Theory]
    [MemberData(nameof(Graphs))]
    public void Counts_match_networkx_after_self_loops_duplicates_and_largest_component(string graph)
    {
        // Golden/network/make_golden.py: nx.Graph(edges), remove_edges_from(selfloop_edges), largest component.
        var expected = GoldenNetworks.Table("summary.tsv").Single(r => r[0] == graph).Skip(1).Select(int.Parse).ToArray();
        var log = new CountLog();
        var net = GoldenNetworks.Build(graph, log);
        CountEntry Step(string step) => log.Entries.Single(e => e.Step == step);

        Assert.Equal(expected[0], Step("network edges: self-loops").Before);
        Assert.Equal(expected[0] - expected[1], Step("network edges: self-loops").After);
        Assert.Equal(expected[2], Step("network edges: duplicates").After);
        Assert.Equal(expected[3], Step("network nodes: largest connected component").Before);
        Assert.Equal(expected[4], Step("network nodes: largest connected component").After);
        Assert.Equal(expected[5], Step("network edges: largest connected component").After);
        Assert.Equal(expected[4], net.NodeCount);
        Assert.Equal(expected[5], net.EdgeCount);
        // The node list is the networkx component, in ordinal order.
        Assert.Equal(GoldenNetworks.Distances(graph).Nodes.Order(StringComparer.Ordinal), net.Nodes);
    }

    [Fact]
    public void Nodes_are_in_ordinal_order_with_sorted_symmetric_adjacency()
    {
        var net = GoldenNetworks.Build("toy");
        Assert.Equal(new[] { "A", "B", "C", "D", "E", "F", "G" }, net.Nodes);
        Assert.Equal(-1, net.IndexOf("X"));   // in the side component
        Assert.Equal(-1, net.IndexOf("a"));   // in the 2-node component
        Assert.False(net.Contains("C ") || net.Contains("c"));
        int b = net.IndexOf("B");
        Assert.Equal(new[] { net.IndexOf("A"), net.IndexOf("C"), net.IndexOf("E") }, net.Neighbours(b).ToArray());
        Assert.Equal(3, net.Degree(b));
        Assert.Equal(1, net.Degree(net.IndexOf("A")));   // A-B appeared three times
        Assert.Equal(2, net.Degree(net.IndexOf("C")));   // the self-loop C-C does not count
        for (int u = 0; u < net.NodeCount; u++)
            foreach (int v in net.Neighbours(u)) Assert.Contains(u, net.Neighbours(v).ToArray());
        Assert.Equal(net.EdgeCount, net.Edges().Count());
    }

    [Fact]
    public void Equal_components_keep_the_one_with_the_ordinal_first_name()
    {
        var net = Interactome.FromEdges([("b2", "b1"), ("a2", "B1"), ("B1", "c")], CountLog.Silent);
        // {a2, B1, c} vs {b1, b2}: 3 > 2 nodes.
        Assert.Equal(new[] { "B1", "a2", "c" }, net.Nodes);
        var tie = Interactome.FromEdges([("y", "z"), ("Y", "x")], CountLog.Silent);
        // {Y, x} and {y, z}: equal; 'Y' < 'x' < 'y' ordinally, so {Y, x} wins.
        Assert.Equal(new[] { "Y", "x" }, tie.Nodes);
    }

    [Fact]
    public void Bad_edge_lists_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => Interactome.FromEdges([("A", "")], CountLog.Silent));
        Assert.Throws<ArgumentException>(() => Interactome.FromEdges([("A", "A")], CountLog.Silent));
        Assert.Throws<ArgumentException>(() => Interactome.FromEdges(Array.Empty<(string, string)>(), CountLog.Silent));
    }

    [Fact]
    public void Ids_are_mapped_before_simplifying_and_taking_the_component()
    {
        // 1-2-3-4 chain plus 5-6; 2 and 3 both map to G2 (their edge becomes a self-loop), 7 has no symbol,
        // 4-1 and 1-4 collapse, 3-5 joins the side part through the merged node.
        (string, string)[] edges = [("1", "2"), ("2", "3"), ("3", "4"), ("4", "1"), ("1", "4"), ("5", "6"), ("3", "5"), ("6", "7")];
        var map = new Dictionary<string, string> { ["1"] = "G1", ["2"] = "G2", ["3"] = "G2", ["4"] = "G4", ["5"] = "G5", ["6"] = "G6", ["8"] = "G8" };
        var log = new CountLog();
        var net = Interactome.FromEdges(edges, map, log);
        CountEntry Step(string step) => log.Entries.Single(e => e.Step == step);

        Assert.Equal((7, 6), (Step("network nodes: ID -> symbol").Before, Step("network nodes: ID -> symbol").After));
        Assert.Equal((8, 7), (Step("network edges: ID -> symbol").Before, Step("network edges: ID -> symbol").After));
        Assert.Equal((6, 5), (Step("network nodes: merged by symbol").Before, Step("network nodes: merged by symbol").After));
        Assert.Equal((7, 6), (Step("network edges: self-loops").Before, Step("network edges: self-loops").After));
        // G1-G2, G2-G4, G4-G1, G1-G4 (= G4-G1), G5-G6, G2-G5: 6 edges, 5 distinct.
        Assert.Equal((6, 5), (Step("network edges: duplicates").Before, Step("network edges: duplicates").After));
        Assert.Equal(new[] { "G1", "G2", "G4", "G5", "G6" }, net.Nodes);
        Assert.Equal(5, net.EdgeCount);
        Assert.Equal(3, net.Degree(net.IndexOf("G2")));
    }
}
