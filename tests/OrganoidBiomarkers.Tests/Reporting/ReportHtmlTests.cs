using System.Text.RegularExpressions;
using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Reporting;
using Xunit;

namespace OrganoidBiomarkers.Tests.Reporting;

/// <summary>The report page on the fixture world: the verdict first, trimmed stage tables with the whole table behind &lt;details&gt;, nothing loaded from the network.</summary>
public class ReportHtmlTests
{
    private static readonly StudyReportResult Report = StudyReport.Build(ReportFixture.Run());
    private static readonly string Html = ReportHtml.Render(Report.Model);

    [Fact]
    public void The_verdict_is_the_first_section_and_the_stage_sections_parity_and_provenance_follow()
    {
        var ids = Regex.Matches(Html, "<section id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal("verdict", ids[0]);
        // Stages without any result file or figure in the fixture run (02, 03) are left out.
        Assert.Equal(["verdict", "stage01", "stage04", "stage05", "robustness", "parity", "provenance"], ids);
        Assert.Contains("<table class=\"verdict\">", Html);
        // Claim groups span their rows; every status is coloured.
        Assert.Contains("<th scope=\"rowgroup\" rowspan=\"4\">Organoids and cohorts</th>", Html);
        string verdict = Html[Html.IndexOf("<section id=\"verdict\">", StringComparison.Ordinal)..Html.IndexOf("<section id=\"stage01\">", StringComparison.Ordinal)];
        Assert.Equal(V("match"), Regex.Matches(verdict, "<td class=\"match\">match</td>").Count);
        Assert.Equal(V("not computable here"), Regex.Matches(verdict, "<td class=\"na\">not computable here</td>").Count);
    }

    private static int V(string status) => Report.Model.Verdict!.Rows.Count(r => VerdictRow.StatusText(r.Status) == status);

    [Fact]
    public void Kaplan_meier_cards_embed_the_figure_or_say_it_is_missing()
    {
        Assert.Single(Regex.Matches(Html, "<figure class=\"card\"><img "));
        Assert.Contains("05_km_cis_main.png is not in output/figures", Html);
        Assert.Contains("<td colspan=\"5\">no output of the authors&#39; code exists for this arm</td>", Html);
    }

    [Fact]
    public void Stage_tables_show_key_columns_with_the_full_table_behind_details_and_a_link_to_the_tsv()
    {
        Assert.Contains("<a class=\"tsv\" href=\"results/validation.tsv\">results/validation.tsv</a>", Html);
        Assert.Contains("<summary>Full table: 7 rows × 25 columns</summary>", Html);
        var validation = Report.Model.Sections.Single(s => s.Id == "stage05").Tables[0];
        var key = ReportHtml.KeyView(validation);
        Assert.Contains("main", key.Columns);
        Assert.DoesNotContain("signed_z", key.Columns);
        // Each arm's main model and k (ridgecv, k = 1) on its main selection only.
        Assert.Equal(2, key.Rows.Count);
        var baselines = ReportHtml.KeyView(Report.Model.Sections.Single(s => s.Id == "stage05").Tables[1]);
        Assert.Equal(["network", "negative_control", "negative_control"], baselines.ColumnValues("baseline"));
    }

    [Fact]
    public void Prefix_wildcards_select_columns_and_missing_columns_are_skipped()
    {
        var t = new TsvTable(["cohort", "n", "expr_a", "expr_b", "other"], [["c", "1", "2", "3", "4"]]);
        var key = ReportHtml.KeyView(new ReportTable("t", t, KeyColumns: ["cohort", "expr_*", "absent"]));
        Assert.Equal(["cohort", "expr_a", "expr_b"], key.Columns);
        Assert.Equal(["c", "2", "3"], key.Rows[0]);
    }

    [Fact]
    public void The_page_is_self_contained()
    {
        Assert.DoesNotMatch("(src|href)=\"https?://", Html);
        Assert.DoesNotContain("<script", Html);
        Assert.Contains("src=\"data:image/png;base64,", Html);
    }

    [Fact]
    public void Fixed_width_tables_wrap_instead_of_scrolling()
    {
        var html = HtmlTable.Render(new TsvTable(["a", "b"], [["x", "y"]]), widths: [30, 70]);
        Assert.StartsWith("<table class=\"result fixed\"><colgroup><col style=\"width:30%\"><col style=\"width:70%\"></colgroup>", html);
        Assert.Contains("table.result.fixed { display: table; table-layout: fixed; width: 100%; }", Html);
    }

    [Fact]
    public void The_parity_section_lists_the_authors_other_splits_beside_ours()
    {
        var splits = StudyReport.OtherSplits(ReportFixture.Run().Study(), ParityTable.Rows(ReportFixture.Run()));
        Assert.Equal(["fu\tols\t1", "fu\tridgecv\t2", "fu\tridgecv\t3", "fu\tols\t2"], splits.Rows.Select(r => string.Join('\t', r.Take(3))));
        var ridge2 = splits.Rows[1];
        // log-rank p: the authors' 0.125 as written (short), ours rounded; 5-year survival of responders 0.75 against 0.70.
        Assert.Equal(("0.125", "0.75", "0.70", "differs"), (ridge2[3], ridge2[5], ridge2[6], ridge2[^1]));
    }
}
