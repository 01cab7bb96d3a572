using System.Text.Json;
using OrganoidBiomarkers.Models;
using OrganoidBiomarkers.Patients;
using OrganoidBiomarkers.Reporting;
using Xunit;

namespace OrganoidBiomarkers.Tests.Reporting;

/// <summary>
/// The interactive (plotly.js) charts: what a reader hovers is in the figure (pathway names, numbers at risk, row
/// details), the figure bytes are reproducible, and pages embed plotly.js once from the Plotly.NET package with no
/// reference to the network. (That they render offline is checked in headless Chromium by .ci/run.)
/// </summary>
public class InteractiveChartsTests
{
    private const string PlotlyBanner = "plotly.js 2.28.0 (MIT), embedded from the Plotly.NET package";

    internal static GroupComparison Comparison()
    {
        var responders = new[] { 3.0, 8, 12, 15, 20, 26, 30, 41, 50, 63 }.Select((t, i) => new SurvivalTime(t, i % 3 == 0)).ToList();
        var nonResponders = new[] { 2.0, 5, 7, 9, 14, 18, 22, 35, 44 }.Select((t, i) => new SurvivalTime(t, i % 2 == 0)).ToList();
        return GroupComparison.Compare(responders, nonResponders);
    }

    internal static IReadOnlyList<ForestRow> ForestRows() =>
    [
        new("FLUOROURACIL", "main: ridgecv, k = 1", "HR 1.82 (0.33-9.95), p 0.48", 1.82, 0.333, 9.95, ForestInterval.Main),
        new("FLUOROURACIL", "bootstrap", "2.1 (0.1-inf)", 2.1, 0.1, double.PositiveInfinity, ForestInterval.Bootstrap),
        new("FLUOROURACIL", "permutation p", "p 0.55 <no HR>", double.NaN, double.NaN, double.NaN, ForestInterval.Alternative),
        new("CISPLATIN", "k = 1..10", "range", 0.7, 0.5, 1.4, ForestInterval.Range),
    ];

    internal static ZAgreementSeries Series() => ZAgreementSeries.Of("string_v10",
        new Dictionary<string, double> { ["REACTOME_A_PATHWAY"] = -2.5, ["REACTOME_B"] = 0.3, ["REACTOME_C"] = -1.0, ["REACTOME_ONLY_THEIRS"] = 1 },
        new Dictionary<string, double> { ["REACTOME_A_PATHWAY"] = -1.9, ["REACTOME_B"] = 0.1, ["REACTOME_C"] = -1.5, ["REACTOME_NAN"] = double.NaN });

    private static JsonElement Figure(InteractiveChart chart) => JsonDocument.Parse(chart.FigureJson).RootElement;

