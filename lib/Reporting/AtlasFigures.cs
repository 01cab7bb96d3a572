using System.Globalization;
using OrganoidBiomarkers.Patients;
using OrganoidBiomarkers.Patients.Atlas;
using ScottPlot;

namespace OrganoidBiomarkers.Reporting;

/// <summary>
/// One row of the drug-atlas forest: a drug x cohort, its main split's hazard ratio with the Wald 95% interval, whether
/// it beats shuffled organoid labels (permutation p &lt; 0.05), and the negative control's hazard ratio and interval on
/// the same row. Any number may be NaN (not tested) or infinite (no death in one group).
/// </summary>
/// <param name="Group">The cancer (a rule and a heading separate groups).</param>
/// <param name="Label">Drug, cancer and patients, left of the axis.</param>
/// <param name="Detail">p, BH q, permutation p and the control's p, right of the axis.</param>
/// <param name="HazardRatio">Main split: HR of predicted non-responders vs responders.</param>
/// <param name="Lower">Its lower Wald 95% limit.</param>
/// <param name="Upper">Its upper limit.</param>
/// <param name="BeatsShuffledLabels">Permutation p &lt; 0.05 (filled diamond; open otherwise).</param>
/// <param name="ControlHazardRatio">The negative control's HR (untreated patients of the same cancer).</param>
/// <param name="ControlLower">Its lower limit.</param>
/// <param name="ControlUpper">Its upper limit.</param>
public sealed record AtlasForestRow(string Group, string Label, string Detail, double HazardRatio, double Lower, double Upper, bool BeatsShuffledLabels,
    double ControlHazardRatio, double ControlLower, double ControlUpper);

/// <summary>The drug atlas' figure: a forest of hazard ratios, one row per drug x cohort.</summary>
public static class AtlasFigures
{
    private static readonly Color Main = Palette.DeepRed;
    private static readonly Color Control = Palette.Gray;

    /// <summary>Hazard ratios drawn between these limits (log axis); intervals beyond them end in an arrow at the edge.</summary>
    public const double MinShown = 0.05, MaxShown = 20;

    /// <summary>Width in pixels of the forest.</summary>
    public const int Width = 1700;

    /// <summary>Height in pixels for <paramref name="rows"/> rows in <paramref name="groups"/> groups.</summary>
    public static int Height(int rows, int groups) => 210 + 64 * rows + 60 * groups;

    /// <summary>
    /// The forest's rows from the atlas' rows: grouped by cancer (headed by the cancer's projects, the training set (the
    /// organoids, or the substitution) and, on a second line, the expression source the patients were scored on), the label "drug (patients, deaths)", the detail "log-rank p · BH q · permutation
    /// p · control p" (↓ after a p whose split goes opposite to the paper's direction).
    /// </summary>
    public static IReadOnlyList<AtlasForestRow> Rows(IReadOnlyList<AtlasRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        static string P(double? p) => p is not { } v || double.IsNaN(v) ? "NA" : v < 0.001 ? "<0.001" : v.ToString("0.000", CultureInfo.InvariantCulture);
        return rows.Select(r =>
        {
            var arm = r.Result.Arm;
            var s = r.Split;
            var c = r.Control;
            string training = arm.Arm.Training[0].Substitute is { } why ? $"CRC organoids stand in ({why})" : "CRC organoids, as the paper";
            string group = $"TCGA {string.Join("+", arm.Cancer.Projects)}: {training}\nscored on {arm.Expression.Id} ({arm.Expression.Content}; choice {arm.ExpressionChoice} of {arm.Cancer.Expression.Count})";
            string label = s is null ? $"{arm.Arm.Drug.Label}: not tested" : $"{arm.Arm.Drug.Label} ({s.Patients} patients, {s.Events} deaths)";
            string detail = s is null ? r.Result.Note
                : $"p {P(s.LogRankP)}{(s.SignedZ < 0 ? "↓" : "")} · q {P(r.Q)} · perm p {P(r.Result.Permutation?.P)} · control p {P(c?.LogRankP)}{(c?.SignedZ < 0 ? "↓" : "")}";
            return new AtlasForestRow(group, label, detail, s?.HazardRatio ?? double.NaN, s?.HazardRatioLower ?? double.NaN, s?.HazardRatioUpper ?? double.NaN,
                r.Result.Permutation?.P < 0.05, c?.HazardRatio ?? double.NaN, c?.HazardRatioLower ?? double.NaN, c?.HazardRatioUpper ?? double.NaN);
        }).ToList();
    }

