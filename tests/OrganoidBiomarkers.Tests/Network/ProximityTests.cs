using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Network;
using Xunit;

namespace OrganoidBiomarkers.Tests.Network;

public class ProximityTests
{
    /// <summary>
    /// The null mean: |ours - toolbox| &lt;= 4 sd / sqrt(n). Each mean has standard error sd / sqrt(n), their difference
    /// sqrt(2) sd / sqrt(n): the bound is 2.8 standard errors of the difference.
    /// </summary>
    private const double MeanBoundInSdOverSqrtN = 4;

    /// <summary>
    /// The null sd: |ours - toolbox| &lt;= 4 standard errors of the difference of two independent sd estimates,
    /// se(sd) = sqrt((m4 - sd^4) / (4 n sd^2)) by the delta method with the toolbox's 4th central moment m4.
    /// </summary>
    private const double SdBoundInStandardErrors = 4;

    [Fact]
    public void Closest_distance_equals_the_toolbox_exactly()
    {
        // calculate_closest_distance on networkx lengths (Golden/network/closest.tsv): the same double, bit for bit.
        foreach (var r in GoldenNetworks.Table("closest.tsv"))
        {
            var d = DistanceMatrix.Compute(GoldenNetworks.Build(r[0]));
            Assert.Equal(GoldenNetworks.Number(r[3]), Proximity.Closest(d, GoldenNetworks.List(r[1]), GoldenNetworks.List(r[2])));
        }
    }

    [Fact]
    public void Closest_is_asymmetric_and_rejects_sets_outside_the_network()
    {
        var d = DistanceMatrix.Compute(GoldenNetworks.Build("ring_tail"));
        Assert.Equal(3.5, Proximity.Closest(d, ["T3", "R4"], ["R6", "R7"]));
        Assert.Equal(2.5, Proximity.Closest(d, ["R6", "R7"], ["T3", "R4"]));
        Assert.Equal(3.5, Proximity.Closest(d, ["T3", "R4", "T3"], ["R6", "R7", "absent"]));   // duplicates ignored
        Assert.Throws<ArgumentException>(() => Proximity.Closest(d, ["Q"], ["R6"]));            // Q only had a self-loop
        Assert.Throws<ArgumentException>(() => Proximity.Closest(d, ["R6"], Array.Empty<string>()));
    }

    [Fact]
    public void Null_mean_and_sd_agree_with_the_toolbox_within_sampling_error()
    {
        // Golden/network/null_stats.tsv: toolbox calculate_proximity, 1000 randomisations, Python's random with seed 452456.
        var net = GoldenNetworks.Build("pl400");
        var distances = DistanceMatrix.Compute(net);
        foreach (var r in GoldenNetworks.Table("null_stats.tsv"))
        {
            var context = new ProximityContext(distances, DegreeBins.Create(net, int.Parse(r[3])));
            int n = int.Parse(r[4]);
            double d = GoldenNetworks.Number(r[5]), mean = GoldenNetworks.Number(r[6]), sd = GoldenNetworks.Number(r[7]),
                z = GoldenNetworks.Number(r[8]), m4 = GoldenNetworks.Number(r[9]);
            var ours = Proximity.ZScore(context, "drug", GoldenNetworks.List(r[1]), new GeneSet(r[0], null, GoldenNetworks.List(r[2])), n, new Rng(2024));

            double meanTolerance = MeanBoundInSdOverSqrtN * sd / Math.Sqrt(n);
            double sdTolerance = SdBoundInStandardErrors * Math.Sqrt(2) * Math.Sqrt((m4 - Math.Pow(sd, 4)) / (4 * n * sd * sd));
            // z moves with both: first-order propagation of the two bounds.
            double zTolerance = meanTolerance / sd + Math.Abs(z) * sdTolerance / sd;
            string what = $"{r[0]}: ours d {ours.D} mean {ours.Mean} sd {ours.Sd} z {ours.Z}; toolbox d {d} mean {mean} sd {sd} z {z}";
            Assert.Equal(d, ours.D);
            Assert.True(Math.Abs(ours.Mean - mean) <= meanTolerance, what + $" (mean tolerance {meanTolerance})");
            Assert.True(Math.Abs(ours.Sd - sd) <= sdTolerance, what + $" (sd tolerance {sdTolerance})");
            Assert.True(Math.Abs(ours.Z - z) <= zTolerance, what + $" (z tolerance {zTolerance})");
            Assert.Equal(GoldenNetworks.List(r[1]).Count(net.Contains), ours.TargetsInNetwork);
            Assert.Equal(GoldenNetworks.List(r[2]).Count(net.Contains), ours.PathwayGenesInNetwork);
        }
    }

