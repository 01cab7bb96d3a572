using System.Globalization;
using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Models;
using OrganoidBiomarkers.Patients;
using Xunit;

namespace OrganoidBiomarkers.Tests.Patients;

public class RobustnessPermutationTests
{
    // A synthetic world: 12 pathways scored in 14 organoids and 40 patients; the response follows P02, and survival
    // loosely follows P02 too, so the observed split is better than most permuted ones.
    private static (PathwayScores Organoids, Dictionary<string, double> Response, ValidationUnit Unit, string[] Features) World()
    {
        var rng = new Rng(5);
        var pathways = Enumerable.Range(0, 12).Select(i => $"P{i:00}").ToArray();
        var organoids = Enumerable.Range(0, 14).Select(i => $"O{i:00}").ToArray();
        var patients = Enumerable.Range(0, 40).Select(i => $"TCGA-AA-{i:0000}").ToArray();
        var org = new double[pathways.Length, organoids.Length];
        var pat = new double[pathways.Length, patients.Length];
        for (int p = 0; p < pathways.Length; p++)
        {
            for (int o = 0; o < organoids.Length; o++) org[p, o] = rng.NextDouble() - 0.5;
            for (int s = 0; s < patients.Length; s++) pat[p, s] = rng.NextDouble() - 0.5;
        }
        var y = organoids.Select((o, i) => (o, 2 * org[2, i] + 0.3 * rng.NextDouble())).ToDictionary(t => t.o, t => t.Item2);
        var survival = patients.Select((p, i) => (p, new SurvivalTime(Math.Round(20 + 30 * rng.NextDouble() - 40 * pat[2, i]), rng.NextDouble() < 0.6)))
            .ToDictionary(t => t.p, t => t.Item2);
        var z = ResponderSplit.Standardize(new PathwayScores(pathways, patients, pat), patients);
        var unit = ValidationUnit.Create("DRUG", "cohort", "source", "survival", z, survival, CountLog.Silent);
        return (new PathwayScores(pathways, organoids, org), y, unit, pathways.Take(8).ToArray());
    }

    [Fact]
    public void Each_permutation_is_its_own_stream_retrained_and_split_like_the_main_result()
    {
        var (organoids, response, unit, features) = World();
        var result = RobustnessPermutation.Run(organoids, response, features, "ridgecv", 2, unit, 30, 7, ["t", "arm"]);
        var data = OrganoidTraining.Assemble(organoids, response, features);
        // The observed statistic is that of the main path (train on the real labels, SurvivalValidation.Evaluate).
        var observed = SurvivalValidation.Evaluate(OrganoidTraining.Fit(data, "ridgecv").Ranking, 2, unit);
        Assert.Equal(observed.Comparison!.LogRankChiSquare, result.ObservedChiSquare);
        Assert.Equal(observed.SignedLogRank, result.ObservedSigned);
        // Draw order as documented: Fisher-Yates of the response in training-set organoid order, stream (seed, ids, "perm", i).
        for (int i = 0; i < result.Permutations; i++)
        {
            var shuffled = Rng.ForStream(7, "t", "arm", "perm", i.ToString(CultureInfo.InvariantCulture)).Shuffled(data.Response);
            var byOrganoid = data.Organoids.Select((o, j) => (o, shuffled[j])).ToDictionary(t => t.o, t => t.Item2);
            var model = OrganoidTraining.Fit(OrganoidTraining.Assemble(organoids, byOrganoid, features), "ridgecv");
            var o = SurvivalValidation.Evaluate(model.Ranking, 2, unit);
            Assert.Equal(o.Comparison?.LogRankChiSquare ?? double.NaN, result.ChiSquare[i]);
            Assert.Equal(o.SignedLogRank, result.Signed[i]);
            Assert.Equal(o.Split.Biomarkers.Select(b => b.Name), result.Biomarkers[i]);
        }
        // The p-values are the empirical p of the defined draws (with the stated tie tolerance).
        Assert.Equal(RandomPathwaySets.EmpiricalP(result.ObservedChiSquare, result.DefinedChiSquares), result.P);
        Assert.Equal(RandomPathwaySets.EmpiricalP(result.ObservedSigned, result.DefinedSigned), result.PDirectional);
        Assert.Equal(result.Permutations - result.DefinedChiSquares.Count, result.Undefined);
    }

    [Fact]
    public void Results_depend_on_the_seed_only_not_on_the_thread_count()
    {
        var (organoids, response, unit, features) = World();
        var one = RobustnessPermutation.Run(organoids, response, features, "ridgecv", 1, unit, 60, 20201030, ["x"], maxDegreeOfParallelism: 1);
        var many = RobustnessPermutation.Run(organoids, response, features, "ridgecv", 1, unit, 60, 20201030, ["x"], maxDegreeOfParallelism: 4);
        var again = RobustnessPermutation.Run(organoids, response, features, "ridgecv", 1, unit, 60, 20201030, ["x"]);
        var other = RobustnessPermutation.Run(organoids, response, features, "ridgecv", 1, unit, 60, 20201031, ["x"]);
        Assert.Equal(one.ChiSquare, many.ChiSquare);
        Assert.Equal(one.Signed, many.Signed);
        Assert.Equal(one.ChiSquare, again.ChiSquare);
        Assert.Equal((one.P, one.PDirectional), (many.P, many.PDirectional));
        Assert.NotEqual(one.ChiSquare, other.ChiSquare);
    }

