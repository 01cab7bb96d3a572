using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Models;
using OrganoidBiomarkers.Patients;
using Xunit;

namespace OrganoidBiomarkers.Tests.Patients;

public class BaselineSelectionTests
{
    private static (List<(string, string)> Edges, List<GeneSet> Sets, string[] Candidates, string[] Targets) Graph()
    {
        var g = ValidationGolden.Section("first_neighbours");
        var edges = g.GetProperty("edges").EnumerateArray().Select(e => (e[0].GetString()!, e[1].GetString()!)).ToList();
        var sets = g.GetProperty("sets").EnumerateObject().Select(p => new GeneSet(p.Name, null, p.Value.Strings())).ToList();
        return (edges, sets, g.GetProperty("candidates").Strings(), g.GetProperty("targets").Strings());
    }

    [Theory]
    [InlineData(Neighbourhood.TargetsAndNeighbours)]
    [InlineData(Neighbourhood.NeighboursOnly)]
    public void First_neighbour_pathways_match_networkx_on_a_tiny_graph(Neighbourhood rule)
    {
        var (edges, sets, candidates, targets) = Graph();
        var expected = ValidationGolden.Section("first_neighbours").GetProperty("cases").EnumerateArray()
            .Single(c => c.GetProperty("case").GetString() == rule.ToString());
        var log = new CountLog();
        var s = BaselineSelection.FirstNeighbourPathways(targets, edges, sets, candidates, rule, log);
        Assert.Equal(expected.GetProperty("genes").Strings(), s.NeighbourhoodGenes);
        Assert.Equal(expected.GetProperty("pathways").Strings(), s.Pathways);
        Assert.Equal(ValidationGolden.Section("first_neighbours").GetProperty("targets_in_network").Strings(), s.TargetsInNetwork);
        Assert.Equal(new[] { "MISSING" }, s.TargetsNotInNetwork);
        var entry = Assert.Single(log.Entries);
        Assert.Equal((candidates.Length, s.Pathways.Count), (entry.Before, entry.After));
    }

    [Fact]
    public void First_neighbour_selection_does_not_depend_on_edge_or_set_order()
    {
        var (edges, sets, candidates, targets) = Graph();
        var a = BaselineSelection.FirstNeighbourPathways(targets, edges, sets, candidates, Neighbourhood.TargetsAndNeighbours, CountLog.Silent);
        edges.Reverse();
        sets.Reverse();
        var b = BaselineSelection.FirstNeighbourPathways(targets.Reverse().ToArray(), edges.Select(e => (e.Item2, e.Item1)).ToList(), sets,
            candidates.Reverse().ToArray(), Neighbourhood.TargetsAndNeighbours, CountLog.Silent);
        Assert.Equal(a.Pathways, b.Pathways);
        Assert.Equal(a.NeighbourhoodGenes, b.NeighbourhoodGenes);
        Assert.Equal(a.TargetsInNetwork, b.TargetsInNetwork);
    }

    [Fact]
    public void On_an_interactome_only_the_largest_component_counts()
    {
        // The golden graph's largest component is T1-A-B-C-D: T2-E and F-G are dropped by the interactome.
        var (edges, sets, candidates, targets) = Graph();
        var network = OrganoidBiomarkers.Network.Interactome.FromEdges(edges, CountLog.Silent);
        var s = BaselineSelection.FirstNeighbourPathways(targets, network, sets, candidates, Neighbourhood.TargetsAndNeighbours, CountLog.Silent);
        Assert.Equal(new[] { "A", "D", "T1" }, s.NeighbourhoodGenes);
        Assert.Equal(new[] { "P_NEIGHBOUR_A", "P_TARGET_ONLY" }, s.Pathways);
        Assert.Equal(new[] { "MISSING", "T2" }, s.TargetsNotInNetwork);
    }

