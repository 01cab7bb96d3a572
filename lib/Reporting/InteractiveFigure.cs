using System.Globalization;
using System.Text;
using System.Text.Json;
using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Reporting;

/// <summary>
/// An interactive chart as a run saves it beside its PNG figure (<see cref="InteractiveChart.Save"/>:
/// output/figures/NN_name<see cref="Extension"/>, holding the title, the size and the plotly.js figure JSON), so the
/// report, which reads a run's files and never a notebook's variables, can embed it with plotly.js once per page.
/// Rendering a saved figure gives the same div as the chart it was saved from (same element id).
/// </summary>
/// <param name="Name">File name without <see cref="Extension"/> (e.g. "05_km_5fu_main").</param>
/// <param name="Title">The chart's title.</param>
/// <param name="Width">Width in CSS pixels (1..10,000).</param>
/// <param name="Height">Height in CSS pixels (1..10,000).</param>
/// <param name="FigureJson">The plotly.js figure ({"data": [...], "layout": {...}}).</param>
public sealed record InteractiveFigure(string Name, string Title, int Width, int Height, string FigureJson)
{
    /// <summary>The file extension of a saved interactive figure.</summary>
    public const string Extension = ".plotly.json";

    /// <summary>The element id of the chart's div (the same as the saved chart's <see cref="InteractiveChart.Id"/>).</summary>
    public string Id => InteractiveChart.IdOf(Title, FigureJson);

    /// <summary>The chart's div and drawing script (needs <see cref="PlotlyJs.ScriptTags"/> once earlier in the page).</summary>
    public string ToHtmlDiv() => InteractiveChart.Div(Id, Width, Height, FigureJson);

    /// <summary>Writes <paramref name="chart"/> as one line of JSON (title, width, height, figure): the same chart gives the same bytes.</summary>
    internal static void Write(InteractiveChart chart, string path)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!path.EndsWith(Extension, StringComparison.Ordinal))
            throw new ArgumentException($"'{path}': an interactive figure is saved as NN_name{Extension} (the report looks for that extension)", nameof(path));
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("title", chart.Title);
            json.WriteNumber("width", chart.Width);
            json.WriteNumber("height", chart.Height);
            json.WritePropertyName("figure");
            json.WriteRawValue(chart.FigureJson, skipInputValidation: false);
            json.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
        File.WriteAllBytes(path, stream.ToArray());
    }

    /// <summary>Reads a file written by <see cref="InteractiveChart.Save"/>.</summary>
    /// <exception cref="InputException">Not JSON, or a field missing or of the wrong kind (naming the file and the fix).</exception>
    public static InteractiveFigure Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        const string fix = "rerun the stage that wrote it (scripts/run-pipeline --only NN)";
        string name = Path.GetFileName(path);
        if (!name.EndsWith(Extension, StringComparison.Ordinal)) throw new InputException(path, 0, $"not an interactive figure (*{Extension})", fix);
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path, Encoding.UTF8));
            var root = doc.RootElement;
            string title = root.GetProperty("title").GetString() ?? throw new InputException(path, 1, "title is null", fix);
            int width = root.GetProperty("width").GetInt32(), height = root.GetProperty("height").GetInt32();
            if (width is < 1 or > 10_000 || height is < 1 or > 10_000)
                throw new InputException(path, 1, $"size {width.ToString(CultureInfo.InvariantCulture)} x {height.ToString(CultureInfo.InvariantCulture)} is outside 1..10000 px", fix);
            var figure = root.GetProperty("figure");
            if (figure.ValueKind != JsonValueKind.Object || !figure.TryGetProperty("data", out _))
                throw new InputException(path, 1, "figure is not a plotly.js figure (an object with \"data\")", fix);
            return new InteractiveFigure(name[..^Extension.Length], title, width, height, figure.GetRawText());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InputException(path, 0, $"not a saved interactive figure: {e.Message}", fix);
        }
    }

    /// <summary>
    /// The saved interactive figures of one stage in <paramref name="figuresDir"/> (NN_*<see cref="Extension"/>, in
    /// ordinal name order; an identical chart saved twice is listed once).
    /// </summary>
    public static IReadOnlyList<InteractiveFigure> OfStage(string figuresDir, int stage)
    {
        if (stage is < 1 or > 99) throw new ArgumentOutOfRangeException(nameof(stage), stage, "stage must be in 1..99");
        if (!Directory.Exists(figuresDir)) return [];
        return Directory.GetFiles(figuresDir, $"{stage.ToString("D2", CultureInfo.InvariantCulture)}_*{Extension}").Order(StringComparer.Ordinal)
            .Select(Read).DistinctBy(f => f.Id, StringComparer.Ordinal).ToList();
    }
}
