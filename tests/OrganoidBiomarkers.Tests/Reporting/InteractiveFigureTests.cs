using System.Text.RegularExpressions;
using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Network;
using OrganoidBiomarkers.Reporting;
using OrganoidBiomarkers.Study;
using Xunit;

namespace OrganoidBiomarkers.Tests.Reporting;

/// <summary>
/// Interactive charts saved beside the PNGs (output/figures/NN_*.plotly.json) and embedded by the report: a saved chart
/// renders the same div as the chart itself, the file's bytes are reproducible, a damaged file is refused naming it, and
/// the report carries plotly.js once however many sections have charts.
/// </summary>
public class InteractiveFigureTests
{
    private const string PlotlyBanner = "embedded from the Plotly.NET package";

    private static string Temp() => Directory.CreateTempSubdirectory("interactive-figure-").FullName;

    [Fact]
    public void A_saved_chart_reads_back_to_the_same_div_and_the_same_bytes_each_time()
    {
        var dir = Temp();
        var chart = InteractiveCharts.KaplanMeier(InteractiveChartsTests.Comparison(), "5-FU: main split <b>&</b>");
        var path = Path.Combine(dir, "05_km_5fu_main.plotly.json");
        Assert.Same(chart, chart.Save(path));
        var first = File.ReadAllBytes(path);
        InteractiveCharts.KaplanMeier(InteractiveChartsTests.Comparison(), "5-FU: main split <b>&</b>").Save(path);
        Assert.Equal(first, File.ReadAllBytes(path));
        var saved = InteractiveFigure.Read(path);
        Assert.Equal(("05_km_5fu_main", chart.Title, chart.Width, chart.Height), (saved.Name, saved.Title, saved.Width, saved.Height));
        Assert.Equal(chart.FigureJson, saved.FigureJson);
        Assert.Equal(chart.Id, saved.Id);
        Assert.Equal(chart.ToHtmlDiv(), saved.ToHtmlDiv());
    }

