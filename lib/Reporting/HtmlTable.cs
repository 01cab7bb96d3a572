using System.Net;
using System.Text;
using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Reporting;

/// <summary>HTML rendering of result tables, for notebooks and the report.</summary>
public static class HtmlTable
{
    public static string Render(TsvTable table, int maxRows = 60)
    {
        var sb = new StringBuilder("<table class=\"result\"><thead><tr>");
        foreach (var c in table.Columns) sb.Append("<th>").Append(WebUtility.HtmlEncode(c)).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var row in table.Rows.Take(maxRows))
        {
            sb.Append("<tr>");
            foreach (var cell in row) sb.Append("<td>").Append(WebUtility.HtmlEncode(Shorten(cell))).Append("</td>");
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
