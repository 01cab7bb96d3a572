using System.Net;
using System.Text;
using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Reporting;

/// <summary>
/// Renders the report as one self-contained HTML file: inline CSS, figures as data: URIs, no external resource, so it
/// opens offline and can be mailed or archived as a single file. The verdict comes first (section id "verdict"): the
/// claims table and the arms' Kaplan-Meier figures, laid out to fit a 1280 x 900 screen. The only scripts are the
/// interactive charts' (<see cref="ReportSection.Charts"/>): plotly.js embedded once, before the first chart, from the
/// Plotly.NET package (<see cref="PlotlyJs"/>), and one drawing script per chart; without scripts the PNGs remain.
/// </summary>
public static class ReportHtml
{
    /// <summary>The whole report as one self-contained HTML document; titles, captions and table cells are HTML-escaped.</summary>
    /// <param name="model">What the report shows; its <see cref="ReportModel.Verdict"/> may be null (no verdict section).</param>
    public static string Render(ReportModel model)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
          .Append(E(model.Title)).Append("</title>\n<style>\n").Append(Css).Append("</style></head><body>\n");
        sb.Append("<header><h1>").Append(E(model.Title)).Append("</h1><p class=\"intro\">").Append(E(model.Introduction)).Append("</p>\n<nav>");
        var links = new List<(string Id, string Title)>();
        if (model.Verdict is not null) links.Add(("verdict", "Verdict"));
        links.AddRange(model.Sections.Select(s => (s.Id, s.Nav ?? s.Title)));
        links.Add(("provenance", "Provenance"));
        sb.Append(string.Join(" · ", links.Select(l => $"<a href=\"#{E(l.Id)}\">{E(l.Title)}</a>")));
        sb.Append("</nav></header>\n");
        if (model.Verdict is not null) VerdictSection(sb, model.Verdict);
        bool plotly = false;
        foreach (var s in model.Sections) Section(sb, s, ref plotly);
        ProvenanceSection(sb, model.Provenance);
        sb.Append("</body></html>\n");
        return sb.ToString();
    }

    private static void VerdictSection(StringBuilder sb, VerdictSection v)
    {
        sb.Append("<section id=\"verdict\"><h2>Verdict <span class=\"lead\">").Append(E(v.Lead))
          .Append(" (every number with its source file: <a href=\"results/parity.tsv\">results/parity.tsv</a>, <a href=\"#parity\">parity</a>)</span></h2>\n");
        sb.Append("<table class=\"verdict\"><colgroup><col class=\"c-claim\"><col class=\"c-arm\"><col class=\"c-paper\"><col class=\"c-authors\"><col class=\"c-ours\">")
          .Append("<col class=\"c-status\"><col class=\"c-reason\"><col class=\"c-robust\"></colgroup>\n<thead><tr><th>claim</th><th>arm · what</th><th>paper</th>")
          .Append("<th>authors' code</th><th>ours</th><th>status</th><th>why</th><th>robustness of ours</th></tr></thead><tbody>\n");
        for (int i = 0; i < v.Rows.Count; i++)
        {
            var r = v.Rows[i];
            sb.Append("<tr>");
            if (i == 0 || v.Rows[i - 1].Group != r.Group)
            {
                int span = v.Rows.Skip(i).TakeWhile(x => x.Group == r.Group).Count();
                sb.Append($"<th scope=\"rowgroup\" rowspan=\"{span}\">{E(r.Group)}</th>");
            }
            sb.Append($"<td><b>{E(r.Arm)}</b> · {E(r.What)}</td><td>{Dash(r.Paper)}</td><td>{Dash(r.Authors)}</td><td>{Dash(r.Ours)}</td>");
            string css = r.Status switch { VerdictStatus.Match => "match", VerdictStatus.Differs => "differs", _ => "na" };
            sb.Append($"<td class=\"{css}\">{E(VerdictRow.StatusText(r.Status))}</td><td>{Dash(r.Reason)}</td><td>{Dash(r.Robustness)}</td></tr>\n");
        }
        sb.Append("</tbody></table>\n<div class=\"cards\">\n");
        foreach (var c in v.Cards)
        {
            // The figure's own title names the arm, cohort, sources, model and k: the card adds no caption above it (screen height).
            sb.Append("<figure class=\"card\">");
            if (c.Png is not null) sb.Append($"<img alt=\"{E(c.Title)} ({E(c.FigureName)}.png)\" title=\"{E(c.Title)}\" src=\"data:image/png;base64,{Convert.ToBase64String(c.Png)}\">\n");
            else sb.Append($"<figcaption>{E(c.Title)}</figcaption><p class=\"missing\">{E(c.FigureName)}.png is not in output/figures (stage 05 did not run).</p>\n");
            sb.Append("<table class=\"km\"><thead><tr><th></th><th>n R / NR</th><th>deaths</th><th>log-rank p</th><th>5-year surv. R / NR</th><th>HR (NR vs R)</th></tr></thead><tbody>");
            if (c.Note.Length > 0) sb.Append($"<tr><th>authors</th><td colspan=\"5\">{E(c.Note)}</td></tr>");
            foreach (var n in c.Numbers)
                sb.Append($"<tr><th>{E(n.Who)}</th><td>{E(n.Patients)}</td><td>{E(n.Deaths)}</td><td>{E(n.LogRankP)}</td><td>{E(n.FiveYear)}</td><td>{E(n.HazardRatio)}</td></tr>");
            sb.Append("</tbody></table></figure>\n");
        }
        sb.Append("</div>\n</section>\n");
    }

    private static string Dash(string s) => s.Length == 0 ? "<span class=\"none\">—</span>" : E(s);

    private static void Section(StringBuilder sb, ReportSection s, ref bool plotly)
    {
        sb.Append($"<section id=\"{E(s.Id)}\"><h2>{E(s.Title)}</h2>\n<p>{E(s.Summary)}</p>\n");
        if (s.NotebookLink is not null) sb.Append($"<p class=\"nb\">Executed notebook: <a href=\"{E(s.NotebookLink)}\">{E(s.NotebookLink)}</a></p>\n");
        foreach (var t in s.Tables) Table(sb, t);
        foreach (var f in s.Figures)
            sb.Append($"<figure><img alt=\"{E(f.Caption)}\" src=\"data:image/png;base64,{Convert.ToBase64String(f.Png)}\"><figcaption>{E(f.Caption)}</figcaption></figure>\n");
        if (s.Charts is { Count: > 0 } charts)
        {
            sb.Append("<div class=\"charts\"><h3>Interactive charts</h3><p class=\"charts\">The figures above, to explore: hover a point or bar for its name ")
              .Append("and values, drag to zoom, double-click to reset, click a legend entry to hide a series (plotly.js, embedded in this page: works offline).</p>\n");
            if (!plotly) { sb.Append(PlotlyJs.ScriptTags); plotly = true; }
            foreach (var c in charts)
                sb.Append($"<figure class=\"chart\" title=\"{E(c.Name)}\">").Append(c.ToHtmlDiv()).Append("</figure>\n");
            sb.Append("</div>\n");
        }
        sb.Append("</section>\n");
    }

    private static void Table(StringBuilder sb, ReportTable t)
    {
        string link = t.Link is null ? "" : $" <a class=\"tsv\" href=\"{E(t.Link)}\">{E(t.Link)}</a>";
        sb.Append($"<figure class=\"table\"><figcaption>{E(t.Caption)}{link}</figcaption>\n");
        if (t.KeyColumns is null && t.KeyRows is null && t.KeyTable is null)
        {
            sb.Append(HtmlTable.Render(t.Table, t.MaxRows)).Append("</figure>\n");
            return;
        }
        var key = KeyView(t);
        sb.Append(HtmlTable.Render(key, t.MaxRows, t.Widths));
        sb.Append($"<details><summary>Full table: {t.Table.Rows.Count} rows × {t.Table.Columns.Count} columns{(t.Table.Rows.Count > t.MaxRows * 5 ? $" (first {t.MaxRows * 5} shown; all in the TSV)" : "")}</summary>\n")
          .Append(HtmlTable.Render(t.Table, t.MaxRows * 5)).Append("</details></figure>\n");
    }

    /// <summary>The trimmed view of a table: its key columns (prefix wildcards expanded) and key rows.</summary>
    public static TsvTable KeyView(ReportTable t)
    {
        if (t.KeyTable is not null) return t.KeyTable;
        var columns = t.KeyColumns is null ? t.Table.Columns.ToList()
            : t.KeyColumns.SelectMany(k => k.EndsWith('*') ? t.Table.Columns.Where(c => c.StartsWith(k[..^1], StringComparison.Ordinal)) : t.Table.Columns.Where(c => c == k))
                .Distinct().ToList();
        var idx = columns.Select(t.Table.ColumnIndex).ToArray();
        var rows = t.Table.Rows.Where(r => t.KeyRows?.Invoke(r) ?? true).Select(r => (IReadOnlyList<string>)idx.Select(i => r[i]).ToArray()).ToList();
        return new TsvTable(columns, rows);
    }

    private static void ProvenanceSection(StringBuilder sb, Provenance p)
    {
        sb.Append("<section id=\"provenance\"><h2>Provenance</h2>\n<dl>");
        void Item(string k, string v) => sb.Append($"<dt>{E(k)}</dt><dd>{E(v)}</dd>");
        Item("git commit", p.GitCommit);
        Item("run started (UTC)", p.StartedUtc);
        Item("total notebook time", $"{p.TotalSeconds:F1} s");
        Item("data mirror", p.DataMirror ?? "(none: inputs from data/cache or downloaded)");
        Item("seed", p.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Item("parameters", p.Parameters.Count == 0 ? "(defaults)" : string.Join(", ", p.Parameters.Select(kv => $"{kv.Key}={kv.Value}")));
        if (p.InputSet is { } set)
        {
            Item("input set", set.Line);
            if (set.MainRows.Count > 0) Item("main rows", set.MainRowsLine);
        }
        sb.Append("</dl>\n<figure class=\"table\"><figcaption>Notebook timings</figcaption>").Append(HtmlTable.Render(p.NotebookTimings)).Append("</figure>\n");
        if (p.InputSet is { Connected.Count: > 0 } connected)
            sb.Append("<figure class=\"table\"><figcaption>Connected inputs (scripts/fetch-inputs): origin and sha256 as data/connected/inputs.tsv records them</figcaption>")
                .Append(HtmlTable.Render(connected.Table(), 100)).Append("</figure>\n");
        sb.Append("<figure class=\"table\"><figcaption>Inputs: sha256 checked against data/manifest.tsv</figcaption>").Append(HtmlTable.Render(p.Inputs, 100)).Append("</figure>\n</section>\n");
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private const string Css = """
        body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 14px; max-width: 1256px; margin: .4em auto 2em; padding: 0 12px; color: #222; line-height: 1.4; }
        header h1 { font-size: 1.3em; margin: 0 0 .05em; } p.intro { margin: 0 0 .15em; font-size: 12px; color: #444; }
        nav { font-size: 12px; margin-bottom: .2em; } nav a { color: #1f5f99; text-decoration: none; }
        h2 { font-size: 1.3em; border-bottom: 2px solid #3182bd; padding-bottom: .15em; margin: 1.8em 0 .4em; }
        section#verdict h2 { margin: .3em 0 .3em; font-size: 1.1em; } span.lead { font-size: .72em; font-weight: normal; color: #333; margin-left: .5em; }
        section { margin-bottom: 1.5em; }
        table.verdict { border-collapse: collapse; table-layout: fixed; width: 100%; font-size: 11px; line-height: 1.2; }
        table.verdict th, table.verdict td { border: 1px solid #ccc; padding: 1px 4px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
        table.verdict thead th { background: #eef3f8; }
        table.verdict tbody th { background: #f4f6f9; font-weight: bold; }
        col.c-claim { width: 74px; } col.c-arm { width: 186px; } col.c-paper { width: 78px; } col.c-authors { width: 152px; } col.c-ours { width: 162px; }
        col.c-status { width: 128px; } col.c-reason { width: 256px; } col.c-robust { width: auto; }
        span.none { color: #999; }
        .match { background: #e5f5e0 !important; } .differs { background: #fee6ce !important; } .na { background: #eeeeee !important; }
        div.cards { display: grid; grid-template-columns: 1fr 1fr; gap: 10px; margin-top: 6px; }
        figure.card { margin: 0; border: 1px solid #ddd; padding: 3px; } figure.card img { width: 100%; border: 0; display: block; }
        figure.card figcaption { font-size: 12px; margin: 0 0 2px; color: #333; }
        table.km { border-collapse: collapse; width: 100%; font-size: 11px; } table.km th, table.km td { border: 1px solid #ddd; padding: 1px 4px; text-align: left; white-space: nowrap; }
        table.km thead th { background: #eef3f8; font-weight: normal; } p.note { font-size: 10.5px; color: #555; margin: 1px 0 0; }
        table.result { border-collapse: collapse; font-size: .82em; margin: .5em 0; display: block; overflow-x: auto; max-width: 100%; }
        table.result th, table.result td { border: 1px solid #ccc; padding: .2em .45em; text-align: left; vertical-align: top; }
        table.result th { background: #eef3f8; position: sticky; top: 0; }
        table.result tr:nth-child(even) td { background: #fafafa; }
        td.long { min-width: 18em; }
        table.result.fixed { display: table; table-layout: fixed; width: 100%; } table.result.fixed td { overflow-wrap: anywhere; min-width: 0; }
        details { margin: .3em 0 1em; } details summary { cursor: pointer; font-size: .9em; color: #1f5f99; }
        a.tsv { font-weight: normal; font-size: .9em; margin-left: .5em; }
        figure { margin: 1em 0; } figure img { max-width: 100%; border: 1px solid #ddd; }
        div.charts h3 { font-size: 1.05em; margin: 1.2em 0 .2em; } p.charts { font-size: .9em; color: #444; margin: 0 0 .4em; }
        figure.chart { border: 1px solid #ddd; overflow-x: auto; }
        figcaption { font-size: .9em; color: #555; margin: .3em 0; font-weight: bold; }
        p.nb { font-size: .9em; } dl { display: grid; grid-template-columns: max-content auto; gap: .2em 1em; } dt { font-weight: bold; }
        """;
}
