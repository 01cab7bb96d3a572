using System.Net;
using System.Text;
using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Reporting;

/// <summary>
/// Renders the report as one self-contained HTML file: inline CSS, figures as data: URIs, no script and no external
/// resource, so it opens offline and can be mailed or archived as a single file.
/// </summary>
public static class ReportHtml
{
    public static string Render(ReportModel model)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>").Append(E(model.Title)).Append("</title>\n<style>\n").Append(Css).Append("</style></head><body>\n");
        sb.Append("<header><h1>").Append(E(model.Title)).Append("</h1><p>").Append(E(model.Introduction)).Append("</p>\n<nav><ol>");
        foreach (var s in model.Sections) sb.Append($"<li><a href=\"#{E(s.Id)}\">{E(s.Title)}</a></li>");
        sb.Append("<li><a href=\"#provenance\">Provenance</a></li></ol></nav></header>\n");
        foreach (var s in model.Sections) Section(sb, s);
        ProvenanceSection(sb, model.Provenance);
        sb.Append("</body></html>\n");
        return sb.ToString();
    }

    private static void Section(StringBuilder sb, ReportSection s)
    {
        sb.Append($"<section id=\"{E(s.Id)}\"><h2>{E(s.Title)}</h2>\n<p>{E(s.Summary)}</p>\n");
        if (s.NotebookLink is not null) sb.Append($"<p class=\"nb\">Executed notebook: <a href=\"{E(s.NotebookLink)}\">{E(s.NotebookLink)}</a></p>\n");
        foreach (var t in s.Tables)
        {
            sb.Append($"<figure class=\"table\"><figcaption>{E(t.Caption)}</figcaption>\n");
            sb.Append(HtmlTable.Render(t.Table, t.MaxRows)).Append("</figure>\n");
        }
        foreach (var f in s.Figures)
            sb.Append($"<figure><img alt=\"{E(f.Caption)}\" src=\"data:image/png;base64,{Convert.ToBase64String(f.Png)}\"><figcaption>{E(f.Caption)}</figcaption></figure>\n");
        sb.Append("</section>\n");
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
        sb.Append("</dl>\n<figure class=\"table\"><figcaption>Notebook timings</figcaption>").Append(HtmlTable.Render(p.NotebookTimings)).Append("</figure>\n");
        sb.Append("<figure class=\"table\"><figcaption>Inputs: sha256 checked against data/manifest.tsv</figcaption>").Append(HtmlTable.Render(p.Inputs, 100)).Append("</figure>\n</section>\n");
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private const string Css = """
        body { font-family: "DejaVu Sans", Arial, sans-serif; max-width: 1150px; margin: 2em auto; padding: 0 1em; color: #222; line-height: 1.45; }
        h1 { font-size: 1.7em; } h2 { border-bottom: 2px solid #3182bd; padding-bottom: .2em; margin-top: 2.2em; }
        nav ol { columns: 2; } section { margin-bottom: 2em; }
        table.result { border-collapse: collapse; font-size: .82em; margin: .5em 0; display: block; overflow-x: auto; max-width: 100%; }
        table.result th, table.result td { border: 1px solid #ccc; padding: .2em .45em; text-align: left; vertical-align: top; }
        table.result th { background: #eef3f8; position: sticky; top: 0; }
        table.result tr:nth-child(even) td { background: #fafafa; }
        td.long { min-width: 18em; }
        td.match { background: #e5f5e0 !important; } td.differs { background: #fee6ce !important; } td.na { background: #eeeeee !important; }
        figure { margin: 1em 0; } figure img { max-width: 100%; border: 1px solid #ddd; }
        figcaption { font-size: .9em; color: #555; margin: .3em 0; font-weight: bold; }
        p.nb { font-size: .9em; } dl { display: grid; grid-template-columns: max-content auto; gap: .2em 1em; } dt { font-weight: bold; }
        """;
}