    private static (ProximityContext Context, GeneSet[] Pathways) Pl400Pathways()
    {
        var net = GoldenNetworks.Build("pl400");
        var context = ProximityContext.Create(net, 25);
        var rng = new Rng(9);
        var pathways = Enumerable.Range(0, 12)
            .Select(k => new GeneSet($"P{k:D2}", null, rng.Shuffled(net.Nodes.ToArray()).Take(3 + 4 * k).ToArray()))
            .Append(new GeneSet("NOT_IN_NETWORK", null, ["NOPE1", "NOPE2"]))
            .ToArray();
        return (context, pathways);
    }

    [Fact]
    public void Batch_results_do_not_depend_on_threads_or_pathway_order()
    {
        var (context, pathways) = Pl400Pathways();
        string[] targets = ["P001", "P250", "MISSING"];
        var one = Proximity.ForDrug(context, "DRUG", targets, pathways, 200, 42, CountLog.Silent, maxDegreeOfParallelism: 1);
        var many = Proximity.ForDrug(context, "DRUG", targets, pathways, 200, 42, CountLog.Silent, maxDegreeOfParallelism: 4);
        var reversed = Proximity.ForDrug(context, "DRUG", targets, pathways.Reverse().ToArray(), 200, 42, CountLog.Silent);
        Assert.Equal(one, many);
        Assert.Equal(one, reversed.Reverse());
        // The seed matters, and each pathway's stream is its own.
        var other = Proximity.ForDrug(context, "DRUG", targets, pathways, 200, 43, CountLog.Silent);
        Assert.NotEqual(one[0].Mean, other[0].Mean);
        Assert.Equal(one.Select(r => r.D), other.Select(r => r.D));
        // The single-pair API draws from the same stream as the batch.
        Assert.Equal(one[3], Proximity.ZScore(context, "DRUG", targets, pathways[3], 200, Rng.ForStream(42, "DRUG", pathways[3].Name)));
    }

    [Fact]
    public void Pathways_and_drugs_outside_the_network_are_kept_with_NaN_and_counted()
    {
        var (context, pathways) = Pl400Pathways();
        var log = new CountLog();
        var results = Proximity.ForDrug(context, "DRUG", ["P001", "MISSING", "P001"], pathways, 50, 1, log);
        Assert.Equal(pathways.Select(p => p.Name), results.Select(r => r.Pathway));
        var missing = results[^1];
        Assert.False(missing.IsComputed);
        Assert.True(double.IsNaN(missing.Z) && double.IsNaN(missing.Mean) && missing.PathwayGenesInNetwork == 0);
        Assert.All(results.Take(12), r => Assert.True(r.IsComputed && r.TargetsInNetwork == 1 && double.IsFinite(r.Z)));

        CountEntry Step(string step) => log.Entries.Single(e => e.Step == step);
        Assert.Equal((2, 1), (Step("proximity DRUG: targets").Before, Step("proximity DRUG: targets").After));
        int genes = pathways.Sum(p => p.Genes.Count);
        Assert.Equal((genes, genes - 2), (Step("proximity DRUG: pathway genes").Before, Step("proximity DRUG: pathway genes").After));
        Assert.Equal((13, 12), (Step("proximity DRUG: pathways with a gene in the network").Before, Step("proximity DRUG: pathways with a gene in the network").After));

        var none = Proximity.ForDrug(context, "NODRUG", ["MISSING"], pathways, 50, 1, CountLog.Silent);
        Assert.All(none, r => Assert.False(r.IsComputed));
    }

    [Fact]
    public void Zero_spread_gives_z_zero()
    {
        // Complete bipartite K(3,4): the sides are the two degree bins (degrees 4 and 3), every cross pair is 1 apart,
        // so every random (target, pathway) pair is at distance 1: sd = 0, and the toolbox sets z = 0.
        var edges = from a in Enumerable.Range(1, 3) from b in Enumerable.Range(1, 4) select ($"a{a}", $"b{b}");
        var net = Interactome.FromEdges(edges, CountLog.Silent);
        var context = ProximityContext.Create(net, 3);
        Assert.Equal(2, context.Bins.Bins.Count);
        var r = Proximity.ZScore(context, "D", ["a1"], new GeneSet("S", null, ["b1"]), 100, new Rng(3));
        Assert.Equal(1.0, r.D);
        Assert.Equal(1.0, r.Mean);
        Assert.Equal(0.0, r.Sd);
        Assert.Equal(0.0, r.Z);
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        var (context, pathways) = Pl400Pathways();
        Assert.Throws<ArgumentException>(() => Proximity.ForDrug(context, "D", ["P001"], pathways, 0, 1, CountLog.Silent));
        Assert.Throws<ArgumentException>(() => Proximity.ForDrug(context, " ", ["P001"], pathways, 10, 1, CountLog.Silent));
        Assert.Throws<ArgumentException>(() => Proximity.ForDrug(context, "D", ["P001"], [pathways[0], pathways[0]], 10, 1, CountLog.Silent));
        var otherNet = GoldenNetworks.Build("toy");
        Assert.Throws<ArgumentException>(() => new ProximityContext(context.Distances, DegreeBins.Create(otherNet, 2)));
    }
}
