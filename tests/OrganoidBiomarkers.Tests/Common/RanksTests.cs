using OrganoidBiomarkers.Common;
using Xunit;

namespace OrganoidBiomarkers.Tests.Common;

public class RanksTests
{
    // Expected values: scipy.stats.rankdata([3, 1, 3, 2, 3], method=...) by hand: average [4,1,4,2,4], min [3,1,3,2,3], ordinal [3,1,4,2,5].
    [Theory]
    [InlineData(TieRanking.Average, new[] { 4.0, 1, 4, 2, 4 })]
    [InlineData(TieRanking.Min, new[] { 3.0, 1, 3, 2, 3 })]
    [InlineData(TieRanking.First, new[] { 3.0, 1, 4, 2, 5 })]
    public void Ties_follow_the_named_rule(TieRanking ties, double[] expected) =>
        Assert.Equal(expected, Ranks.Of(new[] { 3.0, 1, 3, 2, 3 }, ties));
}