    /// <summary>
    /// The forest (save at <see cref="Width"/> x <see cref="Height"/>): per row, the main split's HR (diamond; filled
    /// when it beats shuffled organoid labels at p &lt; 0.05, open when not) with its Wald 95% interval in red, and under
    /// it the negative control's HR (grey square) with its interval; a dotted line at HR = 1; the paper's direction (HR
    /// &gt; 1: predicted non-responders die sooner) marked under the axis. Rows without a test show their text only.
    /// </summary>
    public static Plot Forest(IReadOnlyList<AtlasForestRow> rows, string title)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0) throw new ArgumentException("no rows to plot", nameof(rows));
        var plot = new Plot().Styled(title, "hazard ratio, predicted non-responders vs responders (log scale, Wald 95% CI)", "");
        double lo = Math.Log10(MinShown), hi = Math.Log10(MaxShown);
        double L(double hr) => Math.Clamp(Math.Log10(hr), lo, hi);

        // Layout from the top: a heading line per group, then its rows (1 unit each).
        var y = new double[rows.Count];
        var headings = new List<(double Y, string Text)>();
        double cursor = 0;
        for (int i = 0; i < rows.Count; i++)
        {
            if (i == 0 || rows[i].Group != rows[i - 1].Group)
            {
                if (i > 0) cursor -= 0.35;
                int lines = rows[i].Group.Count(c => c == '\n') + 1;
                headings.Add((cursor - 0.2 * (lines - 1), rows[i].Group));
                cursor -= 0.75 + 0.4 * (lines - 1);
            }
            y[i] = cursor;
            cursor -= 1;
        }
        double bottom = cursor - 0.4, top = 0.5;

        for (int i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            Interval(plot, r.ControlHazardRatio, r.ControlLower, r.ControlUpper, y[i] - 0.28, Control, 1.8f, MarkerShape.FilledSquare, 9, lo, hi, L);
            Interval(plot, r.HazardRatio, r.Lower, r.Upper, y[i] + 0.08, Main, 3f, r.BeatsShuffledLabels ? MarkerShape.FilledDiamond : MarkerShape.OpenDiamond, 17, lo, hi, L);
        }
        foreach (var (hy, _) in headings.Skip(1))
        {
            var rule = plot.Add.HorizontalLine(hy + 0.45, 1, Color.FromHex("#bdbdbd"));
            rule.LinePattern = LinePattern.Dashed;
        }
        foreach (var (hy, text) in headings)
        {
            var t = plot.Add.Text(text, lo + 0.02, hy);
            t.LabelFontSize = 13;
            t.LabelFontName = Figures.FontName;
            t.LabelFontColor = Palette.Dark;
            t.LabelAlignment = Alignment.MiddleLeft;
        }
        var one = plot.Add.VerticalLine(0, 1.2f, Palette.Dark);
        one.LinePattern = LinePattern.Dotted;

        Figures.ForestAxes(plot, y, rows.Select(r => r.Label).ToArray(), rows.Select(r => r.Detail).ToArray(), 14, 13);
        plot.Axes.SetLimits(lo, hi, bottom - 0.7, top);
        plot.Axes.SetLimitsY(bottom - 0.7, top, plot.Axes.Right);
        Figures.Label(plot, "\u2190 predicted responders die sooner", -0.03, bottom - 0.2, Alignment.MiddleRight, 13);
        Figures.Label(plot, "predicted non-responders die sooner (the paper's claim) \u2192", 0.03, bottom - 0.2, Alignment.MiddleLeft, 13);

        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "treated patients: HR, Wald 95% CI (filled: beats shuffled organoid labels, permutation p < 0.05; open: does not)",
            LineColor = Main, LineWidth = 3, MarkerShape = MarkerShape.FilledDiamond, MarkerFillColor = Main, MarkerLineColor = Main, MarkerSize = 12 });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "negative control: the same split of untreated patients of the cancer",
            LineColor = Control, LineWidth = 2, MarkerShape = MarkerShape.FilledSquare, MarkerFillColor = Control, MarkerLineColor = Control, MarkerSize = 9 });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "right: log-rank p · q: Benjamini-Hochberg across the atlas · perm p: organoid labels shuffled · ↓: opposite to the paper" });
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = ScottPlot.Orientation.Vertical;
        plot.Legend.FontSize = 13;
        return plot;
    }

    private static void Interval(Plot plot, double estimate, double lower, double upper, double y, Color color, float width, MarkerShape shape, float size,
        double lo, double hi, Func<double, double> l)
    {
        if (double.IsNaN(estimate)) return;
        if (double.IsInfinity(estimate) || estimate == 0) { Figures.HorizontalArrow(plot, estimate == 0 ? lo + 0.3 : hi - 0.3, y, estimate == 0 ? lo : hi, color); return; }
        if (!double.IsNaN(lower) && !double.IsNaN(upper))
        {
            var segment = plot.Add.Line(l(lower), y, l(upper), y);
            segment.LineColor = color;
            segment.LineWidth = width;
            if (lower < MinShown) Figures.HorizontalArrow(plot, lo + 0.12, y, lo, color);
            if (upper > MaxShown) Figures.HorizontalArrow(plot, hi - 0.12, y, hi, color);
        }
        var m = plot.Add.Marker(l(estimate), y, shape, size, color);
        m.MarkerLineWidth = 2.5f;
        if (shape == MarkerShape.OpenDiamond) m.MarkerFillColor = Colors.White;
    }
}
