using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Pipeline;
using OrganoidBiomarkers.Reporting;
using Xunit;

namespace OrganoidBiomarkers.Tests.Common;

/// <summary>Explore.Select: the columns a question needs from a wide result table, in the order asked.</summary>
public class ExploreSelectTests
{
    private static TsvTable Wide() => new(
        ["drug", "k", "expression_source", "survival_source", "in_5fu_training", "in_cis_training", "logrank_p", "main"],
        [["FLUOROURACIL", "1", "xena", "biotab", "true", "false", "0.48", "true"], ["CISPLATIN", "2", "xena", "gdc", "false", "true", "NA", "false"]]);

    [Fact]
    public void Columns_come_in_the_order_asked_with_their_types_and_nulls()
    {
        var frame = Explore.Select(Explore.Table(Wide()), "logrank_p", "drug", "k");
        Assert.Equal(["logrank_p", "drug", "k"], frame.Columns.Select(c => c.Name));
        Assert.Equal(typeof(double), frame["logrank_p"].DataType);
        Assert.Null(frame["logrank_p"][1]);
        Assert.Equal(2L, frame.Rows.Count);
        Assert.Contains("<td class=\"null\">\u2014</td>", DataFrameHtml.Render(frame));
    }

    [Fact]
    public void A_trailing_star_takes_a_prefix_and_a_leading_star_a_suffix_each_column_once()
    {
        var frame = Explore.Select(Explore.Table(Wide()), "drug", "in_*", "*_source", "in_5fu_training");
        Assert.Equal(["drug", "in_5fu_training", "in_cis_training", "expression_source", "survival_source"], frame.Columns.Select(c => c.Name));
    }

    [Fact]
    public void The_source_frame_is_not_changed_and_an_unknown_column_names_those_there_are()
    {
        var source = Explore.Table(Wide());
        var picked = Explore.Select(source, "k");
        picked["k"][0] = 99;
        Assert.Equal(1, source["k"][0]);
        var e = Assert.Throws<ArgumentException>(() => Explore.Select(source, "logrank"));
        Assert.Contains("no column 'logrank' (have: drug, k, expression_source", e.Message);
        Assert.Throws<ArgumentException>(() => Explore.Select(source, "nothing_*"));
    }
}