    [Fact]
    public void First_neighbours_reject_targets_absent_from_the_network()
    {
        var (edges, sets, candidates, _) = Graph();
        var e = Assert.Throws<ArgumentException>(() => BaselineSelection.FirstNeighbourPathways(["NOPE"], edges, sets, candidates, Neighbourhood.NeighboursOnly, CountLog.Silent));
        Assert.Contains("NOPE", e.Message);
        Assert.Throws<ArgumentException>(() => BaselineSelection.FirstNeighbourPathways([], edges, sets, candidates, Neighbourhood.NeighboursOnly, CountLog.Silent));
    }

    private static (PathwayScores Scores, Dictionary<string, double> Response) CorrelationData()
    {
        var c = ValidationGolden.Section("correlation");
        var pathways = c.GetProperty("pathways").Strings();
        var organoids = c.GetProperty("organoids").Strings();
        var rows = c.GetProperty("nes").EnumerateArray().Select(r => r.Doubles()).ToArray();
        var v = new double[pathways.Length, organoids.Length];
        for (int i = 0; i < pathways.Length; i++)
            for (int j = 0; j < organoids.Length; j++) v[i, j] = rows[i][j];
        var y = c.GetProperty("y").Doubles();
        return (new PathwayScores(pathways, organoids, v), organoids.Select((o, i) => (o, y[i])).ToDictionary(t => t.o, t => t.Item2));
    }

    [Fact]
    public void Response_correlations_match_scipy_pearsonr_ranked_by_magnitude_and_skip_constant_pathways()
    {
        var (scores, response) = CorrelationData();
        var expected = ValidationGolden.Section("correlation").GetProperty("ranked").EnumerateArray()
            .Select(e => (e.GetProperty("pathway").GetString()!, e.GetProperty("r").GetDouble())).ToArray();
        var ranked = BaselineSelection.ResponseCorrelations(scores, response, scores.Pathways.Reverse().Append("NOT_SCORED").ToArray());
        Assert.Equal(expected.Select(e => e.Item1), ranked.Select(r => r.Pathway));
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i].Item2, ranked[i].R, ValidationGolden.ClosedForm);
        Assert.DoesNotContain(ranked, r => r.Pathway == "PW_10"); // the constant one
    }

    [Fact]
    public void Correlations_use_only_organoids_with_a_response()
    {
        var (scores, response) = CorrelationData();
        // An extra organoid column without a response must not change anything.
        var wider = new double[scores.Pathways.Count, scores.Samples.Count + 1];
        for (int i = 0; i < scores.Pathways.Count; i++)
        {
            for (int j = 0; j < scores.Samples.Count; j++) wider[i, j + 1] = scores.Values[i, j];
            wider[i, 0] = 100 * i;
        }
        var extra = new PathwayScores(scores.Pathways, scores.Samples.Prepend("NO_RESPONSE").ToArray(), wider);
        Assert.Equal(BaselineSelection.ResponseCorrelations(scores, response, scores.Pathways.ToArray()),
                     BaselineSelection.ResponseCorrelations(extra, response, scores.Pathways.ToArray()));
    }

    [Fact]
    public void Correlation_selection_takes_the_top_n_and_returns_them_in_name_order()
    {
        var (scores, response) = CorrelationData();
        var top = BaselineSelection.ByResponseCorrelation(scores, response, scores.Pathways.ToArray(), 3);
        var expected = ValidationGolden.Section("correlation").GetProperty("ranked").EnumerateArray().Take(3)
            .Select(e => e.GetProperty("pathway").GetString()!).Order(StringComparer.Ordinal);
        Assert.Equal(expected, top);
        Assert.Contains("PW_03", top);
        Assert.Contains("PW_07", top);
        Assert.Throws<ArgumentException>(() => BaselineSelection.ByResponseCorrelation(scores, response, scores.Pathways.ToArray(), 12)); // only 11 defined
        Assert.Throws<ArgumentException>(() => BaselineSelection.ByResponseCorrelation(scores, response, scores.Pathways.ToArray(), 0));
    }
}
