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
