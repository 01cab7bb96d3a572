using OrganoidBiomarkers.Common;
using Xunit;

namespace OrganoidBiomarkers.Tests.Common;

public class PathwayNamesTests
{
    [Theory]
    [InlineData("REACTOME_ACTIVATION_OF_BH3_ONLY_PROTEINS", 48, "ACTIVATION OF BH3 ONLY PROTEINS")]
    [InlineData("REACTOME_SYNTHESIS_AND_INTERCONVERSION_OF_NUCLEOTIDE_DI_AND_TRIPHOSPHATES", 48, "SYNTHESIS AND INTERCONVERSION OF NUCLEOTIDE DI\u2026")]
    [InlineData("REACTOME_SYNTHESIS_AND_INTERCONVERSION_OF_NUCLEOTIDE_DI_AND_TRIPHOSPHATES", 80, "SYNTHESIS AND INTERCONVERSION OF NUCLEOTIDE DI AND TRIPHOSPHATES")]
    [InlineData("KEGG_GLYCOLYSIS", 48, "KEGG GLYCOLYSIS")]
    [InlineData("REACTOME_ABCDEFGHIJKLMNOPQRSTUVWXYZ", 10, "ABCDEFGHI\u2026")] // no space to cut at: hard cut
    public void Short_pathway_names_drop_the_prefix_and_cut_at_a_word(string name, int max, string expected)
    {
        var s = PathwayNames.Short(name, max);
        Assert.Equal(expected, s);
        Assert.True(s.Length <= max, $"'{s}' is longer than {max}");
    }

    [Fact]
    public void A_too_short_limit_is_refused() =>
        Assert.Throws<ArgumentException>(() => PathwayNames.Short("REACTOME_X", 5));
}
