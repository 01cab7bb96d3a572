using System.Globalization;
using ScottPlot;

namespace OrganoidBiomarkers.Reporting;

/// <summary>What a forest row's interval is, which sets its colour and the legend entry.</summary>
public enum ForestInterval
{
    /// <summary>The pre-specified main result: Wald 95% interval of the Cox hazard ratio.</summary>
    Main,
    /// <summary>One choice changed from the main setting: Wald 95% interval.</summary>
    Alternative,
    /// <summary>Percentile 95% interval of a patient bootstrap of the main result.</summary>
    Bootstrap,
    /// <summary>The spread (smallest to largest) of several runs' point estimates, e.g. over k: not a confidence interval.</summary>
    Range,
    /// <summary>A baseline or control on the same design (another feature set, or untreated patients): Wald 95% interval.</summary>
    Baseline,
}

/// <summary>
/// One row of a forest plot: <see cref="Label"/> on the left, <see cref="Detail"/> (estimate, interval, p, n) on the
/// right, the hazard ratio and its interval (any of them may be NaN or infinite: drawn clipped, or as "not defined").
/// <see cref="Group"/> starts a new block (a thin rule above it) when it changes from the row before.
/// </summary>
/// <param name="Group">The block the row belongs to.</param>
/// <param name="Label">Left-hand text: what the row is.</param>
/// <param name="Detail">Right-hand text: estimate, interval, p, n.</param>
/// <param name="Estimate">The hazard ratio of non-responders relative to responders (or the run's point estimate), &gt; 0;
/// may be NaN or infinite.</param>
/// <param name="Lower">Lower end of the interval; may be NaN or 0.</param>
/// <param name="Upper">Upper end of the interval; may be NaN or infinite.</param>
/// <param name="Interval">What the interval is (sets colour and legend).</param>
public sealed record ForestRow(string Group, string Label, string Detail, double Estimate, double Lower, double Upper, ForestInterval Interval);

/// <summary>Figures of the robustness analysis: the sensitivity forest plot and permutation null histograms.</summary>
public static class RobustnessFigures
{
    private static readonly Dictionary<ForestInterval, (Color Color, string Legend)> Styles = new()
    {
        [ForestInterval.Main] = (Palette.DeepRed, "main result, Wald 95% CI"),
        [ForestInterval.Alternative] = (Palette.DeepBlue, "one choice changed, Wald 95% CI"),
        [ForestInterval.Bootstrap] = (Color.FromHex("#e08214"), "main result, patient bootstrap 95% percentile interval"),
        [ForestInterval.Range] = (Color.FromHex("#878787"), "range of HR estimates over k (not a CI)"),
        [ForestInterval.Baseline] = (Color.FromHex("#1b7837"), "baseline / control, Wald 95% CI"),
    };
    private static readonly Color Dark = Palette.Dark;

    /// <summary>Hazard ratios drawn between these limits (log axis); intervals beyond them end in an arrow at the edge.</summary>
    public const double MinShown = 0.05, MaxShown = 20;

    /// <summary>Width in pixels of a forest plot: room for the labels on the left and the details on the right.</summary>
    public const int ForestWidth = 1800;

    /// <summary>Height in pixels for a forest plot of <paramref name="rows"/> rows (save at <see cref="ForestWidth"/> x this).</summary>
    public static int ForestHeight(int rows) => 170 + 30 * rows;

    /// <summary>
    /// Forest plot of hazard ratios on a log axis, first row at the top: point estimate and interval per row, a line at
    /// HR = 1, and the direction of the paper's claim (HR &gt; 1: predicted non-responders die sooner); a row with a NaN
    /// estimate shows its label and detail only (e.g. a permutation p). <see cref="ForestWidth"/> x <see cref="ForestHeight"/>.
    /// </summary>
    public static Plot Forest(IReadOnlyList<ForestRow> rows, string title)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0) throw new ArgumentException("no rows to plot", nameof(rows));
        var plot = new Plot().Styled(title, "hazard ratio, predicted non-responders vs responders (log scale; \u2193 after a p: opposite to the paper's direction)", "");
        double lo = Math.Log10(MinShown), hi = Math.Log10(MaxShown);
        double L(double hr) => Math.Clamp(Math.Log10(hr), lo, hi);
        int n = rows.Count;
        double Y(int i) => n - 1 - i;

        for (int i = 0; i < n; i++)
        {
            var r = rows[i];
            var (color, _) = Styles[r.Interval];
            if (i > 0 && !string.Equals(r.Group, rows[i - 1].Group, StringComparison.Ordinal))
            {
                var rule = plot.Add.HorizontalLine(Y(i) + 0.5, 1, Color.FromHex("#bdbdbd"));
                rule.LinePattern = LinePattern.Dashed;
            }
            if (double.IsNaN(r.Estimate)) continue;
            double y = Y(i);
            // An infinite (or zero) estimate without an interval (no death in one group): an arrow to the edge.
            if (double.IsInfinity(r.Estimate) || r.Estimate == 0) { Figures.HorizontalArrow(plot, r.Estimate == 0 ? lo + 0.25 : hi - 0.25, y, r.Estimate == 0 ? lo : hi, color); continue; }
            if (!double.IsNaN(r.Lower) && !double.IsNaN(r.Upper))
            {
                double a = L(r.Lower), b = L(r.Upper);
                var segment = plot.Add.Line(a, y, b, y);
                segment.LineColor = color;
                segment.LineWidth = r.Interval == ForestInterval.Range ? 7 : 2.5f;
                if (r.Interval == ForestInterval.Range) segment.LineColor = color.WithAlpha(0.55);
                // An interval running past the axis ends in an arrow head at the edge.
                if (r.Lower < MinShown) Figures.HorizontalArrow(plot, lo + 0.12, y, lo, color);
                if (r.Upper > MaxShown) Figures.HorizontalArrow(plot, hi - 0.12, y, hi, color);
            }
            var shape = r.Interval switch
            {
                ForestInterval.Main => MarkerShape.FilledDiamond,
                ForestInterval.Range => MarkerShape.VerticalBar,
                ForestInterval.Bootstrap => MarkerShape.OpenCircle,
                _ => MarkerShape.FilledSquare,
            };
            var m = plot.Add.Marker(L(r.Estimate), y, shape, r.Interval == ForestInterval.Main ? 15 : 10, color);
            m.MarkerLineWidth = 2;
        }
        var one = plot.Add.VerticalLine(0, 1.2f, Dark);
        one.LinePattern = LinePattern.Dotted;

        var positions = Enumerable.Range(0, n).Select(Y).ToArray();
        Figures.ForestAxes(plot, positions, rows.Select(r => r.Label).ToArray(), rows.Select(r => r.Detail).ToArray(), 13, 12);

        // One empty row at the bottom holds the direction labels; the legend sits under the axis.
        double bottom = -1.6, top = n - 0.4;
        plot.Axes.SetLimits(lo, hi, bottom, top);
        plot.Axes.SetLimitsY(bottom, top, plot.Axes.Right);
        Figures.Label(plot, "\u2190 responders die sooner", -0.03, -1.0, Alignment.MiddleRight, 12);
        Figures.Label(plot, "non-responders die sooner (paper) \u2192", 0.03, -1.0, Alignment.MiddleLeft, 12);
        foreach (var kind in rows.Select(r => r.Interval).Distinct().Order())
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = Styles[kind].Legend, LineColor = Styles[kind].Color, LineWidth = 3 });
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = ScottPlot.Orientation.Horizontal;
        plot.Legend.FontSize = 12;
        return plot;
    }
}
