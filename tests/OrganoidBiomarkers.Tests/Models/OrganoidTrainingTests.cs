using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Models;
using Xunit;

namespace OrganoidBiomarkers.Tests.Models;

/// <summary>
/// OrganoidTraining on small hand-made inputs: the sample and feature orders it promises, the counts it logs, and
/// equality with calling the pieces (Standardizer, the regressor, BiomarkerRanking) by hand.
/// </summary>
public class OrganoidTrainingTests
{
    // 5 pathways x 7 organoids; column O6 has no response, O9 has a response but no scores.
    private static readonly string[] Pathways = ["P_A", "P_B", "P_C", "P_D", "P_E"];
    private static readonly string[] Samples = ["O3", "O1", "O2", "O5", "O4", "O6", "O7"];
    private static readonly double[,] Values =
    {
        { 0.10, -0.20, 0.35, 0.05, -0.15, 0.40, 0.22 },
        { 1.00, 0.80, 0.60, 1.30, 0.90, 0.70, 1.10 },
        { -0.50, -0.10, -0.70, -0.30, 0.20, 0.10, -0.40 },
        { 0.25, 0.30, 0.20, 0.45, 0.10, 0.15, 0.05 },
        { 2.00, 1.50, 1.70, 2.20, 1.90, 1.60, 2.40 },
    };
    private static PathwayScores Scores() => new(Pathways, Samples, Values);
    private static readonly Dictionary<string, double> Response = new(StringComparer.Ordinal)
    {
        ["O9"] = 1.0, ["O1"] = 2.5, ["O2"] = 3.1, ["O3"] = 1.2, ["O4"] = 4.0, ["O5"] = 2.2, ["O7"] = 3.6,
    };

    [Fact]
    public void Organoids_follow_the_score_columns_and_features_the_score_rows()
    {
        var log = new CountLog();
        var set = OrganoidTraining.Assemble(Scores(), Response, ["P_D", "P_MISSING", "P_A", "P_C"], log, "test");
        Assert.Equal(new[] { "O3", "O1", "O2", "O5", "O4", "O7" }, set.Organoids);
        Assert.Equal(new[] { "P_A", "P_C", "P_D" }, set.Features);
        Assert.Equal(new[] { "P_MISSING" }, set.AbsentFeatures);
        Assert.Equal(new[] { "O9" }, set.OrganoidsWithoutScores);
        Assert.Equal(new[] { 1.2, 2.5, 3.1, 2.2, 4.0, 3.6 }, set.Response);
        // X[organoid, feature] = the score of that pathway in that column: O7 is column 6, P_D row 3.
        Assert.Equal(0.05, set.X[5, 2]);
        Assert.Equal(-0.70, set.X[2, 1]);
        Assert.Contains(log.Entries, e => e is { Step: "test: features with a score", Before: 4, After: 3 });
        Assert.Contains(log.Entries, e => e is { Step: "test: organoids with a response and scores", Before: 7, After: 6 });
    }

    [Fact]
    public void The_order_of_the_response_and_of_the_requested_features_does_not_matter()
    {
        var reversed = Response.Reverse().ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var a = OrganoidTraining.Fit(OrganoidTraining.Assemble(Scores(), Response, ["P_A", "P_B", "P_C", "P_D", "P_E"]), "ridgecv");
        var b = OrganoidTraining.Fit(OrganoidTraining.Assemble(Scores(), reversed, ["P_E", "P_D", "P_C", "P_B", "P_A"]), "ridgecv");
        Assert.Equal(a.Features, b.Features);
        Assert.Equal(a.Fit.Coefficients, b.Fit.Coefficients);
        Assert.Equal(a.Ranking, b.Ranking);
    }

