using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Models;
using ScottPlot;

namespace OrganoidBiomarkers.Reporting;

/// <summary>One bar of the cross-validation summary: a model of one drug and pathway selection.</summary>
/// <param name="Label">The bar's label, e.g. "5-FU · authors · ridgecv".</param>
/// <param name="SpearmanRho">Leave-one-out Spearman rho in [-1, 1]; NaN is drawn as a zero bar labelled "rho undefined".</param>
/// <param name="PermutationP">Permutation p of the rho, in (0, 1].</param>
/// <param name="Permutations">Number of permutations behind <paramref name="PermutationP"/>.</param>
/// <param name="Highlighted">Drawn in the highlight colour and listed under the highlighted legend (e.g. the main result).</param>
public sealed record CrossValidationBar(string Label, double SpearmanRho, double PermutationP, int Permutations, bool Highlighted);

/// <summary>
/// The figures of stage 04 (organoid models). Each builder returns a styled plot; save it with <see cref="Figures.Save"/>
/// at the size given in its summary. Numbers come from lib/Models; only layout happens here.
/// </summary>
public static class ModelFigures
{
    private static readonly Color Sensitive = Palette.Blue;
    private static readonly Color Resistant = Palette.Orange;
    private static readonly Color Neutral = Palette.LightBlue;
    private static readonly Color Dark = Palette.Dark;
    private static readonly Color[] ModelColors = [Palette.Blue, Palette.Orange, Palette.Green, Palette.Purple];
    private static readonly MarkerShape[] ModelShapes = [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond];

