using System.Net;
using System.Text;
using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Reporting;

/// <summary>HTML rendering of result tables, for notebooks and the report.</summary>
public static class HtmlTable
{
    /// <summary>The table as an HTML &lt;table&gt; (cells HTML-encoded).</summary>
    /// <param name="table">The table to render.</param>
    /// <param name="maxRows">Rows shown at most (1 or more); the rest are left out.</param>
    /// <param name="widths">Column widths in percent: a fixed-layout table as wide as the page whose cells wrap (null: automatic layout).</param>
    public static string Render(TsvTable table, int maxRows = 60, IReadOnlyList<int>? widths = null)
    {
        var sb = new StringBuilder(widths is null ? "<table class=\"result\">" : "<table class=\"result fixed\">");
        if (widths is not null) sb.Append("<colgroup>").Append(string.Concat(widths.Select(w => $"<col style=\"width:{w}%\">"))).Append("</colgroup>");
        sb.Append("<thead><tr>");
        foreach (var c in table.Columns) sb.Append("<th>").Append(WebUtility.HtmlEncode(c)).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        int status = table.Columns.ToList().IndexOf("status");
        foreach (var row in table.Rows.Take(maxRows))
        {
            sb.Append("<tr>");
            for (int i = 0; i < row.Count; i++)
            {
                // A 'status' column (e.g. the parity table) is coloured by its value.
                string css = i != status ? "" : row[i] switch { "match" => " class=\"match\"", "differs" => " class=\"differs\"", "not computable here" or "no reference value" => " class=\"na\"", _ => "" };
                // Long prose cells get a minimum width so a wide table does not squeeze them into a narrow column.
                if (css.Length == 0 && row[i].Length > 40) css = " class=\"long\"";
                sb.Append("<td").Append(css).Append('>').Append(WebUtility.HtmlEncode(Shorten(row[i]))).Append("</td>");
            }
            sb.Append("</tr>");
        }
        sb.Append("</tbody></table>");
        if (table.Rows.Count > maxRows) sb.Append($"<p><i>{maxRows} of {table.Rows.Count} rows shown</i></p>");
        return sb.ToString();
    }

    /// <summary>Long floating-point cells are shown with 4 significant digits; files keep full precision.</summary>
    private static string Shorten(string cell) =>
        cell.Length > 8 && double.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d)
            ? d.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)
            : cell;
}
