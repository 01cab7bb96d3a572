using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Models;
using Xunit;

namespace OrganoidBiomarkers.Tests.Common;

public class PathwayScoresTests
{
    [Fact]
    public void Lookups_find_the_first_position_and_follow_with_copies()
    {
        var s = new PathwayScores(["A", "B", "A"], ["x", "y"], new double[3, 2]);
        Assert.Equal(0, s.PathwayIndex("A"));
        Assert.Equal(1, s.PathwayIndex("B"));
        Assert.Equal(-1, s.PathwayIndex("C"));
        Assert.Equal(1, s.SampleIndex("y"));
        var copy = s with { Pathways = ["C", "A", "B"] };
        Assert.Equal(0, copy.PathwayIndex("C"));
        Assert.Equal(1, copy.PathwayIndex("A"));
        Assert.Equal(0, s.PathwayIndex("A"));
    }

    [Fact]
    public void A_list_changed_behind_the_record_is_re_indexed()
    {
        var names = new List<string> { "A", "B" };
        var s = new PathwayScores(names, ["x"], new double[3, 1]);
        Assert.Equal(1, s.PathwayIndex("B"));
        names[1] = "C";
        Assert.Equal(1, s.PathwayIndex("C"));
        Assert.Equal(-1, s.PathwayIndex("B"));
        names.Add("D");
        Assert.Equal(2, s.PathwayIndex("D"));
    }
}
