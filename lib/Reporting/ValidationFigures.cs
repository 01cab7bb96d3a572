using System.Globalization;
using OrganoidBiomarkers.Patients;
using ScottPlot;

namespace OrganoidBiomarkers.Reporting;

/// <summary>
/// Kaplan-Meier figures of the patient validation (stage 05): predicted responders against non-responders, the
/// log-rank p and group sizes in the title, and the numbers at risk under the x axis at every 12 months (each tick
/// label holds three lines: months, responders at risk, non-responders at risk), and the random-set null
/// distributions. Save each at 1000 x 640. Text sizes are chosen so that the figure still reads when the report shows
/// two of them side by side on a 1280-pixel screen (about 0.6 of their size).
/// </summary>
public static class ValidationFigures
{
    private static readonly Color Responders = Palette.DeepBlue;
    private static readonly Color NonResponders = Palette.DeepRed;

    /// <summary>Title size of the Kaplan-Meier figure (pixels at 1000 x 640).</summary>
    public const float TitleSize = 19;

    /// <summary>Size of tick labels, axis labels and legend of the Kaplan-Meier figure.</summary>
    public const float TextSize = 17;

    /// <summary>Months between the at-risk columns (and x ticks).</summary>
    public const double AtRiskEvery = 12;

    /// <summary>
    /// Kaplan-Meier curves of the predicted responders (deep blue) and non-responders (deep red) with censoring ticks,
    /// x in months with the numbers at risk every <see cref="AtRiskEvery"/> months under the ticks, y the survival
    /// probability 0..1; the title carries the log-rank p ("NA" when NaN) and each group's n and deaths. 1000 x 640.
    /// </summary>
    /// <param name="comparison">The split and its statistics.</param>
    /// <param name="title">First title line.</param>
    /// <param name="subtitle">Last title line, wrapped at 92 characters.</param>
    /// <exception cref="ArgumentNullException"><paramref name="comparison"/> is null.</exception>
    public static Plot KaplanMeier(GroupComparison comparison, string title, string subtitle)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var plot = new Plot();
        plot.Font.Set(Figures.FontName);
        string p = double.IsNaN(comparison.LogRankP) ? "NA" : comparison.LogRankP.ToString(comparison.LogRankP < 0.001 ? "0.0e0" : "0.000", CultureInfo.InvariantCulture);
        plot.Title($"{title}\nlog-rank p = {p}; responders n = {comparison.Responders} ({comparison.EventsResponders} deaths), " +
                   $"non-responders n = {comparison.NonResponders} ({comparison.EventsNonResponders} deaths)\n{Figures.Wrap(subtitle, 92)}", size: TitleSize);
        double last = Math.Max(comparison.ResponderCurve.LastTime, comparison.NonResponderCurve.LastTime);
        double xMax = Math.Max(AtRiskEvery, Math.Ceiling(last / AtRiskEvery) * AtRiskEvery);

        AddCurve(plot, comparison.ResponderCurve, Responders, $"predicted responders (n = {comparison.Responders})", xMax);
        AddCurve(plot, comparison.NonResponderCurve, NonResponders, $"predicted non-responders (n = {comparison.NonResponders})", xMax);

