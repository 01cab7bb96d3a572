using OrganoidBiomarkers.Network;
using Xunit;

namespace OrganoidBiomarkers.Tests.Network;

public class SetOverlapTests
{
    [Fact]
    public void Jaccard_is_intersection_over_union_ignoring_duplicates()
    {
        // {a, b, c} vs {b, c, d, e}: shared 2, union 5.
        var o = SetOverlap.Of(["a", "b", "c", "c"], ["b", "c", "d", "e"]);
        Assert.Equal(new SetOverlap(3, 4, 2, 0.4), o);
    }

    [Fact]
    public void Two_empty_sets_agree_and_disjoint_sets_do_not()
    {
        Assert.Equal(1.0, SetOverlap.Of([], []).Jaccard);
        Assert.Equal(0.0, SetOverlap.Of(["a"], ["b"]).Jaccard);
    }
}
