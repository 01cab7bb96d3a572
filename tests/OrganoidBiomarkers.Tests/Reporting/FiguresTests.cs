using OrganoidBiomarkers.Reporting;
using Xunit;

namespace OrganoidBiomarkers.Tests.Reporting;

public class FiguresTests
{
    [Fact]
    public void Wrap_breaks_at_spaces_within_the_width() =>
        Assert.Equal("aaa bbb\nccc\ndddddddddd", Figures.Wrap("aaa bbb ccc dddddddddd", 7));

    [Fact]
    public void Wrap_leaves_short_text_alone() => Assert.Equal("short title", Figures.Wrap("short title", 40));
}
