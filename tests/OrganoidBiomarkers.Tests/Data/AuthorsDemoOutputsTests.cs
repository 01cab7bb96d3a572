using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using Xunit;

namespace OrganoidBiomarkers.Tests.Data;

/// <summary>The authors' demo outputs (top-k table, k = 1 numbers read from figures): hand-written fixtures and the mirror files.</summary>
public class AuthorsDemoOutputsTests
{
    [Fact]
    public void Reads_the_top_k_rows_with_their_pathways_in_rank_order()
    {
        var rows = AuthorsDemoOutputs.ReadTopK(TestPaths.Fixture("authors_demo", "topk.txt"));
        Assert.Equal(3, rows.Count);
        Assert.Equal(("coad", "DRUGX", "Ridge", 3), (rows[1].CancerType, rows[1].Drug, rows[1].Model, rows[1].K));
        Assert.Equal(["P_A", "P_B", "P_C"], rows[1].Pathways);
        Assert.Equal((0.8, 0.4, 0.03125), (rows[1].Surv5Responders, rows[1].Surv5NonResponders, rows[1].LogRankP));
        Assert.Equal(4, rows[2].Line);
    }

    [Theory]
    [InlineData("topk_pathway_count.txt", 3, "2 pathway name(s) for num_pathways = 3")]
    [InlineData("topk_duplicated.txt", 3, "Ridge k = 2 for DRUGX already on line 2")]
    [InlineData("topk_nan.txt", 2, "5yr_nonresponder 'nan' is not a finite number")]
    public void Malformed_top_k_tables_fail_with_line_and_reason(string file, int line, string reason)
    {
        var e = Assert.Throws<InputException>(() => AuthorsDemoOutputs.ReadTopK(TestPaths.Fixture("authors_demo", file)));
        Assert.Equal(line, e.Line);
        Assert.Contains(reason, e.Problem);
    }

    [Fact]
    public void Reads_the_k1_figure_numbers_with_their_stated_precision()
    {
        var rows = AuthorsDemoOutputs.ReadKaplanMeierValues(TestPaths.Fixture("authors_demo", "k1.tsv"));
        Assert.Equal(2, rows.Count);
        var ridge = rows[0];
        Assert.Equal(("Ridge", "cohort_x", "P_A"), (ridge.Model, ridge.Cohort, ridge.Biomarker));
        Assert.Equal("1.000", ridge.Surv5Responders.Text);
        Assert.Equal(3, ridge.Surv5Responders.Decimals);
        Assert.Equal(4, ridge.LogRankP.Decimals);
        Assert.Equal(0, ridge.NResponders.Decimals);
        // 0.0144 as stated covers [0.01435, 0.01445]; 1.000 covers [0.9995, 1.0005].
        Assert.True(ridge.LogRankP.Agrees(0.014449));
        Assert.False(ridge.LogRankP.Agrees(0.01446));
        Assert.True(ridge.Surv5Responders.Agrees(0.9996));
        Assert.False(ridge.Surv5Responders.Agrees(0.9994));
        Assert.True(ridge.NResponders.Agrees(5));
        Assert.False(ridge.NResponders.Agrees(6));
    }

    [Fact]
    public void A_number_in_scientific_notation_is_refused_because_its_precision_is_not_stated_in_decimals()
    {
        var e = Assert.Throws<InputException>(() => AuthorsDemoOutputs.ReadKaplanMeierValues(TestPaths.Fixture("authors_demo", "k1_scientific.tsv")));
        Assert.Equal(2, e.Line);
        Assert.Contains("logrank_p '1.44e-2' is not a plain decimal number", e.Problem);
    }

    [Theory]
    [InlineData("Ridge", "ridgecv")]
    [InlineData("SVR", "svr")]
    [InlineData("LinearRegression", "ols")]
    [InlineData("MLP", null)]
    public void Maps_the_authors_model_names_to_ours(string authors, string? ours) => Assert.Equal(ours, AuthorsDemoOutputs.OurModelName(authors));

    [MirrorFact]
    public void Reads_the_mirror_files()
    {
        var topk = AuthorsDemoOutputs.ReadTopK(DataMirror.File("reference", "authors_demo_coad_5fu", "multi_pathway_predictions.txt"));
        Assert.Equal(27, topk.Count);
        Assert.Equal(["LinearRegression", "Ridge", "SVR"], topk.Select(r => r.Model).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(Enumerable.Range(2, 9), topk.Where(r => r.Model == "Ridge").Select(r => r.K));
        Assert.All(topk, r => Assert.Equal(("coad", "FLUOROURACIL"), (r.CancerType, r.Drug)));
        var k1 = AuthorsDemoOutputs.ReadKaplanMeierValues(DataMirror.File("reference", "authors_demo_coad_5fu", "single_pathway_values_read_from_figures.tsv"));
        Assert.Equal(3, k1.Count);
        Assert.All(k1, r => Assert.Equal(("coad_5fu", "0.0144", "57", "8"), (r.Cohort, r.LogRankP.Text, r.NResponders.Text, r.EventsNonResponders.Text)));
    }
}
