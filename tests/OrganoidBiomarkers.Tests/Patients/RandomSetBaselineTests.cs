using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Models;
using OrganoidBiomarkers.Patients;
using Xunit;

namespace OrganoidBiomarkers.Tests.Patients;

public class RandomSetBaselineTests
{
    // A synthetic world: 16 pathways scored in 12 organoids and 30 patients; survival loosely tied to pathway P03.
    private static (PathwayScores Organoids, Dictionary<string, double> Response, ValidationUnit Unit, string[] Pool) World()
    {
        var rng = new Rng(11);
        var pathways = Enumerable.Range(0, 16).Select(i => $"P{i:00}").ToArray();
        var organoids = Enumerable.Range(0, 12).Select(i => $"O{i:00}").ToArray();
        var patients = Enumerable.Range(0, 30).Select(i => $"TCGA-AA-{i:0000}").ToArray();
        var org = new double[pathways.Length, organoids.Length];
        var pat = new double[pathways.Length, patients.Length];
        for (int p = 0; p < pathways.Length; p++)
        {
            for (int o = 0; o < organoids.Length; o++) org[p, o] = rng.NextDouble() - 0.5;
            for (int s = 0; s < patients.Length; s++) pat[p, s] = rng.NextDouble() - 0.5;
        }
        var y = organoids.Select((o, i) => (o, 2 * org[3, i] + 0.3 * rng.NextDouble())).ToDictionary(t => t.o, t => t.Item2);
        var organoidScores = new PathwayScores(pathways, organoids, org);
        // Whole months, so many patients share a time (ties exercise the log-rank's distinct-time blocks).
        var survival = patients.Select((p, i) => (p, new SurvivalTime(Math.Round(10 + 30 * rng.NextDouble() - 20 * pat[3, i]), rng.NextDouble() < 0.6)))
            .ToDictionary(t => t.p, t => t.Item2);
        var z = ResponderSplit.Standardize(new PathwayScores(pathways, patients, pat), patients);
        var unit = ValidationUnit.Create("DRUG", "cohort", "source", "survival", z, survival, CountLog.Silent);
        return (organoidScores, y, unit, pathways);
    }

    [Fact]
    public void Results_do_not_depend_on_the_thread_count()
    {
        var (organoids, response, unit, pool) = World();
        var one = RandomSetBaseline.Run(organoids, response, "ridgecv", pool, 5, [unit, unit], 4, 40, 20201030, ["test"], maxDegreeOfParallelism: 1);
        var many = RandomSetBaseline.Run(organoids, response, "ridgecv", pool, 5, [unit, unit], 4, 40, 20201030, ["test"], maxDegreeOfParallelism: 4);
        Assert.Equal(one.Sets.Select(s => string.Join(",", s)), many.Sets.Select(s => string.Join(",", s)));
        Assert.Equal(one.ChiSquare.Cast<double>(), many.ChiSquare.Cast<double>());
        Assert.Equal(one.Signed.Cast<double>(), many.Signed.Cast<double>());
        Assert.Equal(40, one.Draws);
        Assert.Equal(16, one.PoolSize);
    }

    [Fact]
    public void Each_draw_is_its_own_stream_retrained_and_split_exactly_like_the_main_result()
    {
        // The null's split and log-rank are a precomputed fast path: they must equal SurvivalValidation.Evaluate (the
        // general path: ResponderSplit + LogRank.Test) bit for bit, for every draw, unit and k, including k beyond the
        // set size (all biomarkers used).
        var (organoids, response, unit, pool) = World();
        var half = ValidationUnit.Create("DRUG", "half", "source", "survival", unit.Standardized,
            unit.Patients.Where((_, i) => i % 2 == 0).ToDictionary(p => p, p => unit.Survival[unit.Patients.ToList().IndexOf(p)]), CountLog.Silent);
        const int setSize = 4, maxK = 6;
        var nul = RandomSetBaseline.Run(organoids, response, "ridgecv", pool, setSize, [unit, half], maxK, 40, 99, ["a", "b"]);
        for (int d = 0; d < nul.Draws; d++)
        {
            var expectedSet = RandomPathwaySets.Draw(pool, setSize, Rng.ForStream(99, "a", "b", "draw", d.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Equal(expectedSet, nul.Sets[d]);
            var model = OrganoidTraining.Fit(OrganoidTraining.Assemble(organoids, response, expectedSet), "ridgecv");
            foreach (var (u, who) in new[] { (0, unit), (1, half) })
                for (int k = 1; k <= maxK; k++)
                {
                    var o = SurvivalValidation.Evaluate(model.Ranking, k, who);
                    Assert.Equal(o.Comparison?.LogRankChiSquare ?? double.NaN, nul.ChiSquare[d, u, k - 1]);
                    Assert.Equal(o.SignedLogRank, nul.Signed[d, u, k - 1]);
                }
        }
        var other = RandomSetBaseline.Run(organoids, response, "ridgecv", pool, 5, [unit], 3, 10, 99, ["a", "c"]);
        Assert.NotEqual(nul.Sets.Select(s => string.Join(",", s)), other.Sets.Select(s => string.Join(",", s)));
    }

    [Fact]
    public void A_pool_with_pathways_the_organoids_do_not_score_is_rejected()
    {
        var (organoids, response, unit, pool) = World();
        var e = Assert.Throws<ArgumentException>(() => RandomSetBaseline.Run(organoids, response, "ridgecv", pool.Append("UNSCORED").ToArray(), 16, [unit], 1, 2, 1, ["x"], 1));
        Assert.Contains("UNSCORED", e.Message);
    }

    [Fact]
    public void A_pool_pathway_the_patients_cannot_score_is_rejected()
    {
        var (organoids, response, unit, pool) = World();
        var narrow = unit with { Standardized = unit.Standardized.SelectPathways(unit.Standardized.Pathways.Skip(1).ToArray()) };
        var e = Assert.Throws<ArgumentException>(() => RandomSetBaseline.Run(organoids, response, "ridgecv", pool, 3, [narrow], 1, 2, 1, ["x"], 1));
        Assert.Contains("P00", e.Message);
    }

    [Fact]
    public void Null_columns_leave_out_undefined_draws()
    {
        var chi = new double[3, 1, 1] { { { 1.0 } }, { { double.NaN } }, { { 2.0 } } };
        var nul = new RandomSetNull(2, 5, ["u"], 1, [["A"], ["B"], ["C"]], chi, chi);
        Assert.Equal(new[] { 1.0, 2.0 }, nul.ChiSquares(0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => nul.ChiSquares(0, 2));
    }
}