    [Fact]
    public void The_z_scatter_joins_on_shared_pathways_and_shows_their_names_on_hover()
    {
        var s = Series();
        Assert.Equal(new[] { "REACTOME_A_PATHWAY", "REACTOME_B", "REACTOME_C" }, s.Points.Select(p => p.Pathway));
        Assert.Equal(1.0, s.Rho, 12); // ranks: authors -2.5, 0.3, -1.0 -> 1, 3, 2; ours -1.9, 0.1, -1.5 -> 1, 3, 2
        var fig = Figure(InteractiveCharts.ZAgreement("FLUOROURACIL", [s], -1.2816));
        var points = fig.GetProperty("data")[0];
        Assert.Equal(new[] { "A PATHWAY", "B", "C" }, points.GetProperty("text").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(-2.5, points.GetProperty("x")[0].GetDouble());
        Assert.Equal(-1.9, points.GetProperty("y")[0].GetDouble());
        Assert.Contains("%{text}", points.GetProperty("hovertemplate").GetString());
        Assert.Equal(2, fig.GetProperty("layout").GetProperty("shapes").GetArrayLength()); // the threshold on both axes
    }

    [Fact]
    public void The_km_chart_has_step_curves_and_the_numbers_at_risk_of_the_fits()
    {
        var c = Comparison();
        var fig = Figure(InteractiveCharts.KaplanMeier(c, "5-FU, main split"));
        var curve = fig.GetProperty("data")[0];
        Assert.Equal("hv", curve.GetProperty("line").GetProperty("shape").GetString());
        var points = c.ResponderCurve.CurvePoints();
        Assert.Equal(points.Select(p => p.Survival).Append(points[^1].Survival), curve.GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
        // Numbers at risk every 12 months, both rows, as in the PNG: months 0..72 for a last time of 63.
        var notes = fig.GetProperty("layout").GetProperty("annotations").EnumerateArray()
            .Where(a => a.GetProperty("xref").GetString() == "x").Select(a => (X: a.GetProperty("x").GetDouble(), Y: a.GetProperty("y").GetDouble(), Text: a.GetProperty("text").GetString())).ToList();
        var months = Enumerable.Range(0, 7).Select(i => 12.0 * i).ToArray();
        Assert.Equal(c.ResponderCurve.AtRisk(months).Select(n => n.ToString()), notes.Where(n => n.Y == -0.20).OrderBy(n => n.X).Select(n => n.Text));
        Assert.Equal(c.NonResponderCurve.AtRisk(months).Select(n => n.ToString()), notes.Where(n => n.Y == -0.27).OrderBy(n => n.X).Select(n => n.Text));
        Assert.Contains("log-rank p", fig.GetProperty("layout").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void Coefficient_bars_keep_rank_order_sign_colours_and_full_names()
    {
        var ranking = BiomarkerRanking.ByAbsoluteCoefficient(["REACTOME_ACTIVATION_OF_BH3_ONLY_PROTEINS", "REACTOME_X", "REACTOME_Y"], [-0.8, 0.6, 0.1]);
        var fig = Figure(InteractiveCharts.CoefficientBars(ranking, "5-FU ridgecv", top: 2));
        var bars = fig.GetProperty("data")[0];
        Assert.Equal(new[] { "1. ACTIVATION OF BH3 ONLY PROTEINS", "2. X" }, bars.GetProperty("y").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(new[] { "REACTOME_ACTIVATION_OF_BH3_ONLY_PROTEINS", "REACTOME_X" }, bars.GetProperty("customdata").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(new[] { "#3182bd", "#e6550d" }, bars.GetProperty("marker").GetProperty("color").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("reversed", fig.GetProperty("layout").GetProperty("yaxis").GetProperty("autorange").GetString());
    }

    [Fact]
    public void The_forest_clips_to_the_axis_escapes_details_and_writes_no_nan()
    {
        var chart = InteractiveCharts.Forest(ForestRows(), "robustness");
        Assert.DoesNotContain("NaN", chart.FigureJson);
        Assert.DoesNotContain("Infinity", chart.FigureJson);
        var fig = Figure(chart);
        var texts = fig.GetProperty("data").EnumerateArray().Where(t => t.TryGetProperty("text", out _))
            .SelectMany(t => t.GetProperty("text").EnumerateArray()).Select(v => v.GetString()).ToList();
        Assert.Contains("FLUOROURACIL: main: ridgecv, k = 1<br>HR 1.82 (0.33-9.95), p 0.48", texts);
        Assert.DoesNotContain(texts, t => t!.Contains("permutation p")); // no estimate: label only
        Assert.Equal(new[] { "main: ridgecv, k = 1", "bootstrap", "permutation p", "k = 1..10" },
            fig.GetProperty("layout").GetProperty("yaxis").GetProperty("ticktext").EnumerateArray().Select(v => v.GetString()));
        var bootstrap = fig.GetProperty("data").EnumerateArray().First(t => t.GetProperty("mode").GetString() == "lines" && t.GetProperty("legendgroup").GetString() == "Bootstrap");
        Assert.Equal(RobustnessFigures.MaxShown, bootstrap.GetProperty("x")[1].GetDouble()); // infinite upper limit clipped to the edge
    }

    [Fact]
    public void Figures_and_pages_are_byte_identical_across_builds()
    {
        var a = InteractiveCharts.Forest(ForestRows(), "robustness");
        var b = InteractiveCharts.Forest(ForestRows(), "robustness");
        Assert.Equal(a.FigureJson, b.FigureJson);
        Assert.Equal(a.Id, b.Id);
        Assert.Equal(InteractivePage.Standalone("t", [a]), InteractivePage.Standalone("t", [b]));
        Assert.NotEqual(a.Id, InteractiveCharts.Forest(ForestRows(), "robustness, another title").Id);
    }

    [Fact]
    public void A_page_embeds_plotly_js_once_from_the_package_and_refers_to_no_network()
    {
        var charts = new[]
        {
            InteractiveCharts.ZAgreement("FLUOROURACIL", [Series()], -1.2816), InteractiveCharts.KaplanMeier(Comparison(), "km"),
            InteractiveCharts.Forest(ForestRows(), "forest"),
        };
        var page = InteractivePage.Standalone("interactive", charts);
        Assert.Equal(1, Count(page, PlotlyBanner));
        Assert.True(PlotlyJs.Source.Length > 3_000_000, "plotly.js is the full bundle");
        Assert.StartsWith("/**\n* plotly.js v" + PlotlyJs.Version, PlotlyJs.Source);
        // No element loads anything: no script/link/img with a src or href (plotly.js's own code holds URL strings, e.g.
        // a link to plotly.com it builds on demand, which is why the markup is checked without it).
        var markup = page.Replace(PlotlyJs.Source.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase), "");
        Assert.DoesNotMatch("(src|href)\\s*=", markup);
        Assert.DoesNotContain("http", markup);
        Assert.All(charts, c => Assert.Equal(1, Count(page, $"id=\"{c.Id}\"")));
        Assert.Equal(Count(InteractivePage.Fragment([charts[0]]), "<script") + 2, Count(page, "<script")); // one script per further chart
        Assert.Throws<ArgumentException>(() => InteractivePage.Fragment([charts[0], charts[0]]));
    }

    [Fact]
    public void In_a_notebook_only_the_first_chart_carries_plotly_js()
    {
        InteractiveChart.ResetNotebookState();
        var first = InteractiveCharts.KaplanMeier(Comparison(), "km").ToNotebookHtml();
        var second = InteractiveCharts.Forest(ForestRows(), "forest").ToNotebookHtml();
        Assert.Equal(1, Count(first, PlotlyBanner));
        Assert.Equal(0, Count(second, PlotlyBanner));
        Assert.Contains("window.Plotly.newPlot", second);
        InteractiveChart.ResetNotebookState();
    }

    private static int Count(string text, string part)
    {
        int count = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
