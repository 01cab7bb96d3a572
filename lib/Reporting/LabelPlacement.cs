using ScottPlot;

namespace OrganoidBiomarkers.Reporting;

/// <summary>
/// Greedy placement of point labels so they do not cover each other or other points: for each point in turn, the first
/// of eight candidate positions (right, left, above, below, then the diagonals) whose box overlaps nothing placed so far;
/// when every candidate overlaps, the one with the least overlap. Deterministic (input order), pixel-based: call after
/// the axis limits are final.
/// </summary>
internal static class LabelPlacement
{
    private static readonly (float Dx, float Dy, Alignment Alignment)[] Candidates =
    [
        (7, 0, Alignment.MiddleLeft), (-7, 0, Alignment.MiddleRight), (0, -8, Alignment.LowerCenter), (0, 8, Alignment.UpperCenter),
        (5, -6, Alignment.LowerLeft), (5, 6, Alignment.UpperLeft), (-5, -6, Alignment.LowerRight), (-5, 6, Alignment.UpperRight),
    ];

    /// <summary>Adds one text label per point to <paramref name="plot"/>, rendered once at width x height to find pixel positions.</summary>
    public static void AddLabels(Plot plot, IReadOnlyList<Coordinates> points, IReadOnlyList<string> labels, IReadOnlyList<Color> colors,
        float fontSize, int width, int height, IReadOnlyList<float> markerRadii)
    {
        plot.RenderInMemory(width, height);
        var pixels = points.Select(p => plot.GetPixel(p)).ToArray();
        var placed = pixels.Select((p, i) => new PixelRect(p.X - markerRadii[i], p.X + markerRadii[i], p.Y + markerRadii[i], p.Y - markerRadii[i])).ToList();
        for (int i = 0; i < points.Count; i++)
        {
            // DejaVu Sans averages ~0.6 em per character; the box is an estimate, generous by a pixel or two.
            float w = 0.62f * fontSize * labels[i].Length + 2, h = 1.25f * fontSize;
            PixelRect best = default;
            (float Dx, float Dy, Alignment Alignment) choice = Candidates[0];
            double bestOverlap = double.PositiveInfinity;
            foreach (var c in Candidates)
            {
                var box = Box(pixels[i], c, w, h, Math.Max(0, markerRadii[i] - 6));
                double overlap = placed.Sum(r => Overlap(box, r));
                if (box.Left < 0 || box.Right > width || box.Top < 0 || box.Bottom > height) overlap += w * h; // off the canvas
                if (overlap < bestOverlap) { bestOverlap = overlap; best = box; choice = c; }
                if (overlap == 0) break;
            }
            placed.Add(best);
            var t = plot.Add.Text(labels[i], points[i]);
            // Move the label clear of a larger marker (e.g. a ring) along the chosen direction.
            float extra = Math.Max(0, markerRadii[i] - 6);
            t.LabelFontSize = fontSize;
            t.LabelFontName = Figures.FontName;
            t.LabelFontColor = colors[i];
            t.LabelAlignment = choice.Alignment;
            t.OffsetX = choice.Dx + Math.Sign(choice.Dx) * extra;
            t.OffsetY = choice.Dy + Math.Sign(choice.Dy) * extra;
        }
    }

    private static PixelRect Box(Pixel p, (float Dx, float Dy, Alignment Alignment) c, float w, float h, float extra)
    {
        float x = p.X + c.Dx + Math.Sign(c.Dx) * extra, y = p.Y + c.Dy + Math.Sign(c.Dy) * extra;
        float left = c.Alignment switch
        {
            Alignment.MiddleLeft or Alignment.LowerLeft or Alignment.UpperLeft => x,
            Alignment.MiddleRight or Alignment.LowerRight or Alignment.UpperRight => x - w,
            _ => x - w / 2,
        };
        float top = c.Alignment switch
        {
            Alignment.LowerCenter or Alignment.LowerLeft or Alignment.LowerRight => y - h,
            Alignment.UpperCenter or Alignment.UpperLeft or Alignment.UpperRight => y,
            _ => y - h / 2,
        };
        return new PixelRect(left, left + w, top + h, top);
    }

    private static double Overlap(PixelRect a, PixelRect b)
    {
        double dx = Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left);
        double dy = Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Top, b.Top);
        return dx > 0 && dy > 0 ? dx * dy : 0;
    }
}
