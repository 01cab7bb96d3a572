using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Patients;
using Xunit;

namespace OrganoidBiomarkers.Tests.Patients;

public class RandomPathwaySetsTests
{
    private static readonly string[] Pool = Enumerable.Range(0, 10).Select(i => $"P{i}").ToArray();

    [Fact]
    public void Draws_are_distinct_sorted_and_reproducible_from_the_seed()
    {
        var a = RandomPathwaySets.Draw(Pool, 4, Rng.ForStream(7, "x"));
        var b = RandomPathwaySets.Draw(Pool, 4, Rng.ForStream(7, "x"));
        var c = RandomPathwaySets.Draw(Pool, 4, Rng.ForStream(8, "x"));
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Equal(4, a.Distinct().Count());
        Assert.Equal(a.Order(StringComparer.Ordinal), a);
        Assert.All(a, p => Assert.Contains(p, Pool));
    }

    [Fact]
    public void A_draw_does_not_depend_on_the_pool_order()
    {
        var forward = RandomPathwaySets.Draw(Pool, 5, Rng.ForStream(3, "order"));
        var reversed = RandomPathwaySets.Draw(Pool.Reverse().ToArray(), 5, Rng.ForStream(3, "order"));
        Assert.Equal(forward, reversed);
    }

    [Fact]
    public void Every_subset_is_equally_likely()
    {
        // 20,000 draws of 3 of 10: each of the 120 subsets expected 166.7 times. Pearson's X^2 on 119 df has mean 119 and
        // sd 15.4; the seeded run must stay below mean + 6 sd. A biased shuffle (e.g. j drawn from 0..n-1 instead of
        // i..n-1, or a modulo-biased integer) lands far above: it is a fixed-seed check, so it cannot flake.
        const int draws = 20000;
        var rng = new Rng(20201030);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var perItem = new int[Pool.Length];
        for (int d = 0; d < draws; d++)
        {
            var set = RandomPathwaySets.Draw(Pool, 3, rng);
            string key = string.Join(",", set);
            counts[key] = counts.GetValueOrDefault(key) + 1;
            foreach (var p in set) perItem[int.Parse(p[1..])]++;
        }
        Assert.Equal(120, counts.Count);
        double expected = draws / 120.0;
        double chi2 = counts.Values.Sum(c => (c - expected) * (c - expected) / expected);
        Assert.True(chi2 < 119 + 6 * Math.Sqrt(2 * 119), $"X^2 = {chi2:0.0} on 119 df");
        // Each item in 30% of draws: sd sqrt(20000 x 0.3 x 0.7) = 64.8; 5 sd.
        Assert.All(perItem, c => Assert.InRange(c, 6000 - 324, 6000 + 324));
    }

    [Fact]
    public void Bad_sizes_and_pools_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => RandomPathwaySets.Draw(Pool, 0, new Rng(1)));
        Assert.Throws<ArgumentException>(() => RandomPathwaySets.Draw(Pool, 11, new Rng(1)));
        Assert.Throws<ArgumentException>(() => RandomPathwaySets.Draw(["A", "B", "A"], 1, new Rng(1)));
        Assert.Equal(Pool, RandomPathwaySets.Draw(Pool, 10, new Rng(1)));
    }

    [Fact]
    public void Empirical_p_counts_the_observed_value_as_one_draw()
    {
        // (1 + #null >= 5) / (1 + 4): the nulls 5 and 7 reach it.
        Assert.Equal(3.0 / 5.0, RandomPathwaySets.EmpiricalP(5, [1, 5, 7, 2]));
        Assert.Equal(1.0 / 5.0, RandomPathwaySets.EmpiricalP(8, [1, 5, 7, 2]));
        Assert.Equal(1.0, RandomPathwaySets.EmpiricalP(0, [1, 5, 7, 2]));
        Assert.Throws<ArgumentException>(() => RandomPathwaySets.EmpiricalP(1, []));
        Assert.Throws<ArgumentException>(() => RandomPathwaySets.EmpiricalP(double.NaN, [1.0]));
        Assert.Throws<ArgumentException>(() => RandomPathwaySets.EmpiricalP(1, [1.0, double.NaN]));
    }

    [Fact]
    public void Empirical_p_with_a_tie_tolerance_counts_draws_equal_up_to_rounding()
    {
        // 5 - 4e-15 is 5 up to rounding: a tie under the default tolerance (threshold 5 - 5e-9), not when comparing
        // exactly (tolerance 0); 4.9 is no tie.
        double[] nulls = [1, 5 - 4e-15, 7, 4.9];
        Assert.Equal(1e-9, RandomPathwaySets.TieTolerance);
        Assert.Equal(3.0 / 5.0, RandomPathwaySets.EmpiricalP(5, nulls));
        Assert.Equal(2.0 / 5.0, RandomPathwaySets.EmpiricalP(5, nulls, 0));
        // Negative observed values (signed statistics): the threshold is observed - tol |observed| = -2 - 2e-9.
        Assert.Equal(3.0 / 4.0, RandomPathwaySets.EmpiricalP(-2, [-2 - 1e-15, -1, -3]));
        Assert.Equal(2.0 / 4.0, RandomPathwaySets.EmpiricalP(-2, [-2 - 1e-15, -1, -3], 0));
        Assert.Throws<ArgumentException>(() => RandomPathwaySets.EmpiricalP(1, [1.0], -1e-9));
    }
}
