using OrganoidBiomarkers.Models;
using Xunit;

namespace OrganoidBiomarkers.Tests.Models;

public class BiomarkerRankingTests
{
    [Fact]
    public void Ranks_by_absolute_coefficient_then_name()
    {
        var r = BiomarkerRanking.ByAbsoluteCoefficient(new[] { "C", "A", "B", "D" }, new[] { 0.5, -0.5, 2.0, -0.1 });
        Assert.Equal(new[] { "B", "A", "C", "D" }, r.Select(b => b.Name));
        Assert.Equal(new[] { 1, 2, 3, 4 }, r.Select(b => b.Rank));
        Assert.Equal(-0.5, r[1].Coefficient); // sign kept
    }

    [Fact]
    public void Rejects_mismatched_or_duplicated_names()
    {
        Assert.Throws<ArgumentException>(() => BiomarkerRanking.ByAbsoluteCoefficient(new[] { "A" }, new[] { 1.0, 2.0 }));
        Assert.Throws<ArgumentException>(() => BiomarkerRanking.ByAbsoluteCoefficient(new[] { "A", "A" }, new[] { 1.0, 2.0 }));
    }
}
