using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Qc;
using ScottPlot;

namespace OrganoidBiomarkers.Reporting;

/// <summary>
/// The organoid QC figures (stage 02). Each builder returns a styled plot; the notebook saves it with
/// <see cref="Figures.Save"/> at the size given in the builder's summary. Numbers come from lib/Qc; nothing is computed here
/// except layout.
/// </summary>
public static class QcFigures
{
    private static readonly Color Neutral = Palette.LightBlue;
    private static readonly Color Flagged = Palette.Orange;
    private static readonly Color Highlight = Palette.Blue;
    private static readonly Color Dark = Palette.Dark;
    private static readonly Color[] PairColors = [Palette.Green, Palette.Purple, Palette.Pink, Palette.DarkGray];

    /// <summary>Category labels under the x axis, rotated so 20+ organoid IDs stay legible.</summary>
    private static void CategoryTicksX(Plot plot, IReadOnlyList<string> labels, float rotation = -45, float size = 12)
    {
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, labels.Count).Select(i => (double)i).ToArray(), labels.ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = rotation;
        plot.Axes.Bottom.TickLabelStyle.Alignment = rotation == 0 ? Alignment.UpperCenter : Alignment.MiddleRight;
        plot.Axes.Bottom.TickLabelStyle.FontSize = size;
        plot.Axes.Bottom.MinimumSize = rotation == 0 ? 40 : 70;
        plot.Axes.Bottom.MajorTickStyle.Length = 4;
        plot.Axes.Bottom.MinorTickStyle.Length = 0;
    }

    private static void CategoryTicksY(Plot plot, IReadOnlyList<double> positions, IReadOnlyList<string> labels, float size = 11)
    {
        plot.Axes.Left.SetTicks(positions.ToArray(), labels.ToArray());
        plot.Axes.Left.TickLabelStyle.FontSize = size;
        plot.Axes.Left.MinorTickStyle.Length = 0;
    }

    /// <summary>Per-organoid expression distribution (Tukey boxes, whiskers 1.5 IQR), organoids in natural order. 1000 x 560.</summary>
    public static Plot ExpressionBoxes(ExpressionMatrix expression, IReadOnlyCollection<string> outliers, string unit)
    {
        var order = expression.Samples.Order(OrganoidOrder.Natural).ToList();
        var plot = new Plot().Styled($"Expression per organoid ({expression.GeneCount:N0} genes)", "", unit);
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        for (int i = 0; i < order.Count; i++)
        {
            var b = BoxSummary.Of(expression.Column(expression.SampleIndex(order[i])));
            low = Math.Min(low, b.WhiskerLow);
            high = Math.Max(high, b.WhiskerHigh);
            var box = new Box
            {
                Position = i, BoxMin = b.Q1, BoxMax = b.Q3, BoxMiddle = b.Median, WhiskerMin = b.WhiskerLow, WhiskerMax = b.WhiskerHigh, Width = 0.6,
            };
            var added = plot.Add.Box(box);
            added.FillColor = outliers.Contains(order[i]) ? Flagged : Neutral;
            added.LineColor = Dark;
        }
        CategoryTicksX(plot, order);
        // Room under the lowest whisker for the legend.
        plot.Axes.SetLimits(-0.8, order.Count - 0.2, low - 0.12 * (high - low), high + 0.03 * (high - low));
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "organoid", FillColor = Neutral, OutlineColor = Dark });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "expression outlier (flagged, kept)", FillColor = Flagged, OutlineColor = Dark });
        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = Alignment.LowerRight;
        plot.Legend.Orientation = ScottPlot.Orientation.Horizontal;
        plot.Legend.FontSize = 12;
        return plot;
    }

    /// <summary>Each organoid's median r to the others with the Tukey lower fence; flagged organoids in orange. 1000 x 560.</summary>
    public static Plot MedianCorrelations(SampleCorrelations correlations, TukeyFence fence)
    {
        var median = correlations.MedianToOthers();
        var order = Enumerable.Range(0, correlations.Count).OrderBy(i => correlations.Samples[i], OrganoidOrder.Natural).ToList();
        var plot = new Plot().Styled("Median correlation of each organoid to the others", "", "median Pearson r to the other organoids");
        for (int k = 0; k < order.Count; k++)
        {
            bool low = fence.Below[order[k]];
            plot.Add.Marker(k, median[order[k]], MarkerShape.FilledCircle, 11, low ? Flagged : Highlight);
        }
        var line = plot.Add.HorizontalLine(fence.Lower, 2, Flagged, LinePattern.Dashed);
        line.LegendText = $"Tukey lower fence Q1 - {fence.K:0.#} IQR = {fence.Lower:0.0000}";
        var q1 = plot.Add.HorizontalLine(fence.Q1, 1, Palette.Gray, LinePattern.Dotted);
        q1.LegendText = $"Q1 = {fence.Q1:0.0000}";
        CategoryTicksX(plot, order.Select(i => correlations.Samples[i]).ToList());
        plot.Axes.SetLimitsX(-0.8, order.Count - 0.2);
        double lo = Math.Min(median.Min(), fence.Lower), hi = median.Max();
        plot.Axes.SetLimitsY(lo - 0.15 * (hi - lo), hi + 0.1 * (hi - lo));
        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = Alignment.LowerRight;
        plot.Legend.FontSize = 12;
        return plot;
    }

    /// <summary>
    /// Sample-sample correlation heatmap in the dendrogram's leaf order, the dendrogram drawn above it. 900 x 900.
    /// </summary>
    public static Plot CorrelationHeatmap(SampleCorrelations correlations, Dendrogram tree, string distanceDescription)
    {
        var ordered = correlations.Reordered(tree.LeafOrder);
        int n = ordered.Count;
        var plot = new Plot().Styled("Organoid expression correlation (clustered; diagonal r = 1 left blank)", "", "");
        // The diagonal (r = 1) would stretch the colour scale over a range no pair reaches: blank it.
        var offDiagonal = (double[,])ordered.R.Clone();
        for (int i = 0; i < n; i++) offDiagonal[i, i] = double.NaN;
        var heatmap = plot.Add.Heatmap(offDiagonal);
        heatmap.Rectangle = new CoordinateRect(0, n, 0, n); // row 0 drawn at the top
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.NaNCellColor = Colors.White;
        var bar = plot.Add.ColorBar(heatmap);
        bar.Label = "Pearson r";
        bar.LabelStyle.FontSize = 14;

        // Dendrogram above the heatmap: leaf k at x = k + 0.5; merge heights scaled into 0.3 n units above the top edge.
        double top = n + 0.2, span = 0.3 * n, maxHeight = tree.Merges.Count == 0 ? 1 : tree.Merges.Max(m => m.Height);
        var x = new double[n + tree.Merges.Count];
        var y = new double[n + tree.Merges.Count];
        for (int k = 0; k < n; k++) { x[tree.LeafOrder[k]] = k + 0.5; y[tree.LeafOrder[k]] = top; }
        for (int i = 0; i < tree.Merges.Count; i++)
        {
            var m = tree.Merges[i];
            int id = n + i;
            x[id] = (x[m.Left] + x[m.Right]) / 2;
            y[id] = top + span * m.Height / maxHeight;
            foreach (var child in new[] { m.Left, m.Right })
            {
                var v = plot.Add.Line(x[child], y[child], x[child], y[id]);
                v.LineColor = Dark;
                v.LineWidth = 1.5f;
            }
            var h = plot.Add.Line(x[m.Left], y[id], x[m.Right], y[id]);
            h.LineColor = Dark;
            h.LineWidth = 1.5f;
        }
        var note = plot.Add.Text($"dendrogram: {distanceDescription}; top merge at height {maxHeight:0.000}", 0.3, top + span + 0.9);
        note.LabelFontSize = 12;
        note.LabelFontName = Figures.FontName;

        var labels = ordered.Samples.ToList();
        CategoryTicksX(plot, labels, -90, 12);
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, n).Select(k => k + 0.5).ToArray(), labels.ToArray());
        CategoryTicksY(plot, Enumerable.Range(0, n).Select(k => n - k - 0.5).ToArray(), labels, 12);
        plot.Axes.SetLimits(0, n, 0, top + span + 1.4);
        plot.Grid.IsVisible = false;
        return plot;
    }

    /// <summary>
    /// PC1 vs PC2 with every organoid labelled (labels placed to avoid overlaps at the given size); same-patient pairs
    /// joined and coloured, flagged organoids ringed. Save at the same width x height (900 x 700).
    /// </summary>
    public static Plot PcaScatter(PcaResult pca, IReadOnlyList<(string Patient, string A, string B)> samePatient, IReadOnlyCollection<string> outliers,
        int width, int height)
    {
        if (pca.Components < 2) throw new ArgumentException("the PCA figure needs 2 components");
        var pc1 = pca.Component(0);
        var pc2 = pca.Component(1);
        var samples = pca.Samples.ToList();
        var plot = new Plot().Styled($"PCA of the organoids ({pca.Samples.Count} organoids, genes centred)",
            $"PC1 ({100 * pca.ExplainedVarianceRatio[0]:0.0}% of variance)", $"PC2 ({100 * pca.ExplainedVarianceRatio[1]:0.0}% of variance)");
        var pairColor = new Dictionary<string, Color>(StringComparer.Ordinal);
        for (int p = 0; p < samePatient.Count; p++)
        {
            var c = PairColors[p % PairColors.Length];
            pairColor[samePatient[p].A] = pairColor[samePatient[p].B] = c;
            int a = samples.IndexOf(samePatient[p].A), b = samples.IndexOf(samePatient[p].B);
            if (a < 0 || b < 0) continue;
            var line = plot.Add.Line(pc1[a], pc2[a], pc1[b], pc2[b]);
            line.LineColor = c;
            line.LineWidth = 2;
            line.LinePattern = LinePattern.Dashed;
            line.LegendText = $"{samePatient[p].A} / {samePatient[p].B} (one patient)";
        }
        var colors = samples.Select(id => pairColor.TryGetValue(id, out var c) ? c : Highlight).ToArray();
        for (int s = 0; s < samples.Count; s++)
        {
            plot.Add.Marker(pc1[s], pc2[s], MarkerShape.FilledCircle, 10, colors[s]);
            if (outliers.Contains(samples[s])) plot.Add.Marker(pc1[s], pc2[s], MarkerShape.OpenCircle, 20, Flagged).LineWidth = 2;
        }
        if (outliers.Count > 0)
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "expression outlier (flagged, kept)", MarkerShape = MarkerShape.OpenCircle, MarkerColor = Flagged, MarkerSize = 14, MarkerLineWidth = 2 });
        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = Alignment.LowerLeft;
        plot.Legend.FontSize = 12;
        double spanX = pc1.Max() - pc1.Min(), spanY = pc2.Max() - pc2.Min();
        plot.Axes.SetLimits(pc1.Min() - 0.1 * spanX, pc1.Max() + 0.12 * spanX, pc2.Min() - 0.22 * spanY, pc2.Max() + 0.08 * spanY);
        LabelPlacement.AddLabels(plot, samples.Select((_, s) => new Coordinates(pc1[s], pc2[s])).ToList(), samples, colors, 12, width, height,
            samples.Select(id => outliers.Contains(id) ? 11f : 6f).ToList());
        return plot;
    }

    /// <summary>Histogram of every organoid pair's r, each same-patient pair marked by a vertical line. 900 x 560.</summary>
    public static Plot PairCorrelations(SampleCorrelations correlations, IReadOnlyList<SamePatientPair> samePatient, int bins = 30)
    {
        var r = correlations.Pairs().Select(p => p.R).ToArray();
        double lo = r.Min(), hi = r.Max(), width = (hi - lo) / bins;
        var counts = new int[bins];
        foreach (var v in r) counts[Math.Min(bins - 1, (int)((v - lo) / width))]++;
        var plot = new Plot().Styled($"Correlation of all {r.Length} organoid pairs", "Pearson r between two organoids' expression profiles", "number of pairs");
        var bars = plot.Add.Bars(Enumerable.Range(0, bins).Select(i => new Bar
        {
            Position = lo + (i + 0.5) * width, Value = counts[i], Size = width * 0.95, FillColor = Neutral, LineColor = Dark, LineWidth = 0.5f,
        }).ToList());
        for (int p = 0; p < samePatient.Count; p++)
        {
            var s = samePatient[p];
            var line = plot.Add.VerticalLine(s.R, 2.5f, PairColors[p % PairColors.Length], LinePattern.Dashed);
            line.LegendText = $"{s.A} / {s.B}: r = {s.R:0.0000}, rank {s.RankAmongAll} of {s.OtherPairs + 1}";
        }
        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = Alignment.UpperLeft;
        plot.Legend.FontSize = 12;
        plot.Axes.Margins(bottom: 0);
        return plot;
    }

    /// <summary>
    /// Replicate agreement per drug as horizontal bars (Lin's CCC) sorted, with Pearson r as markers; the named drugs in
    /// a darker colour. Height grows with the number of drugs: 1000 x (160 + 17 per drug).
    /// </summary>
    public static Plot ReplicateAgreementBars(IReadOnlyList<DrugReplicateAgreement> agreement, IReadOnlyCollection<string> highlighted)
    {
        var rows = agreement.Where(a => !double.IsNaN(a.Concordance)).OrderBy(a => a.Concordance).ThenBy(a => a.Drug, StringComparer.Ordinal).ToList();
        var plot = new Plot().Styled("IC50 replicate agreement per drug (replicate 1 vs 2 across organoids)", "agreement between replicate 1 and replicate 2 ln IC50", "");
        var bars = rows.Select((a, i) => new Bar
        {
            Position = i, Value = a.Concordance, Size = 0.75, FillColor = IsHighlighted(a.Drug, highlighted) ? Highlight : Neutral, LineWidth = 0,
        }).ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        barPlot.LegendText = "Lin's concordance (CCC)";
        var pearson = plot.Add.Markers(rows.Select(a => a.Pearson).ToArray(), rows.Select((_, i) => (double)i).ToArray(), MarkerShape.FilledDiamond, 7, Dark);
        pearson.LegendText = "Pearson r";
        plot.Add.VerticalLine(0, 1, Dark);
        CategoryTicksY(plot, rows.Select((_, i) => (double)i).ToList(), rows.Select(a => $"{a.Drug} ({a.Pairs})").ToList(), 11);
        plot.Axes.SetLimitsY(-1, rows.Count);
        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = Alignment.LowerRight;
        plot.Legend.FontSize = 12;
        return plot;
    }

    /// <summary>
    /// Share of replicate IC50s below, within and above the tested range per drug (stacked horizontal bars, sorted by the
    /// share above). 1000 x (160 + 17 per drug).
    /// </summary>
    public static Plot OutOfRangeBars(IReadOnlyList<DrugRangeCounts> counts, IReadOnlyCollection<string> highlighted, double dilutionRange)
    {
        var rows = counts.OrderBy(c => c.FractionReplicatesAbove).ThenBy(c => c.Drug, StringComparer.Ordinal).ToList();
        var plot = new Plot().Styled($"Replicate IC50s outside the tested range (lowest = highest / {dilutionRange:0}, assumed)", "share of replicate IC50s", "");
        var below = new List<Bar>();
        var within = new List<Bar>();
        var above = new List<Bar>();
        for (int i = 0; i < rows.Count; i++)
        {
            var c = rows[i];
            double fb = (double)c.ReplicatesBelow / c.Replicates, fa = c.FractionReplicatesAbove, fw = 1 - fb - fa;
            below.Add(new Bar { Position = i, ValueBase = 0, Value = fb, Size = 0.75, FillColor = Highlight, LineWidth = 0 });
            within.Add(new Bar { Position = i, ValueBase = fb, Value = fb + fw, Size = 0.75, FillColor = Color.FromHex("#d9d9d9"), LineWidth = 0 });
            above.Add(new Bar { Position = i, ValueBase = fb + fw, Value = 1, Size = 0.75, FillColor = Flagged, LineWidth = 0 });
        }
        foreach (var (list, label) in new[] { (below, "below the lowest tested concentration"), (within, "within the tested range"), (above, "above the highest tested concentration") })
        {
            var p = plot.Add.Bars(list);
            p.Horizontal = true;
            p.LegendText = label;
        }
        CategoryTicksY(plot, rows.Select((_, i) => (double)i).ToList(),
            rows.Select(c => $"{(IsHighlighted(c.Drug, highlighted) ? "\u25B6 " : "")}{c.Drug} ({c.ReplicatesAbove}/{c.Replicates})").ToList(), 11);
        plot.Axes.SetLimits(0, 1, -1, rows.Count + 3.5);
        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = Alignment.UpperCenter;
        plot.Legend.Orientation = ScottPlot.Orientation.Horizontal;
        plot.Legend.FontSize = 12;
        return plot;
    }

    /// <summary>
    /// One drug's median ln IC50 per organoid (bars, sorted: most sensitive first) with each replicate as a point, and the
    /// tested range as dashed lines. 1000 x 600.
    /// </summary>
    public static Plot Ic50PerOrganoid(DrugScreen screen, string drug, TestedRange range, IReadOnlyCollection<string> trainingSet)
    {
        var medians = screen.MedianIc50(drug).OrderBy(r => r.MedianLnIc50).ThenBy(r => r.Organoid, StringComparer.Ordinal).ToList();
        var replicates = screen.ForDrug(drug);
        var plot = new Plot().Styled($"{medians[0].DrugName}: IC50 per organoid (bar = median of replicates, the paper's response)", "", "ln IC50 (µM)");
        var bars = medians.Select((m, i) => new Bar
        {
            Position = i, Value = m.MedianLnIc50, Size = 0.7, FillColor = trainingSet.Contains(m.Organoid) ? Neutral : Color.FromHex("#f0f0f0"),
            LineColor = Dark, LineWidth = 0.8f,
        }).ToList();
        plot.Add.Bars(bars).LegendText = "median ln IC50";
        var xs = new List<double>();
        var ys = new List<double>();
        for (int i = 0; i < medians.Count; i++)
        {
            var reps = replicates.Where(m => m.Organoid == medians[i].Organoid).OrderBy(m => m.Replicate).ToList();
            for (int k = 0; k < reps.Count; k++)
            {
                // Spread replicates sideways by their index so overlapping values stay visible (no randomness).
                xs.Add(i + (reps.Count == 1 ? 0 : -0.2 + 0.4 * k / (reps.Count - 1)));
                ys.Add(reps[k].LnIc50);
            }
        }
        plot.Add.Markers(xs.ToArray(), ys.ToArray(), MarkerShape.FilledCircle, 7, Dark).LegendText = "replicate";
        var max = plot.Add.HorizontalLine(range.LnMax, 2, Flagged, LinePattern.Dashed);
        max.LegendText = $"highest tested: {range.MaxConcentration:0.###} µM";
        var min = plot.Add.HorizontalLine(range.LnMin, 2, Highlight, LinePattern.Dashed);
        min.LegendText = $"lowest tested (assumed /{range.DilutionRange:0}): {range.MaxConcentration / range.DilutionRange:0.####} µM";
        plot.Add.HorizontalLine(0, 1, Dark);
        CategoryTicksX(plot, medians.Select(m => trainingSet.Contains(m.Organoid) ? m.Organoid : m.Organoid + " (no expr.)").ToList());
        plot.Axes.SetLimitsX(-0.8, medians.Count - 0.2);
        double lo = Math.Min(ys.Min(), range.LnMin), hi = Math.Max(ys.Max(), range.LnMax);
        plot.Axes.SetLimitsY(Math.Min(0, lo) - 0.5, hi + 0.45 * (hi - Math.Min(0, lo)));
        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = Alignment.UpperLeft;
        plot.Legend.FontSize = 12;
        return plot;
    }

    private static bool IsHighlighted(string drug, IReadOnlyCollection<string> highlighted) =>
        highlighted.Any(h => string.Equals(h, drug, StringComparison.OrdinalIgnoreCase));
}
