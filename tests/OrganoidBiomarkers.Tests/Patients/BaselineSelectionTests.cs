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
    public void First_neighbours_reject_targets_absent_from_the_network()
    {
        var (edges, sets, candidates, _) = Graph();
        var e = Assert.Throws<ArgumentException>(() => BaselineSelection.FirstNeighbourPathways(["NOPE"], edges, sets, candidates, Neighbourhood.NeighboursOnly, CountLog.Silent));
        Assert.Contains("NOPE", e.Message);
        Assert.Throws<ArgumentException>(() => BaselineSelection.FirstNeighbourPathways([], edges, sets, candidates, Neighbourhood.NeighboursOnly, CountLog.Silent));
    }

    private static OrganoidTrainingData CorrelationData()
    {
        var c = ValidationGolden.Section("correlation");
        var pathways = c.GetProperty("pathways").Strings();
        var organoids = c.GetProperty("organoids").Strings();
        var rows = c.GetProperty("nes").EnumerateArray().Select(r => r.Doubles()).ToArray();
        var v = new double[pathways.Length, organoids.Length];
        for (int i = 0; i < pathways.Length; i++)
            for (int j = 0; j < organoids.Length; j++) v[i, j] = rows[i][j];
        var y = c.GetProperty("y").Doubles();
        return OrganoidTrainingData.From(new PathwayScores(pathways, organoids, v), organoids.Select((o, i) => (o, y[i])).ToDictionary(t => t.o, t => t.Item2));
    }

    [Fact]
    public void Response_correlations_match_scipy_pearsonr_ranked_by_magnitude_and_skip_constant_pathways()
    {
        var data = CorrelationData();
        var expected = ValidationGolden.Section("correlation").GetProperty("ranked").EnumerateArray()
            .Select(e => (e.GetProperty("pathway").GetString()!, e.GetProperty("r").GetDouble())).ToArray();
        var ranked = BaselineSelection.ResponseCorrelations(data, data.Nes.Pathways.Reverse().ToArray());
        Assert.Equal(expected.Select(e => e.Item1), ranked.Select(r => r.Pathway));
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i].Item2, ranked[i].R, ValidationGolden.ClosedForm);
        Assert.DoesNotContain(ranked, r => r.Pathway == "PW_10"); // the constant one
    }

    [Fact]
    public void Correlation_selection_takes_the_top_n_and_returns_them_in_name_order()
    {
        var data = CorrelationData();
        var top = BaselineSelection.ByResponseCorrelation(data, data.Nes.Pathways.ToArray(), 3);
        var expected = ValidationGolden.Section("correlation").GetProperty("ranked").EnumerateArray().Take(3)
            .Select(e => e.GetProperty("pathway").GetString()!).Order(StringComparer.Ordinal);
        Assert.Equal(expected, top);
        Assert.Contains("PW_03", top);
        Assert.Contains("PW_07", top);
        Assert.Throws<ArgumentException>(() => BaselineSelection.ByResponseCorrelation(data, data.Nes.Pathways.ToArray(), 12)); // only 11 defined
        Assert.Throws<ArgumentException>(() => BaselineSelection.ByResponseCorrelation(data, data.Nes.Pathways.ToArray(), 0));
    }

    [Fact]
    public void Organoid_training_matches_a_scikit_learn_scaler_and_ridgecv_pipeline_whatever_the_feature_order()
    {
        var data = CorrelationData();
        var t = ValidationGolden.Section("training");
        var features = t.GetProperty("features").Strings();
        var model = OrganoidModels.Train(data, features.Reverse(), "ridgecv");
        Assert.Equal(features, model.Features); // NES row order
        var fit = Assert.IsType<RidgeCvFit>(model.Fit);
        Assert.Equal(t.GetProperty("alpha").GetDouble(), fit.Alpha, ValidationGolden.ClosedForm);
        var coef = t.GetProperty("coef").Doubles();
        for (int j = 0; j < coef.Length; j++) Assert.Equal(coef[j], fit.Coefficients[j], ValidationGolden.ClosedForm);
        Assert.Equal(t.GetProperty("intercept").GetDouble(), fit.Intercept, ValidationGolden.ClosedForm);
        Assert.Equal(features.Length, model.Biomarkers.Count);
        Assert.Equal(model.Biomarkers.Select(b => b.Name), BiomarkerRanking.ByAbsoluteCoefficient(features, coef).Select(b => b.Name));
    }

    [Fact]
    public void Organoid_training_rejects_unknown_duplicated_or_no_features()
    {
        var data = CorrelationData();
        Assert.Contains("NOT_A_PATHWAY", Assert.Throws<ArgumentException>(() => OrganoidModels.Train(data, ["PW_01", "NOT_A_PATHWAY"], "ridgecv")).Message);
        Assert.Throws<ArgumentException>(() => OrganoidModels.Train(data, ["PW_01", "PW_01"], "ridgecv"));
        Assert.Throws<ArgumentException>(() => OrganoidModels.Train(data, [], "ridgecv"));
    }

    [Fact]
    public void Training_data_keeps_the_nes_column_order_and_only_organoids_with_a_response()
    {
        var nes = new PathwayScores(["P"], ["O3", "O1", "O2"], new double[,] { { 1, 2, 3 } });
        var data = OrganoidTrainingData.From(nes, new Dictionary<string, double> { ["O1"] = 0.5, ["O3"] = 1.5, ["O9"] = 9 });
        Assert.Equal(new[] { "O3", "O1" }, data.Organoids);
        Assert.Equal(new[] { 1.5, 0.5 }, data.LnIc50);
        Assert.Throws<ArgumentException>(() => OrganoidTrainingData.From(nes, new Dictionary<string, double> { ["X"] = 1 }));
        Assert.Throws<ArgumentException>(() => OrganoidTrainingData.From(nes, new Dictionary<string, double> { ["O1"] = double.NaN }));
    }
}