    [Fact]
    public void A_chart_is_saved_only_under_the_extension_the_report_looks_for()
    {
        var chart = InteractiveCharts.Forest(InteractiveChartsTests.ForestRows(), "forest");
        var e = Assert.Throws<ArgumentException>(() => chart.Save(Path.Combine(Temp(), "06_forest.json")));
        Assert.Contains(".plotly.json", e.Message);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"title\": \"t\", \"width\": 900, \"height\": 700}")]
    [InlineData("{\"title\": \"t\", \"width\": 0, \"height\": 700, \"figure\": {\"data\": []}}")]
    [InlineData("{\"title\": \"t\", \"width\": 900, \"height\": 700, \"figure\": [1, 2]}")]
    public void A_damaged_file_is_refused_naming_it_and_the_fix(string content)
    {
        var path = Path.Combine(Temp(), "03_z.plotly.json");
        File.WriteAllText(path, content);
        var e = Assert.Throws<InputException>(() => InteractiveFigure.Read(path));
        Assert.Equal(path, e.File);
        Assert.Contains("rerun the stage", e.Fix);
    }

    [Fact]
    public void A_stage_lists_its_charts_in_name_order_and_an_identical_chart_once()
    {
        var dir = Temp();
        var km = InteractiveCharts.KaplanMeier(InteractiveChartsTests.Comparison(), "km");
        km.Save(Path.Combine(dir, "05_km_b.plotly.json"));
        km.Save(Path.Combine(dir, "05_km_c.plotly.json")); // the same chart twice: one div (ids must be unique in a page)
        InteractiveCharts.Forest(InteractiveChartsTests.ForestRows(), "forest").Save(Path.Combine(dir, "05_a_forest.plotly.json"));
        InteractiveCharts.Forest(InteractiveChartsTests.ForestRows(), "other stage").Save(Path.Combine(dir, "06_forest.plotly.json"));
        File.WriteAllText(Path.Combine(dir, "05_not_a_chart.json"), "{}");
        Assert.Equal(["05_a_forest", "05_km_b"], InteractiveFigure.OfStage(dir, 5).Select(f => f.Name));
        Assert.Empty(InteractiveFigure.OfStage(Path.Combine(dir, "absent"), 5));
    }

    [Fact]
    public void The_report_embeds_plotly_once_before_the_first_chart_and_each_chart_in_its_section()
    {
        var dir = Temp();
        InteractiveCharts.ZAgreement("FLUOROURACIL", [InteractiveChartsTests.Series()], -1.2816).Save(Path.Combine(dir, "03_z.plotly.json"));
        InteractiveCharts.KaplanMeier(InteractiveChartsTests.Comparison(), "km").Save(Path.Combine(dir, "05_km.plotly.json"));
        var z = InteractiveFigure.Read(Path.Combine(dir, "03_z.plotly.json"));
        var km = InteractiveFigure.Read(Path.Combine(dir, "05_km.plotly.json"));
        var provenance = new Provenance("abc", "now", 1, null, new Dictionary<string, string>(), 1, new TsvTable(["a"], []), new TsvTable(["a"], []));
        var model = new ReportModel("t", "intro", provenance,
        [
            new ReportSection("stage01", "01", "no charts", null, [], []),
            new ReportSection("stage03", "03", "z", null, [], [], Charts: [z]),
            new ReportSection("stage05", "05", "km", null, [], [], Charts: [km]),
        ]);
        var html = ReportHtml.Render(model);
        Assert.Single(Regex.Matches(html, PlotlyBanner));
        int plotly = html.IndexOf(PlotlyBanner, StringComparison.Ordinal);
        Assert.True(plotly > html.IndexOf("<section id=\"stage03\">", StringComparison.Ordinal) && plotly < html.IndexOf(z.Id, StringComparison.Ordinal));
        Assert.True(html.IndexOf(km.Id, StringComparison.Ordinal) > html.IndexOf("<section id=\"stage05\">", StringComparison.Ordinal));
        Assert.DoesNotContain("<script", html[..html.IndexOf("<section id=\"stage03\">", StringComparison.Ordinal)]);
        // Without charts the page has no script at all (as before).
        Assert.DoesNotContain("<script", ReportHtml.Render(model with { Sections = [model.Sections[0]] }));
    }

    [Fact]
    public void The_z_series_of_a_drug_are_the_pathways_and_rho_of_the_agreement_table()
    {
        var drug = new DrugTargetEntry("drug x", ["DRUGX"], ["T1"]);
        string[] pathways = ["P_A", "P_B", "P_C", "P_D"];
        ProximityRow Row(string network, string p, double z, bool computed = true) =>
            new(network, network, new ProximityResult("DRUGX", p, 1, 3, computed ? 2 : double.NaN, 2.5, 0.4, z, 100));
        var rows = new List<ProximityRow>
        {
            Row("net1", "P_A", -2.0), Row("net1", "P_B", 0.5), Row("net1", "P_C", -1.0), Row("net1", "P_D", 1.5, computed: false),
            Row("net2", "P_A", -0.5), Row("net2", "P_B", -1.5), Row("net2", "P_C", 0.2), Row("net2", "P_D", 1.0),
        };
        var authors = new AuthorsProximityTable(pathways, ["DRUGX"], new double[,] { { -3 }, { 1 }, { -1.5 }, { 0 } });
        var networks = new[] { "net1", "net2" }.Select(n => new SelectionNetwork(new SelectionDefinition(n, SelectionKind.Recomputed, n, n), Interactome.FromEdges([("T1", "G1")], CountLog.Silent))).ToList();
        var agreement = ProximityRun.Agreement(rows, authors, [drug], networks);
        var series = ZAgreementSeries.OfDrug("DRUGX", rows, authors, [drug]);
        Assert.Equal(agreement.Select(a => (a.Network, a.Pathways, a.Rho)), series.Select(s => (s.Network, s.Points.Count, s.Rho)));
        Assert.Equal(agreement.SelectMany(a => a.Points), series.SelectMany(s => s.Points.Select(p => (p.Authors, p.Ours))));
        Assert.Equal(["P_A", "P_B", "P_C"], series[0].Points.Select(p => p.Pathway));
        Assert.Empty(ZAgreementSeries.OfDrug("DRUGX", rows, new AuthorsProximityTable(pathways, ["OTHER"], new double[4, 1]), [drug]));
    }
}