    [Fact]
    public void With_one_feature_every_permuted_split_is_the_observed_one_or_its_mirror()
    {
        // Hand-computed fixture. One pathway, 4 organoids (x = 1, 2, 3, 4) with responses y = 0, 1, 3, 7, least squares.
        // The coefficient of a permutation has the sign of sum_i (x_i - 2.5) y_perm(i), never 0 (the sum of integers
        // x_i y_perm(i) would have to be 27.5), so every split puts the lower (positive coefficient) or the upper
        // (negative) half of the 6 patients' z-scores in the responder group: the observed split (coefficient > 0 with
        // the real labels) or its mirror. Both have the same chi-square, so the two-sided p is exactly 1 (the mirror's
        // chi-square is summed over the other group and differs by rounding: the tie tolerance must catch it); the
        // directional p is (1 + #permutations with a positive coefficient) / (1 + permutations).
        var organoids = new PathwayScores(["P"], ["O1", "O2", "O3", "O4"], new double[,] { { 1, 2, 3, 4 } });
        var response = new Dictionary<string, double> { ["O1"] = 0, ["O2"] = 1, ["O3"] = 3, ["O4"] = 7 };
        var patients = new[] { "A", "B", "C", "D", "E", "F" };
        var z = new PathwayScores(["P"], patients, new double[,] { { -1.5, -0.9, -0.2, 0.3, 0.8, 1.4 } });
        // The lower half (predicted responders) lives longer: the observed split is in the paper's direction. These times
        // were picked so that the mirror's chi-square is 2 ulps below the observed one (2.8845553822152885 against
        // 2.884555382215289): without the tie tolerance the two-sided p would be below 1.
        var survival = new Dictionary<string, SurvivalTime>
        {
            ["A"] = new(34, true), ["B"] = new(22, false), ["C"] = new(23, true),
            ["D"] = new(15, true), ["E"] = new(23, true), ["F"] = new(5, true),
        };
        var unit = ValidationUnit.Create("DRUG", "c", "s", "v", z, survival, CountLog.Silent);
        const int n = 50;
        var result = RobustnessPermutation.Run(organoids, response, ["P"], "ols", 1, unit, n, 3, ["fixture"]);

        Assert.Equal(0, result.Undefined);
        Assert.True(result.ObservedSigned > 0);
        Assert.Contains(result.ChiSquare, c => c < result.ObservedChiSquare);
        Assert.Equal(1.0, result.P);
        int positive = 0;
        double[] x = [1, 2, 3, 4], y = [0, 1, 3, 7];
        for (int i = 0; i < n; i++)
        {
            var perm = Rng.ForStream(3, "fixture", "perm", i.ToString(CultureInfo.InvariantCulture)).Shuffled(y);
            double s = 0;
            for (int j = 0; j < 4; j++) s += (x[j] - 2.5) * perm[j];
            Assert.NotEqual(0, s);
            if (s > 0) positive++;
            Assert.Equal(s > 0 ? result.ObservedSigned : -result.ObservedSigned, result.Signed[i], 12);
        }
        Assert.InRange(positive, 1, n - 1); // both signs occur, so the fixture exercises the mirror
        Assert.Equal((1.0 + positive) / (1.0 + n), result.PDirectional);
    }

    [Fact]
    public void Bad_input_is_rejected_with_a_reason()
    {
        var (organoids, response, unit, features) = World();
        Assert.Throws<ArgumentException>(() => RobustnessPermutation.Run(organoids, response, features, "ridgecv", 1, unit, 0, 1, ["x"]));
        Assert.Throws<ArgumentException>(() => RobustnessPermutation.Run(organoids, response, features, "ridgecv", 0, unit, 5, 1, ["x"]));
        Assert.Throws<ArgumentException>(() => RobustnessPermutation.Run(organoids, response, features, "forest", 1, unit, 5, 1, ["x"]));
        var two = response.Take(2).ToDictionary(kv => kv.Key, kv => kv.Value);
        Assert.Contains("too few", Assert.Throws<ArgumentException>(() => RobustnessPermutation.Run(organoids, two, features, "ridgecv", 1, unit, 5, 1, ["x"])).Message);
        var noEvents = ValidationUnit.Create("DRUG", "c", "s", "v", unit.Standardized,
            unit.Patients.ToDictionary(p => p, p => new SurvivalTime(10, false)), CountLog.Silent);
        Assert.Contains("undefined", Assert.Throws<ArgumentException>(() => RobustnessPermutation.Run(organoids, response, features, "ridgecv", 1, noEvents, 5, 1, ["x"])).Message);
    }
}
