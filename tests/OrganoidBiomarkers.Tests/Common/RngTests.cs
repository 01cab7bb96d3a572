using OrganoidBiomarkers.Common;
using Xunit;

namespace OrganoidBiomarkers.Tests.Common;

public class RngTests
{
    [Fact]
    public void Sequence_matches_the_reference_C_implementation()
    {
        // Golden/rng/xoshiro256starstar.c, seed 42: exact 64-bit integers.
        var expected = File.ReadAllLines(TestPaths.Golden("rng", "xoshiro256starstar_seed42.txt")).Select(ulong.Parse).ToArray();
        var rng = new Rng(42);
        Assert.Equal(expected, expected.Select(_ => rng.NextUInt64()).ToArray());
    }

    [Fact]
    public void Streams_depend_on_seed_and_ids_only()
    {
        ulong a = Rng.ForStream(7, "FLUOROURACIL", "REACTOME_X").NextUInt64();
        Assert.Equal(a, Rng.ForStream(7, "FLUOROURACIL", "REACTOME_X").NextUInt64());
        Assert.NotEqual(a, Rng.ForStream(8, "FLUOROURACIL", "REACTOME_X").NextUInt64());
        Assert.NotEqual(a, Rng.ForStream(7, "FLUOROURACIL", "REACTOME_Y").NextUInt64());
        // The separator matters: ("AB","C") is not ("A","BC").
        Assert.NotEqual(Rng.ForStream(7, "AB", "C").NextUInt64(), Rng.ForStream(7, "A", "BC").NextUInt64());
    }

    [Fact]
    public void NextInt_is_uniform_within_sampling_error()
    {
        var rng = new Rng(1);
        var counts = new int[7];
        const int n = 70_000;
        for (int i = 0; i < n; i++) counts[rng.NextInt(7)]++;
        // Chi-square with 6 df: 22.46 is the 0.999 quantile.
        double chi2 = counts.Sum(c => (c - n / 7.0) * (c - n / 7.0) / (n / 7.0));
        Assert.True(chi2 < 22.46, $"chi2 = {chi2}");
    }

    [Fact]
    public void NextDouble_is_in_unit_interval()
    {
        var rng = new Rng(3);
        for (int i = 0; i < 10_000; i++) Assert.InRange(rng.NextDouble(), 0.0, 1.0 - 1e-17);
    }

    [Fact]
    public void Shuffle_is_a_permutation_and_reproducible()
    {
        var items = Enumerable.Range(0, 50).ToArray();
        var a = new Rng(5).Shuffled(items);
        var b = new Rng(5).Shuffled(items);
        Assert.Equal(a, b);
        Assert.Equal(items, a.Order().ToArray());
        Assert.NotEqual(items, a);
    }
}
