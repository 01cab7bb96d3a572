using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Network;
using Xunit;

namespace OrganoidBiomarkers.Tests.Network;

public class DegreeBinsTests
{
    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var g in GoldenNetworks.Table("degree_bins.tsv").Select(r => (r[0], int.Parse(r[1]))).Distinct()) data.Add(g.Item1, g.Item2);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bins_equal_the_toolbox_get_degree_binning(string graph, int minBinSize)
    {
        // Golden/network/toolbox_proximity.py get_degree_binning, transcribed from the toolbox.
        var expected = GoldenNetworks.Table("degree_bins.tsv").Where(r => r[0] == graph && int.Parse(r[1]) == minBinSize)
            .Select(r => (Low: int.Parse(r[3]), High: int.Parse(r[4]), Nodes: GoldenNetworks.List(r[5]))).ToList();
        var net = GoldenNetworks.Build(graph);
        var bins = DegreeBins.Create(net, minBinSize);
        Assert.Equal(expected.Count, bins.Bins.Count);
        for (int b = 0; b < expected.Count; b++)
        {
            Assert.Equal(expected[b].Low, bins.Bins[b].MinDegree);
            Assert.Equal(expected[b].High, bins.Bins[b].MaxDegree);
            Assert.Equal(expected[b].Nodes, bins.Bins[b].Nodes.Select(net.NameOf).Order(StringComparer.Ordinal));
            foreach (int v in bins.Bins[b].Nodes) Assert.Equal(b, bins.BinOf(v));
        }
    }

    [Fact]
    public void A_network_smaller_than_one_bin_is_one_bin()
    {
        // The toolbox fails here (bins[-1] of an empty list); one bin is the documented choice.
        var net = GoldenNetworks.Build("toy");
        var bins = DegreeBins.Create(net, 100);
        Assert.Single(bins.Bins);
        Assert.Equal(net.NodeCount, bins.Bins[0].Nodes.Count);
        Assert.Throws<ArgumentException>(() => DegreeBins.Create(net, 0));
    }

    [Fact]
    public void Equivalent_nodes_are_uniform_over_the_bin_without_the_node()
    {
        var net = GoldenNetworks.Build("ba60");
        var bins = DegreeBins.Create(net, 10);
        var rng = new Rng(5);
        int node = bins.Bins[1].Nodes[3];
        var others = bins.Bins[1].Nodes.Where(v => v != node).ToArray();
        var counts = others.ToDictionary(v => v, _ => 0);
        const int draws = 50_000;
        for (int i = 0; i < draws; i++) counts[bins.DrawEquivalent(node, rng)]++;   // throws KeyError if self or out of bin
        double expected = (double)draws / others.Length;
        double chi2 = counts.Values.Sum(c => (c - expected) * (c - expected) / expected);
        // 0.999 quantile of chi-square with df = others - 1 (Wilson-Hilferty approximation).
        int df = others.Length - 1;
        double q999 = df * Math.Pow(1 - 2.0 / (9 * df) + 3.090 * Math.Sqrt(2.0 / (9 * df)), 3);
        Assert.True(chi2 < q999, $"chi2 = {chi2:F1} with {df} df (limit {q999:F1})");
    }

    [Fact]
    public void Colliding_draws_are_retried_twenty_times_then_kept_as_in_the_toolbox()
    {
        // A triangle is one bin {a, b, c}: the set for (a, b, c) comes out with 2 nodes when a->b, b->a (c's two
        // candidates are taken: 21 colliding draws), i.e. 1/4 of the time. Golden/network/retry.tsv counts the same
        // with the toolbox's pick_random_nodes_matching_selected (100,000 sets).
        var row = GoldenNetworks.Table("retry.tsv").Single();
        double reference = double.Parse(row[1]) / double.Parse(row[0]);
        var net = Interactome.FromEdges([("a", "b"), ("b", "c"), ("a", "c")], CountLog.Silent);
        var bins = DegreeBins.Create(net, 1);
        var rng = new Rng(11);
        const int sets = 100_000;
        int smaller = 0;
        for (int i = 0; i < sets; i++)
        {
            var set = bins.DrawMatchedSet([0, 1, 2], rng);
            Assert.Equal(set.Length, set.Distinct().Count());
            if (set.Length < 3) smaller++;
        }
        // Two independent binomial proportions near 1/4: sd of the difference sqrt(2 p (1 - p) / n); allow 4 sd.
        double tolerance = 4 * Math.Sqrt(2 * 0.25 * 0.75 / sets);
        Assert.True(Math.Abs((double)smaller / sets - reference) < tolerance, $"ours {(double)smaller / sets}, toolbox {reference}");
    }

    [Fact]
    public void A_node_alone_in_its_bin_cannot_be_matched()
    {
        var net = Interactome.FromEdges([("a", "b"), ("b", "c")], CountLog.Silent);   // degrees 1, 2, 1
        var bins = DegreeBins.Create(net, 1);
        Assert.Throws<ArgumentException>(() => bins.DrawEquivalent(net.IndexOf("b"), new Rng(1)));
        Assert.Equal(net.IndexOf("c"), bins.DrawEquivalent(net.IndexOf("a"), new Rng(1)));
    }

    [Fact]
    public void The_hot_loop_bounded_draw_is_the_same_sequence_as_Rng_NextInt()
    {
        var a = new Rng(77);
        var b = new Rng(77);
        foreach (int range in new[] { 1, 2, 3, 7, 100, 1601, 1 << 30, int.MaxValue })
            for (int i = 0; i < 1000; i++) Assert.Equal(a.NextInt(range), MatchedSetSampler.Below(b, range));
    }
}
