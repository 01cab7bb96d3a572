using ScottPlot;

namespace OrganoidBiomarkers.Reporting;

/// <summary>Stage 03 figures: our recomputed proximity z-scores against the authors' table.</summary>
public static class NetworkFigures
{
    private static readonly Color[] SeriesColors = [Palette.Blue, Palette.Orange, Palette.Green];

    /// <summary>
    /// Scatter of our z (y) against the authors' z (x) per pathway, one series per network, with y = x and the proximal
    /// threshold on both axes (pathways in the lower-left box are proximal in both). 900 x 700.
    /// </summary>
    public static Plot ZAgreement(string drug, IReadOnlyList<(string Network, double Rho, IReadOnlyList<(double Authors, double Ours)> Points)> series, double threshold)
    {
        var plot = new Plot().Styled($"{drug}: proximity z, recomputed vs the authors' table", "authors' z (STRING v10.5)", "our z");
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        for (int i = 0; i < series.Count; i++)
        {
            var (network, rho, points) = series[i];
            var xs = points.Select(p => p.Authors).ToArray();
            var ys = points.Select(p => p.Ours).ToArray();
            var s = plot.Add.ScatterPoints(xs, ys);
            s.Color = SeriesColors[i % SeriesColors.Length].WithAlpha(0.55);
            s.MarkerSize = 5;
            s.LegendText = $"{network} (Spearman rho {rho:F2}, n = {points.Count})";
            if (xs.Length > 0) { lo = Math.Min(lo, Math.Min(xs.Min(), ys.Min())); hi = Math.Max(hi, Math.Max(xs.Max(), ys.Max())); }
        }
        if (double.IsFinite(lo))
        {
            var diagonal = plot.Add.Line(lo, lo, hi, hi);
            diagonal.Color = Colors.Gray;
            diagonal.LinePattern = LinePattern.Dotted;
            diagonal.LegendText = "y = x";
        }
        var vx = plot.Add.VerticalLine(threshold);
        vx.Color = Colors.Black.WithAlpha(0.5);
        vx.LinePattern = LinePattern.Dashed;
        vx.LegendText = $"proximal: z <= {threshold}";
        var hy = plot.Add.HorizontalLine(threshold);
        hy.Color = Colors.Black.WithAlpha(0.5);
        hy.LinePattern = LinePattern.Dashed;
        plot.Legend.Alignment = Alignment.UpperLeft;
        plot.Legend.FontSize = 12;
        return plot;
    }
}
