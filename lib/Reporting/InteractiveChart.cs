using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Plotly.NET;

namespace OrganoidBiomarkers.Reporting;

/// <summary>
/// An interactive chart (Plotly.NET figure, drawn by plotly.js): hover, zoom, pan, toggle series. Built by
/// <see cref="InteractiveCharts"/>; shown in a notebook as text/html (<see cref="ToNotebookHtml"/>, registered in
/// notebooks/_setup.csx), in the report as a fragment (<see cref="InteractivePage.Fragment"/>), or as a standalone
/// offline page (<see cref="InteractivePage.Standalone"/>). The static PNG figures stay: GitHub shows them and the
/// report falls back to them.
/// </summary>
public sealed class InteractiveChart
{
    private static int _plotlyShown;

    internal InteractiveChart(string title, GenericChart chart, int width, int height)
    {
        Title = title;
        Chart = chart;
        Width = width;
        Height = height;
        // Plotly.NET's own figure JSON (Newtonsoft). The builders never pass NaN (a missing value is null).
        FigureJson = GenericChart.toFigureJson(chart);
        Id = IdOf(title, FigureJson);
    }

    /// <summary>A deterministic element id from title and figure: the same figure gives the same page bytes on every run.</summary>
    internal static string IdOf(string title, string figureJson) =>
        "chart-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(title + "\n" + figureJson)))[..16].ToLowerInvariant();

    /// <summary>The chart's title (also in the figure).</summary>
    public string Title { get; }

    /// <summary>The Plotly.NET chart, for a reader who wants to restyle it (Plotly.NET's API).</summary>
    public GenericChart Chart { get; }

    /// <summary>Size in CSS pixels.</summary>
    public int Width { get; }

    /// <inheritdoc cref="Width"/>
    public int Height { get; }

    /// <summary>The figure as plotly.js JSON ({"data": [...], "layout": {...}}).</summary>
    public string FigureJson { get; }

    /// <summary>The element id of the chart's div: a hash of title and figure, so a page's bytes are reproducible.</summary>
    public string Id { get; }

    /// <summary>
    /// The chart's div and the script that draws it with <c>window.Plotly</c> (no plotly.js: include
    /// <see cref="PlotlyJs.ScriptTags"/> once per page before it, or use <see cref="InteractivePage"/>).
    /// </summary>
    public string ToHtmlDiv() => Div(Id, Width, Height, FigureJson);

    /// <summary>
    /// Writes the chart to <paramref name="path"/> (by convention output/figures/NN_name<see cref="InteractiveFigure.Extension"/>,
    /// beside the PNG it accompanies) so the report can embed it, and returns the chart (to display it in the same cell).
    /// </summary>
    public InteractiveChart Save(string path)
    {
        InteractiveFigure.Write(this, path);
        return this;
    }

    internal static string Div(string elementId, int width, int height, string figureJson)
    {
        string id = WebUtility.HtmlEncode(elementId);
        string json = figureJson.Replace("</", "<\\/", StringComparison.Ordinal);
        var sb = new StringBuilder();
        sb.Append("<div class=\"interactive-chart\" id=\"").Append(id).Append("\" style=\"width:")
          .Append(width.ToString(CultureInfo.InvariantCulture)).Append("px;height:").Append(height.ToString(CultureInfo.InvariantCulture))
          .Append("px;max-width:100%\"></div>\n<script>(function () {\n  var figure = ").Append(json).Append(";\n")
          .Append("  var draw = function () { window.Plotly.newPlot('").Append(id).Append("', figure.data, figure.layout, { displaylogo: false, responsive: true }); };\n")
          .Append("  if (window.Plotly) { draw(); } else { window.addEventListener('load', draw); }\n})();</script>\n");
        return sb.ToString();
    }

    /// <summary>
    /// For a notebook (text/html): the first chart a process shows carries plotly.js (~3.6 MB, once per notebook),
    /// every later one only its div and script.
    /// </summary>
    public string ToNotebookHtml() =>
        Interlocked.Exchange(ref _plotlyShown, 1) == 0 ? PlotlyJs.ScriptTags + ToHtmlDiv() : ToHtmlDiv();

    /// <summary>For tests: the next <see cref="ToNotebookHtml"/> carries plotly.js again.</summary>
    internal static void ResetNotebookState() => Interlocked.Exchange(ref _plotlyShown, 0);
}

/// <summary>Pages and fragments holding several charts with plotly.js embedded once.</summary>
public static class InteractivePage
{
    /// <summary>
    /// An HTML fragment for a page that has no plotly.js yet (e.g. the report): plotly.js once, then each chart's div.
    /// No element refers to the network.
    /// </summary>
    public static string Fragment(IEnumerable<InteractiveChart> charts)
    {
        ArgumentNullException.ThrowIfNull(charts);
        var list = charts.ToList();
        if (list.Count == 0) throw new ArgumentException("no charts", nameof(charts));
        var duplicate = list.GroupBy(c => c.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"the same chart ('{duplicate.First().Title}') is listed twice", nameof(charts));
        return PlotlyJs.ScriptTags + string.Concat(list.Select(c => c.ToHtmlDiv()));
    }

    /// <summary>A self-contained page (opens offline) with the charts under a heading.</summary>
    public static string Standalone(string title, IEnumerable<InteractiveChart> charts) =>
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + WebUtility.HtmlEncode(title) + "</title></head>\n" +
        "<body style=\"font-family: 'DejaVu Sans', sans-serif\"><h1>" + WebUtility.HtmlEncode(title) + "</h1>\n" + Fragment(charts) + "</body></html>\n";
}