        var ticks = new List<double>();
        for (double t = 0; t <= xMax + 1e-9; t += AtRiskEvery) ticks.Add(t);
        var atRiskR = comparison.ResponderCurve.AtRisk(ticks);
        var atRiskN = comparison.NonResponderCurve.AtRisk(ticks);
        var labels = ticks.Select((t, i) => $"{t.ToString("0", CultureInfo.InvariantCulture)}\n{atRiskR[i]}\n{atRiskN[i]}").ToArray();
        plot.Axes.Bottom.SetTicks(ticks.ToArray(), labels);
        plot.Axes.Bottom.TickLabelStyle.FontSize = TextSize;
        plot.Axes.Bottom.MinorTickStyle.Length = 0;
        plot.Axes.Bottom.Label.Text = "months; at risk under each tick: responders (upper), non-responders (lower)";
        plot.Axes.Bottom.Label.FontSize = TextSize;
        plot.Axes.Left.Label.Text = "overall survival (Kaplan-Meier)";
        plot.Axes.Left.Label.FontSize = TextSize;
        plot.Axes.Left.TickLabelStyle.FontSize = TextSize;
        double[] yTicks = [0, 0.2, 0.4, 0.6, 0.8, 1.0];
        plot.Axes.Left.SetTicks(yTicks, yTicks.Select(y => y.ToString("0.0", CultureInfo.InvariantCulture)).ToArray());
        plot.Axes.Left.MinorTickStyle.Length = 0;
        plot.Axes.SetLimits(0, xMax, 0, 1.04);
        plot.ShowLegend(Alignment.LowerLeft);
        plot.Legend.FontSize = TextSize;
        return plot;
    }

    private static void AddCurve(Plot plot, KaplanMeierFit fit, Color color, string label, double xMax)
    {
        var points = fit.CurvePoints();
        var xs = points.Select(q => q.Time).Append(fit.LastTime).ToArray();
        var ys = points.Select(q => q.Survival).Append(points[^1].Survival).ToArray();
        var line = plot.Add.Scatter(xs, ys, color);
        line.ConnectStyle = ConnectStyle.StepHorizontal;
        line.MarkerSize = 0;
        line.LineWidth = 2.5f;
        line.LegendText = label;
        var marks = fit.CensorMarks();
        if (marks.Count > 0)
        {
            var m = plot.Add.Markers(marks.Select(c => c.Time).ToArray(), marks.Select(c => c.Survival).ToArray(), MarkerShape.VerticalBar, 9, color);
            m.MarkerLineWidth = 1.5f;
        }
    }

    /// <summary>
    /// Histogram of a null distribution (e.g. log-rank chi-square of random pathway sets) with the observed value as a
    /// vertical line; the empirical p in the title. <paramref name="drawsLabel"/> names the null draws (y axis),
    /// <paramref name="observedLabel"/> the observed line (legend).
    /// </summary>
    public static Plot NullDistribution(IReadOnlyList<double> nulls, double observed, double empiricalP, string title, string statistic,
        string drawsLabel = "random pathway sets", string observedLabel = "network-selected biomarkers")
    {
        ArgumentNullException.ThrowIfNull(nulls);
        if (nulls.Count == 0) throw new ArgumentException("no null values to plot", nameof(nulls));
        var plot = new Plot().Styled($"{title}\nobserved {statistic} = {observed.ToString("0.00", CultureInfo.InvariantCulture)}, " +
            $"empirical p = {empiricalP.ToString("0.000", CultureInfo.InvariantCulture)}", statistic, $"{drawsLabel} (of {nulls.Count})");
        double max = Math.Max(nulls.Max(), double.IsNaN(observed) ? 0 : observed);
        // About 40 bins on a 1-2-2.5-5 step, so the discrete low end of a log-rank null stays visible.
        double width = NiceStep(Math.Max(max, 1e-9) / 40);
        int bins = (int)Math.Ceiling((max + 1e-9) / width) + 1;
        var counts = new double[bins];
        foreach (var v in nulls) counts[Math.Min(bins - 1, (int)Math.Floor(v / width))]++;
        var bars = plot.Add.Bars(Enumerable.Range(0, bins).Select(i => (i + 0.5) * width).ToArray(), counts);
        foreach (var b in bars.Bars) { b.Size = width * 0.95; b.FillColor = Palette.LightBlue; b.LineWidth = 0; }
        if (!double.IsNaN(observed))
        {
            var line = plot.Add.VerticalLine(observed, 2.5f, NonResponders);
            line.LegendText = observedLabel;
            plot.ShowLegend(Alignment.UpperRight);
        }
        plot.Axes.SetLimits(0, bins * width, 0, counts.Max() * 1.08);
        return plot;
    }

    private static double NiceStep(double raw)
    {
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double f = raw / magnitude;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * magnitude;
    }
}