    [Theory]
    [InlineData("ridgecv")]
    [InlineData("svr")]
    [InlineData("ols")]
    public void Fit_is_the_standardizer_then_the_model_then_the_ranking(string model)
    {
        var data = LargerCase();
        var trained = OrganoidTraining.Fit(data, model);

        // By hand: population-sd standardisation over the training organoids, fit, rank by |coef|.
        var (scaler, z) = Standardizer.FitTransform(data.X);
        var fit = Regressors.ByName(model).Fit(z, data.Response.ToArray());
        var ranking = BiomarkerRanking.Of(fit, data.Features);
        Assert.Equal(scaler, trained.Scaler, new StandardizerComparer());
        Assert.Equal(fit.Coefficients, trained.Fit.Coefficients);
        Assert.Equal(fit.Intercept, trained.Fit.Intercept);
        Assert.Equal(ranking, trained.Ranking);
        Assert.Equal(model, trained.ModelName);
    }

    [Fact]
    public void Coefficients_are_per_population_standard_deviation()
    {
        // y = 2 x + 1 exactly; x = 1..4 has population sd sqrt(1.25) (sample sd would be sqrt(5/3)); least squares on the
        // standardised feature must give 2 * sqrt(1.25), intercept mean(y) = 6.
        var scores = new PathwayScores(["P"], ["A", "B", "C", "D"], new double[,] { { 1, 2, 3, 4 } });
        var response = new Dictionary<string, double> { ["A"] = 3, ["B"] = 5, ["C"] = 7, ["D"] = 9 };
        var m = OrganoidTraining.Fit(OrganoidTraining.Assemble(scores, response, ["P"]), "ols");
        Close.Equal(2 * Math.Sqrt(1.25), m.Fit.Coefficients[0], Tolerances.ClosedForm, "coefficient");
        Close.Equal(6.0, m.Fit.Intercept, Tolerances.ClosedForm, "intercept");
    }

    [Fact]
    public void Bad_input_gets_a_clear_message()
    {
        var nan = new Dictionary<string, double>(Response, StringComparer.Ordinal) { ["O2"] = double.NaN };
        Assert.Contains("O2", Assert.Throws<ArgumentException>(() => OrganoidTraining.Assemble(Scores(), nan, ["P_A"])).Message);
        Assert.Contains("none of the 1 requested features", Assert.Throws<ArgumentException>(() => OrganoidTraining.Assemble(Scores(), Response, ["P_X"])).Message);
        Assert.Contains("no features requested", Assert.Throws<ArgumentException>(() => OrganoidTraining.Assemble(Scores(), Response, [])).Message);
        var strangers = new Dictionary<string, double> { ["Z1"] = 1, ["Z2"] = 2 };
        Assert.Contains("no organoid has both", Assert.Throws<ArgumentException>(() => OrganoidTraining.Assemble(Scores(), strangers, ["P_A"])).Message);
        Assert.Throws<ArgumentException>(() => OrganoidTraining.Fit(OrganoidTraining.Assemble(Scores(), Response, ["P_A"]), "lasso"));
    }

    /// <summary>12 organoids x 9 pathways of fixed pseudo-random scores (Rng seed 7) and a response depending on two of them.</summary>
    private static OrganoidTrainingSet LargerCase()
    {
        var rng = new Rng(7);
        int n = 12, p = 9;
        var values = new double[p, n];
        for (int i = 0; i < p; i++)
            for (int j = 0; j < n; j++) values[i, j] = rng.NextDouble() * 2 - 1;
        var samples = Enumerable.Range(0, n).Select(j => $"S{j:00}").ToArray();
        var pathways = Enumerable.Range(0, p).Select(i => $"PATHWAY_{i}").ToArray();
        var response = samples.Select((s, j) => (s, 3 - 1.5 * values[2, j] + 0.8 * values[5, j] + 0.3 * (rng.NextDouble() - 0.5)))
            .ToDictionary(t => t.s, t => t.Item2, StringComparer.Ordinal);
        return OrganoidTraining.Assemble(new PathwayScores(pathways, samples, values), response, pathways);
    }

    private sealed class StandardizerComparer : IEqualityComparer<Standardizer>
    {
        public bool Equals(Standardizer? a, Standardizer? b) => a!.Means.SequenceEqual(b!.Means) && a.Scales.SequenceEqual(b.Scales);
        public int GetHashCode(Standardizer s) => 0;
    }
}
