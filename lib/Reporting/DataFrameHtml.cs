using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Data.Analysis;

namespace OrganoidBiomarkers.Reporting;

/// <summary>
/// The one HTML view of a <see cref="DataFrame"/> in notebooks (registered in notebooks/_setup.csx): a caption with
/// the shape and each column's type, at most <c>maxRows</c> rows, doubles rounded to <c>digits</c> significant
/// digits (the data frame keeps full precision), nulls as a grey dash.
/// </summary>
public static class DataFrameHtml
{
    /// <summary>Rows shown by default.</summary>
    public const int DefaultMaxRows = 25;

    /// <summary>Significant digits of doubles by default.</summary>
    public const int DefaultDigits = 4;

    /// <param name="frame">The data frame.</param>
    /// <param name="maxRows">Rows shown (1..10,000); the caption says how many there are.</param>
    /// <param name="digits">Significant digits of doubles (1..17).</param>
    public static string Render(DataFrame frame, int maxRows = DefaultMaxRows, int digits = DefaultDigits)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (maxRows is < 1 or > 10_000) throw new ArgumentOutOfRangeException(nameof(maxRows), maxRows, "rows shown must be in 1..10000");
        if (digits is < 1 or > 17) throw new ArgumentOutOfRangeException(nameof(digits), digits, "significant digits must be in 1..17");
        long rows = frame.Rows.Count;
        int shown = (int)Math.Min(rows, maxRows);
        var sb = new StringBuilder();
        // Selectors of specificity (0,1,3) and more: notebook hosts style tables too (Jupyter's ".rendered_html td" and
        // ".jp-RenderedHTMLCommon td" right-align every cell and strip borders), and these rules must win there.
        sb.Append("<div class=\"dataframe\"><style>div.dataframe table.frame{border-collapse:collapse;font:13px 'DejaVu Sans',Arial,sans-serif;margin:0;table-layout:auto}")
          .Append("div.dataframe table.frame th,div.dataframe table.frame td{border:1px solid #ddd;padding:2px 6px;text-align:left;vertical-align:top;max-width:30em;white-space:normal}")
          .Append("div.dataframe table.frame td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}div.dataframe table.frame td.null{color:#aaa;text-align:center}")
          .Append("div.dataframe table.frame thead th{background:#eef3f8;vertical-align:bottom}div.dataframe table.frame tbody th{color:#777;font-weight:normal;text-align:right}")
          .Append("div.dataframe table.frame tbody tr:nth-child(even) td{background:#fafafa}div.dataframe table.frame th small{font-weight:normal;color:#777}div.dataframe p{margin:.2em 0}</style>");
        sb.Append("<p><b>DataFrame</b> ").Append(rows.ToString(CultureInfo.InvariantCulture)).Append(" rows \u00d7 ")
          .Append(frame.Columns.Count.ToString(CultureInfo.InvariantCulture)).Append(" columns");
        if (shown < rows) sb.Append(" (first ").Append(shown.ToString(CultureInfo.InvariantCulture)).Append(" shown)");
        sb.Append("</p><table class=\"frame\"><thead><tr><th></th>");
        foreach (var c in frame.Columns)
            sb.Append("<th>").Append(WebUtility.HtmlEncode(c.Name)).Append("<br><small>").Append(TypeName(c.DataType)).Append("</small></th>");
        sb.Append("</tr></thead><tbody>");
        for (int i = 0; i < shown; i++)
        {
            sb.Append("<tr><th>").Append(i.ToString(CultureInfo.InvariantCulture)).Append("</th>");
            foreach (var c in frame.Columns)
            {
                var value = c[i];
                if (value is null) { sb.Append("<td class=\"null\">\u2014</td>"); continue; }
                bool numeric = value is double or float or int or long or short or byte or decimal;
                sb.Append(numeric ? "<td class=\"num\">" : "<td>").Append(WebUtility.HtmlEncode(Cell(value, digits))).Append("</td>");
            }
            sb.Append("</tr>");
        }
        sb.Append("</tbody></table></div>");
        return sb.ToString();
    }

    /// <summary>A cell as shown: doubles with <paramref name="digits"/> significant digits, invariant culture.</summary>
    public static string Cell(object? value, int digits = DefaultDigits) => value switch
    {
        null => "",
        double d when double.IsNaN(d) => "NaN",
        double d => d.ToString("G" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
        float f => ((double)f).ToString("G" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string TypeName(Type t) => t == typeof(double) ? "double" : t == typeof(int) ? "int" : t == typeof(bool) ? "bool"
        : t == typeof(string) ? "string" : t == typeof(long) ? "long" : t == typeof(float) ? "float" : t.Name;
}