    /// <summary>
    /// The top <paramref name="top"/> biomarkers of one model by |coefficient| (rank 1 at the top), as horizontal bars:
    /// blue = a higher pathway score goes with a lower ln IC50 (more sensitive), orange = with a higher one. 1100 x 680.
    /// </summary>
    public static Plot CoefficientBars(OrganoidModel model, string title, int top = 15)
    {
        ArgumentNullException.ThrowIfNull(model);
        var rows = model.Ranking.Take(top).ToList();
        var plot = new Plot().Styled(title, "coefficient (ln IC50 per sd of the pathway score)", "");
        var bars = rows.Select((b, i) => new Bar
        {
            Position = rows.Count - 1 - i, Value = b.Coefficient, Size = 0.72, LineWidth = 0,
            FillColor = b.Coefficient < 0 ? Sensitive : Resistant,
        }).ToList();
        plot.Add.Bars(bars).Horizontal = true;
        plot.Add.VerticalLine(0, 1, Dark);
        plot.Axes.Left.SetTicks(rows.Select((_, i) => (double)(rows.Count - 1 - i)).ToArray(),
            rows.Select(b => $"{b.Rank}. {PathwayNames.Short(b.Name, 60)}").ToArray());
        plot.Axes.Left.TickLabelStyle.FontSize = 12;
        plot.Axes.Left.MinorTickStyle.Length = 0;
        double m = rows.Count == 0 ? 1 : rows.Max(b => Math.Abs(b.Coefficient)) * 1.08;
        // Two empty rows under the last bar hold the legend.
        plot.Axes.SetLimits(-m, m, -2.6, rows.Count - 0.3);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "higher score, lower ln IC50 (sensitive)", FillColor = Sensitive });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "higher score, higher ln IC50 (resistant)", FillColor = Resistant });
        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = Alignment.LowerRight;
        plot.Legend.Orientation = ScottPlot.Orientation.Horizontal;
        plot.Legend.FontSize = 12;
        return plot;
    }

    /// <summary>
    /// Observed ln IC50 (x) against the leave-one-organoid-out prediction (y) of each model, with the identity line and
    /// the mean-of-the-others baseline as grey points. 900 x 700.
    /// </summary>
    public static Plot LeaveOneOutScatter(IReadOnlyList<LeaveOneOutResult> results, string title)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0) throw new ArgumentException("no leave-one-out results to plot", nameof(results));
        var observed = results[0].Observed;
        var plot = new Plot().Styled(title, "observed ln IC50 (µM)", "leave-one-organoid-out prediction, ln IC50 (µM)");
        var all = observed.Concat(results.SelectMany(r => r.Predicted)).Concat(results[0].Baseline.Predicted).ToList();
        double lo = all.Min(), hi = all.Max(), pad = 0.05 * (hi - lo);
        var identity = plot.Add.Line(lo - pad, lo - pad, hi + pad, hi + pad);
        identity.LineColor = Dark.WithAlpha(0.6);
        identity.LegendText = "prediction = observed";
        var baseline = plot.Add.Markers(observed.ToArray(), results[0].Baseline.Predicted.ToArray(), MarkerShape.OpenCircle, 8, Palette.Gray);
        baseline.LegendText = $"mean of the others (RMSE {results[0].Baseline.Rmse:0.00})";
        for (int k = 0; k < results.Count; k++)
        {
            var r = results[k];
            var markers = plot.Add.Markers(observed.ToArray(), r.Predicted.ToArray(), ModelShapes[k % ModelShapes.Length], 9, ModelColors[k % ModelColors.Length]);
            markers.LegendText = $"{r.ModelName}: Spearman {r.SpearmanRho:0.00}, RMSE {r.Rmse:0.00}";
        }
        plot.Axes.SetLimits(lo - pad, hi + pad, lo - pad, hi + pad);
        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = Alignment.UpperLeft;
        plot.Legend.FontSize = 12;
        return plot;
    }

    /// <summary>
    /// Leave-one-organoid-out Spearman rho of every drug x selection x model as horizontal bars (first row at the top),
    /// each labelled with its permutation p; highlighted rows (the main result) darker. 1000 x (200 + 28 per row).
    /// </summary>
    /// <param name="rows">The bars, first at the top.</param>
    /// <param name="title">The title.</param>
    /// <param name="highlightedLegend">Legend of the highlighted bars.</param>
    /// <param name="otherLegend">Legend of the other bars.</param>
    public static Plot CrossValidationSummary(IReadOnlyList<CrossValidationBar> rows, string title,
        string highlightedLegend = "main result (5-FU, authors' pathways)", string otherLegend = "other drug / selection")
    {
        ArgumentNullException.ThrowIfNull(rows);
        var plot = new Plot().Styled(title, "Spearman rho, observed vs leave-one-out predicted ln IC50", "");
        var bars = rows.Select((r, i) => new Bar
        {
            Position = rows.Count - 1 - i, Value = double.IsNaN(r.SpearmanRho) ? 0 : r.SpearmanRho, Size = 0.7, LineWidth = 0,
            FillColor = r.Highlighted ? Sensitive : Neutral,
        }).ToList();
        plot.Add.Bars(bars).Horizontal = true;
        plot.Add.VerticalLine(0, 1, Dark);
        for (int i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            double v = double.IsNaN(r.SpearmanRho) ? 0 : r.SpearmanRho;
            var text = plot.Add.Text(double.IsNaN(r.SpearmanRho) ? "rho undefined" : $"p = {r.PermutationP:0.000} ({r.Permutations})", v, rows.Count - 1 - i);
            text.LabelFontSize = 11;
            text.LabelFontName = Figures.FontName;
            text.LabelFontColor = Dark;
            text.LabelAlignment = v >= 0 ? Alignment.MiddleLeft : Alignment.MiddleRight;
            text.OffsetX = v >= 0 ? 5 : -5;
        }
        plot.Axes.Left.SetTicks(rows.Select((_, i) => (double)(rows.Count - 1 - i)).ToArray(), rows.Select(r => r.Label).ToArray());
        plot.Axes.Left.TickLabelStyle.FontSize = 12;
        plot.Axes.Left.MinorTickStyle.Length = 0;
        plot.Axes.SetLimits(-1.25, 1.25, -2.2, rows.Count - 0.3); // two empty rows at the bottom hold the legend
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = highlightedLegend, FillColor = Sensitive });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = otherLegend, FillColor = Neutral });
        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = Alignment.LowerRight;
        plot.Legend.Orientation = ScottPlot.Orientation.Horizontal;
        plot.Legend.FontSize = 11;
        return plot;
    }

    /// <summary>
    /// The learner comparison (<see cref="LearnerFitting.Compare"/>): for each arm's main training set, the leave-one-out
    /// rho of the paper's models and of the ML.NET learners (highlighted), each labelled with its permutation p and the
    /// number of permutations. Save at 1000 x <see cref="LearnerComparisonHeight"/>.
    /// </summary>
    public static Plot LearnerComparison(IReadOnlyList<ModelCrossValidation> cv, IReadOnlyList<ArmLearners> learners, string title) =>
        CrossValidationSummary(LearnerBars(cv, learners), title, "ML.NET learner (FastTree, LightGBM, SDCA)", "the paper's model");

    /// <summary>The height in pixels that fits <see cref="LearnerComparison"/>'s bars.</summary>
    public static int LearnerComparisonHeight(IReadOnlyList<ModelCrossValidation> cv, IReadOnlyList<ArmLearners> learners) => 200 + 28 * LearnerBars(cv, learners).Count;

    private static List<CrossValidationBar> LearnerBars(IReadOnlyList<ModelCrossValidation> cv, IReadOnlyList<ArmLearners> learners)
    {
        ArgumentNullException.ThrowIfNull(cv);
        ArgumentNullException.ThrowIfNull(learners);
        return learners.SelectMany(a => cv.Where(c => ReferenceEquals(c.Model.Training, a.Training))
                .Select(c => new CrossValidationBar($"{a.Training.Arm.Drug.Label} · {c.Model.Model.ModelName}", c.LeaveOneOut.SpearmanRho, c.Permutation.PValue, c.Permutation.Permutations, false))
                .Concat(a.Comparison.Evaluations.Select(e => new CrossValidationBar($"{a.Training.Arm.Drug.Label} · {e.Learner}", e.LeaveOneOut.SpearmanRho, e.Permutation.PValue, e.Permutation.Permutations, true))))
            .ToList();
    }
}
