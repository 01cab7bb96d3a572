using ScottPlot;

namespace OrganoidBiomarkers.Reporting;

/// <summary>Saving ScottPlot figures with the project's defaults (legible sans-serif text, fixed size).</summary>
public static class Figures
{
    /// <summary>ScottPlot's default font resolves to DejaVu Serif on Debian; sans is easier to read in small figures.</summary>
    public const string FontName = "DejaVu Sans";

    /// <summary>Applies the project's style: title, axis labels and font sizes readable at report size.</summary>
    public static Plot Styled(this Plot plot, string title, string xLabel, string yLabel)
    {
        plot.Font.Set(FontName);
        plot.Title(title, size: 16);
        plot.XLabel(xLabel, size: 14);
        plot.YLabel(yLabel, size: 14);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 12;
        plot.Axes.Left.TickLabelStyle.FontSize = 12;
        return plot;
    }

    /// <summary>
    /// A filled horizontal arrow from x0 to x1 at height y: the forest plots' mark for an estimate or interval end that
    /// lies beyond the axis (infinite or zero hazard ratio, a clipped confidence limit).
    /// </summary>
    internal static void HorizontalArrow(Plot plot, double x0, double y, double x1, Color color)
    {
        var arrow = plot.Add.Arrow(x0, y, x1, y);
        arrow.ArrowLineColor = color;
        arrow.ArrowFillColor = color;
        arrow.ArrowLineWidth = 0;
        arrow.ArrowWidth = 2.5f;
        arrow.ArrowheadWidth = 12;
        arrow.ArrowheadLength = 12;
    }

    /// <summary>
    /// The axes of a hazard-ratio forest plot: a log10 x axis ticked at 0.05 … 20, each row's label on the left and its
    /// detail (p-values) on the right at the same heights, no tick marks on either side and no horizontal grid lines.
    /// </summary>
    internal static void ForestAxes(Plot plot, double[] positions, string[] labels, string[] details, float labelSize, float detailSize)
    {
        double[] ticks = [0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20];
        plot.Axes.Bottom.SetTicks(ticks.Select(Math.Log10).ToArray(), ticks.Select(t => t.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        plot.Axes.Bottom.MinorTickStyle.Length = 0;
        plot.Axes.Left.SetTicks(positions, labels);
        plot.Axes.Left.TickLabelStyle.FontSize = labelSize;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Left.MinorTickStyle.Length = 0;
        plot.Axes.Right.SetTicks(positions, details);
        plot.Axes.Right.TickLabelStyle.FontSize = detailSize;
        plot.Axes.Right.TickLabelStyle.FontName = FontName;
        plot.Axes.Right.MajorTickStyle.Length = 0;
        plot.Axes.Right.MinorTickStyle.Length = 0;
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
    }

    /// <summary>A text label in the project's font and dark ink, anchored at (x, y) by <paramref name="alignment"/>.</summary>
    internal static void Label(Plot plot, string text, double x, double y, Alignment alignment, float fontSize)
    {
        var t = plot.Add.Text(text, x, y);
        t.LabelFontSize = fontSize;
        t.LabelFontName = FontName;
        t.LabelFontColor = Palette.Dark;
        t.LabelAlignment = alignment;
    }

    /// <summary>Renders the plot to PNG at <paramref name="path"/> and returns it for display.</summary>
    public static Figure Save(Plot plot, string path, int width = 900, int height = 600)
    {
        plot.SavePng(path, width, height);
        return new Figure(plot.Axes.Title.Label.Text, path, File.ReadAllBytes(path));
    }

    /// <summary>Breaks text into lines of at most <paramref name="width"/> characters at spaces, so long titles stay inside the figure.</summary>
    public static string Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = new System.Text.StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width) { lines.Add(line.ToString()); line.Clear(); }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        if (line.Length > 0) lines.Add(line.ToString());
        return string.Join('\n', lines);
    }
}
