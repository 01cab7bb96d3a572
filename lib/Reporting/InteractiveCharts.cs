using System.Globalization;
using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Models;
using OrganoidBiomarkers.Patients;
using Plotly.NET;

namespace OrganoidBiomarkers.Reporting;

/// <summary>One pathway's proximity z in the authors' table and ours.</summary>
/// <param name="Pathway">The pathway name.</param>
/// <param name="Authors">The authors' z (finite).</param>
/// <param name="Ours">Our z (finite).</param>
public sealed record PathwayZ(string Pathway, double Authors, double Ours);

/// <summary>Our z-scores on one network against the authors', on the pathways both have, with their Spearman rho.</summary>
/// <param name="Network">The interactome the z-scores were computed on (series label).</param>
/// <param name="Points">The pathways both tables have with finite z, by name (ordinal).</param>
/// <param name="Rho">Spearman rho (average ties) of authors' vs our z over <paramref name="Points"/>, in [-1, 1]; NaN
/// with fewer than 2 points or a constant side.</param>
public sealed record ZAgreementSeries(string Network, IReadOnlyList<PathwayZ> Points, double Rho)
{
    /// <summary>
    /// Joins the two z tables on the pathways both have (ordinal name order; non-finite z left out) and computes the
    /// Spearman rho (average ties) over them.
    /// </summary>
    public static ZAgreementSeries Of(string network, IReadOnlyDictionary<string, double> authors, IReadOnlyDictionary<string, double> ours)
    {
        ArgumentNullException.ThrowIfNull(authors);
        ArgumentNullException.ThrowIfNull(ours);
        var points = ours.Keys.Where(p => authors.ContainsKey(p) && double.IsFinite(authors[p]) && double.IsFinite(ours[p]))
            .Order(StringComparer.Ordinal).Select(p => new PathwayZ(p, authors[p], ours[p])).ToArray();
        double rho = points.Length < 2 ? double.NaN : Correlation.Spearman(points.Select(q => q.Authors).ToArray(), points.Select(q => q.Ours).ToArray());
        return new ZAgreementSeries(network, Array.AsReadOnly(points), rho);
    }

    /// <summary>
    /// One series per network of stage 03's proximities (<paramref name="rows"/>, networks in their order) for the drug
    /// whose proximity name is <paramref name="drug"/> (e.g. "FLUOROURACIL"), against the drug's column of the authors'
    /// table (the pathways <c>ProximityRun.Agreement</c> compares, so the rho is the agreement table's); empty when the
    /// authors' table has no column for the drug.
    /// </summary>
    public static IReadOnlyList<ZAgreementSeries> OfDrug(string drug, IReadOnlyList<OrganoidBiomarkers.Network.ProximityRow> rows, AuthorsProximityTable authors, IReadOnlyList<DrugTargetEntry> drugs)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(authors);
        ArgumentNullException.ThrowIfNull(drugs);
        var entry = drugs.FirstOrDefault(d => d.PooledName == drug) ?? throw new ArgumentException($"'{drug}' is not among the drugs of the run", nameof(drug));
        if (authors.ColumnFor(entry) is not string column) return [];
        var theirs = authors.Column(column);
        return rows.Select(r => r.Network).Distinct(StringComparer.Ordinal).Select(network => Of(network, theirs,
            rows.Where(r => r.Network == network && r.Result.Drug == drug && r.Result.IsComputed).ToDictionary(r => r.Result.Pathway, r => r.Result.Z, StringComparer.Ordinal))).ToList();
    }
}

/// <summary>
/// Interactive (plotly.js) versions of the figures a reader wants to hover or zoom, one call each, taking the same
/// inputs as the static ScottPlot figures: <see cref="ZAgreement"/> (stage 03), <see cref="CoefficientBars"/>
/// (stage 04), <see cref="KaplanMeier"/> (stage 05), <see cref="Forest"/> (robustness). Colours follow
/// <see cref="Palette"/>. Built with Plotly.NET's trace and layout objects (every plotly.js attribute is reachable).
/// </summary>
public static class InteractiveCharts
{
    private const string Font = "DejaVu Sans, Arial, sans-serif";
    private static readonly string[] SeriesColors = ["#3182bd", "#e6550d", "#31a354", "#756bb1"];

    /// <summary>
    /// Our proximity z (y) against the authors' z (x), one marker per pathway and one series per network; hovering a
    /// point shows the pathway's name and both z; the y = x line and the proximal threshold <paramref name="threshold"/>
    /// (e.g. -1.2816) on both axes (the lower-left box: proximal in both).
    /// </summary>
    public static InteractiveChart ZAgreement(string drug, IReadOnlyList<ZAgreementSeries> series, double threshold)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count == 0 || series.All(s => s.Points.Count == 0)) throw new ArgumentException($"{drug}: no pathways to plot", nameof(series));
        if (!double.IsFinite(threshold)) throw new ArgumentException($"threshold must be finite, got {threshold}", nameof(threshold));
        var traces = new List<Trace>();
        for (int k = 0; k < series.Count; k++)
        {
            var s = series[k];
            string rho = double.IsNaN(s.Rho) ? "NA" : s.Rho.ToString("0.00", CultureInfo.InvariantCulture);
            var t = Scatter("markers", $"{s.Network} (Spearman {rho}, {s.Points.Count} pathways)");
            t.SetProperty("x", s.Points.Select(p => p.Authors).ToArray());
            t.SetProperty("y", s.Points.Select(p => p.Ours).ToArray());
            t.SetProperty("text", s.Points.Select(p => PathwayNames.Short(p.Pathway, 70)).ToArray());
            t.SetProperty("hovertemplate", "%{text}<br>authors' z %{x:.2f}<br>our z %{y:.2f}<extra>" + Escape(s.Network) + "</extra>");
            t.SetProperty("marker", Obj(("color", SeriesColors[k % SeriesColors.Length]), ("size", 6), ("opacity", 0.7)));
            traces.Add(t);
        }
        var all = series.SelectMany(s => s.Points).SelectMany(p => new[] { p.Authors, p.Ours }).Append(threshold).ToArray();
        double lo = Math.Floor(all.Min()) - 0.5, hi = Math.Ceiling(all.Max()) + 0.5;
        var diagonal = Scatter("lines", "y = x");
        diagonal.SetProperty("x", new[] { lo, hi });
        diagonal.SetProperty("y", new[] { lo, hi });
        diagonal.SetProperty("line", Obj(("color", "#969696"), ("dash", "dot"), ("width", 1)));
        diagonal.SetProperty("hoverinfo", "skip");
        traces.Add(diagonal);
        var layout = BaseLayout($"{drug}: proximity z, ours against the authors' table", "authors' z (STRING v10.5 with text mining)", "our z (stand-in interactome)");
        layout.SetProperty("xaxis", Axis("authors' z (STRING v10.5 with text mining)", range: [lo, hi]));
        layout.SetProperty("yaxis", Axis("our z (stand-in interactome)", range: [lo, hi]));
        layout.SetProperty("shapes", new object[]
        {
            Line("x", threshold, threshold, "paper", 0, 1), Line("paper", 0, 1, "y", threshold, threshold),
        });
        layout.SetProperty("annotations", new object[] { Note($"proximal: z \u2264 {threshold.ToString("0.####", CultureInfo.InvariantCulture)} (lower-left box: both)", 0.01, 0.01, "left") });
        // The networks' legend entries are long: above the plot, not beside it (where they took half the width), and the
        // title pinned to the top of the chart so the legend's rows fit between them.
        layout.SetProperty("title", Obj(("text", $"{drug}: proximity z, ours against the authors' table"), ("x", 0.02), ("y", 0.985), ("yanchor", "top"), ("font", Obj(("size", 17)))));
        layout.SetProperty("legend", Obj(("orientation", "h"), ("x", 0), ("y", 1.0), ("yanchor", "bottom")));
        layout.SetProperty("margin", Obj(("l", 70), ("r", 30), ("t", 130), ("b", 90)));
        return Build($"z agreement {drug}", traces, layout, 900, 700);
    }

    /// <summary>
    /// The top <paramref name="top"/> (1..200) biomarkers of one model by rank (rank 1 at the top) as horizontal bars:
    /// blue = a higher pathway score goes with a lower response (more sensitive), orange = a higher one; hover shows
    /// the full pathway name and the value. Takes any ranking: a linear model's coefficients
    /// (<see cref="OrganoidModel.Ranking"/>, <c>StageModel.Biomarkers</c>) or a learner's signed importances
    /// (<see cref="OrganoidLearnerModel.Biomarkers"/>, then say so in <paramref name="valueLabel"/>).
    /// </summary>
    public static InteractiveChart CoefficientBars(IReadOnlyList<RankedBiomarker> ranking, string title, int top = 15,
        string valueLabel = "coefficient (ln IC50 per sd of the pathway score)")
    {
        ArgumentNullException.ThrowIfNull(ranking);
        if (top is < 1 or > 200) throw new ArgumentOutOfRangeException(nameof(top), top, "top must be in 1..200");
        var rows = ranking.OrderBy(b => b.Rank).Take(top).ToList();
        if (rows.Count == 0) throw new ArgumentException($"{title}: no biomarkers to plot", nameof(ranking));
        var bars = new Trace("bar");
        bars.SetProperty("orientation", "h");
        bars.SetProperty("x", rows.Select(b => Finite(b.Coefficient)).ToArray());
        bars.SetProperty("y", rows.Select(b => $"{b.Rank}. {PathwayNames.Short(b.Name, 60)}").ToArray());
        bars.SetProperty("customdata", rows.Select(b => b.Name).ToArray());
        bars.SetProperty("hovertemplate", "rank %{y}<br>%{customdata}<br>" + Escape(valueLabel) + ": %{x:.4f}<extra></extra>");
        bars.SetProperty("marker", Obj(("color", rows.Select(b => b.Coefficient < 0 ? "#3182bd" : "#e6550d").ToArray())));
        bars.SetProperty("showlegend", false);
        var layout = BaseLayout(title + "<br><sub>blue: higher score, lower response (sensitive) \u00b7 orange: higher score, higher response (resistant)</sub>", valueLabel, "");
        layout.SetProperty("yaxis", Obj(("autorange", "reversed"), ("automargin", true), ("tickfont", Obj(("size", 11)))));
        layout.SetProperty("xaxis", Axis(valueLabel, zeroline: true));
        return Build(title, [bars], layout, 1100, Math.Max(420, 140 + 28 * rows.Count));
    }

    /// <summary>
    /// Kaplan-Meier curves of predicted responders and non-responders as steps (hover: month, survival, number at
    /// risk), censoring ticks, and the numbers at risk every 12 months in two rows under the axis (as the PNG); the
    /// log-rank p, group sizes and deaths in the title. Times in months.
    /// </summary>
    public static InteractiveChart KaplanMeier(GroupComparison comparison, string title)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        double last = Math.Max(comparison.ResponderCurve.LastTime, comparison.NonResponderCurve.LastTime);
        double every = ValidationFigures.AtRiskEvery;
        double xMax = Math.Max(every, Math.Ceiling(last / every) * every);
        var traces = new List<Trace>();
        AddCurve(traces, comparison.ResponderCurve, $"predicted responders (n = {comparison.Responders})", "#2166ac");
        AddCurve(traces, comparison.NonResponderCurve, $"predicted non-responders (n = {comparison.NonResponders})", "#b2182b");
        string p = double.IsNaN(comparison.LogRankP) ? "NA" : comparison.LogRankP.ToString(comparison.LogRankP < 0.001 ? "0.0e0" : "0.000", CultureInfo.InvariantCulture);
        var layout = BaseLayout($"{title}<br><sub>log-rank p = {p}; responders {comparison.Responders} ({comparison.EventsResponders} deaths), " +
                                $"non-responders {comparison.NonResponders} ({comparison.EventsNonResponders} deaths)</sub>", "months", "overall survival (Kaplan-Meier)");
        layout.SetProperty("xaxis", Axis("months", range: [0, xMax], dtick: every));
        layout.SetProperty("yaxis", Axis("overall survival (Kaplan-Meier)", range: [0, 1.04]));
        layout.SetProperty("margin", Obj(("l", 175), ("r", 30), ("t", 90), ("b", 150)));
        layout.SetProperty("legend", Obj(("x", 0.01), ("y", 0.02), ("bgcolor", "rgba(255,255,255,0.8)")));
        var ticks = new List<double>();
        for (double t = 0; t <= xMax + 1e-9; t += every) ticks.Add(t);
        var atRiskR = comparison.ResponderCurve.AtRisk(ticks);
        var atRiskN = comparison.NonResponderCurve.AtRisk(ticks);
        var notes = new List<object>
        {
            AtRiskLabel("at risk, responders", -0.20, "#2166ac"), AtRiskLabel("at risk, non-responders", -0.27, "#b2182b"),
        };
        for (int i = 0; i < ticks.Count; i++)
        {
            notes.Add(AtRisk(ticks[i], atRiskR[i], -0.20, "#2166ac"));
            notes.Add(AtRisk(ticks[i], atRiskN[i], -0.27, "#b2182b"));
        }
        layout.SetProperty("annotations", notes.ToArray());
        return Build(title, traces, layout, 1000, 640);
    }

    /// <summary>
    /// Forest plot of hazard ratios (log axis from <see cref="RobustnessFigures.MinShown"/> to
    /// <see cref="RobustnessFigures.MaxShown"/>), first row at the top: each row's estimate and interval, coloured by
    /// <see cref="ForestInterval"/> (one legend entry each, click to hide), HR = 1 dotted; hover shows the row's label
    /// and detail. Rows without an estimate (NaN) show their label only; infinite or zero estimates sit at the edge.
    /// </summary>
    public static InteractiveChart Forest(IReadOnlyList<ForestRow> rows, string title)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0) throw new ArgumentException("no rows to plot", nameof(rows));
        double lo = RobustnessFigures.MinShown, hi = RobustnessFigures.MaxShown;
        double Clip(double v) => double.IsNaN(v) ? double.NaN : Math.Clamp(v, lo, hi);
        int n = rows.Count;
        double Y(int i) => n - 1 - i;
        var traces = new List<Trace>();
        foreach (var kind in rows.Select(r => r.Interval).Distinct().Order())
        {
            var (color, legend) = ForestStyle(kind);
            var members = Enumerable.Range(0, n).Where(i => rows[i].Interval == kind && !double.IsNaN(rows[i].Estimate)).ToArray();
            if (members.Length == 0) continue;
            var segments = Scatter("lines", legend);
            var xs = new List<object?>();
            var ys = new List<object?>();
            foreach (int i in members.Where(i => !double.IsNaN(rows[i].Lower) && !double.IsNaN(rows[i].Upper)))
            {
                xs.AddRange([Clip(rows[i].Lower), Clip(rows[i].Upper), null]);
                ys.AddRange([Y(i), Y(i), null]);
            }
            segments.SetProperty("x", xs.ToArray());
            segments.SetProperty("y", ys.ToArray());
            segments.SetProperty("line", Obj(("color", color), ("width", kind == ForestInterval.Range ? 7 : 2.5)));
            segments.SetProperty("legendgroup", kind.ToString());
            segments.SetProperty("showlegend", false);
            segments.SetProperty("hoverinfo", "skip");
            traces.Add(segments);
            var points = Scatter("markers", legend);
            points.SetProperty("x", members.Select(i => Clip(rows[i].Estimate == 0 ? lo : rows[i].Estimate)).ToArray());
            points.SetProperty("y", members.Select(i => Y(i)).ToArray());
            points.SetProperty("text", members.Select(i => $"{Escape(rows[i].Group)}: {Escape(rows[i].Label)}<br>{Escape(rows[i].Detail)}").ToArray());
            points.SetProperty("hovertemplate", "%{text}<extra></extra>");
            points.SetProperty("legendgroup", kind.ToString());
            points.SetProperty("marker", Obj(("color", color), ("size", kind == ForestInterval.Main ? 14 : 9),
                ("symbol", kind switch { ForestInterval.Main => "diamond", ForestInterval.Range => "line-ns-open", ForestInterval.Bootstrap => "circle-open", _ => "square" }),
                ("line", Obj(("width", 2), ("color", color)))));
            traces.Add(points);
        }
        var layout = BaseLayout(title, "hazard ratio, predicted non-responders vs responders (log scale; > 1: non-responders die sooner, the paper's direction)", "");
        layout.SetProperty("xaxis", Obj(("type", "log"), ("range", new[] { Math.Log10(lo), Math.Log10(hi) }),
            ("tickvals", new[] { 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20 }), ("title", Obj(("text", "hazard ratio, non-responders vs responders (log scale; > 1: the paper's direction)"))),
            ("gridcolor", "#eeeeee")));
        layout.SetProperty("yaxis", Obj(("tickvals", Enumerable.Range(0, n).Select(i => Y(i)).ToArray()), ("ticktext", rows.Select(r => Escape(r.Label)).ToArray()),
            ("range", new[] { -0.8, n - 0.2 }), ("automargin", true), ("showgrid", false), ("zeroline", false)));
        // HR = 1, and a thin rule where a new group (e.g. the other arm) starts, as in the PNG.
        var shapes = new List<object> { Line("x", 1, 1, "paper", 0, 1, "#252525", "dot") };
        for (int i = 1; i < n; i++)
            if (!string.Equals(rows[i].Group, rows[i - 1].Group, StringComparison.Ordinal))
                shapes.Add(Line("paper", 0, 1, "y", Y(i) + 0.5, Y(i) + 0.5, "#bdbdbd", "dash"));
        layout.SetProperty("shapes", shapes.ToArray());
        layout.SetProperty("margin", Obj(("l", 70), ("r", 30), ("t", 80), ("b", 170)));
        layout.SetProperty("legend", Obj(("orientation", "h"), ("x", 0), ("y", 0), ("yref", "container"), ("yanchor", "bottom")));
        return Build(title, traces, layout, 1200, Math.Max(400, 260 + 26 * n));
    }

    private static (string Color, string Legend) ForestStyle(ForestInterval kind) => kind switch
    {
        ForestInterval.Main => ("#b2182b", "main result, Wald 95% CI"),
        ForestInterval.Alternative => ("#2166ac", "one choice changed, Wald 95% CI"),
        ForestInterval.Bootstrap => ("#e08214", "main result, patient bootstrap 95% percentile interval"),
        ForestInterval.Range => ("#878787", "range of HR estimates over k (not a CI)"),
        ForestInterval.Baseline => ("#1b7837", "baseline / control, Wald 95% CI"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static void AddCurve(List<Trace> traces, KaplanMeierFit fit, string name, string color)
    {
        var points = fit.CurvePoints();
        var line = Scatter("lines", name);
        line.SetProperty("x", points.Select(q => q.Time).Append(fit.LastTime).ToArray());
        line.SetProperty("y", points.Select(q => q.Survival).Append(points[^1].Survival).ToArray());
        line.SetProperty("customdata", points.Select(q => q.AtRisk).Append(fit.AtRisk(fit.LastTime)).ToArray());
        line.SetProperty("line", Obj(("shape", "hv"), ("color", color), ("width", 2.5)));
        line.SetProperty("legendgroup", name);
        line.SetProperty("hovertemplate", "month %{x:.1f}<br>survival %{y:.3f}<br>at risk %{customdata}<extra>" + Escape(name) + "</extra>");
        traces.Add(line);
        var marks = fit.CensorMarks();
        if (marks.Count == 0) return;
        var ticks = Scatter("markers", name + ": censored");
        ticks.SetProperty("x", marks.Select(m => m.Time).ToArray());
        ticks.SetProperty("y", marks.Select(m => m.Survival).ToArray());
        ticks.SetProperty("marker", Obj(("symbol", "line-ns-open"), ("size", 10), ("color", color), ("line", Obj(("width", 1.5), ("color", color)))));
        ticks.SetProperty("legendgroup", name);
        ticks.SetProperty("showlegend", false);
        ticks.SetProperty("hovertemplate", "censored at month %{x:.1f}<extra>" + Escape(name) + "</extra>");
        traces.Add(ticks);
    }

    private static object AtRisk(double month, int count, double y, string color) => Obj(("x", month), ("y", y), ("xref", "x"), ("yref", "paper"),
        ("text", count.ToString(CultureInfo.InvariantCulture)), ("showarrow", false), ("font", Obj(("color", color), ("size", 13))));

    private static object AtRiskLabel(string text, double y, string color) => Obj(("x", 0), ("y", y), ("xref", "paper"), ("yref", "paper"),
        ("xanchor", "right"), ("text", text + "\u2003"), ("showarrow", false), ("font", Obj(("color", color), ("size", 11))));

    private static Trace Scatter(string mode, string name)
    {
        var t = new Trace("scatter");
        t.SetProperty("mode", mode);
        t.SetProperty("name", name);
        return t;
    }

    private static Layout BaseLayout(string title, string xLabel, string yLabel)
    {
        var layout = new Layout();
        layout.SetProperty("title", Obj(("text", title), ("x", 0.02), ("font", Obj(("size", 17)))));
        layout.SetProperty("font", Obj(("family", Font), ("size", 13)));
        layout.SetProperty("hovermode", "closest");
        layout.SetProperty("plot_bgcolor", "white");
        layout.SetProperty("margin", Obj(("l", 70), ("r", 30), ("t", 80), ("b", 90)));
        return layout;
    }

    private static SortedDictionary<string, object> Axis(string title, double[]? range = null, double? dtick = null, bool zeroline = false)
    {
        var axis = Obj(("title", Obj(("text", title))), ("gridcolor", "#eeeeee"), ("zeroline", zeroline), ("zerolinecolor", "#252525"),
            ("linecolor", "#636363"), ("showline", true));
        if (range is not null) axis["range"] = range;
        if (dtick is double d) axis["dtick"] = d;
        return axis;
    }

    private static object Line(string xref, double x0, double x1, string yref, double y0, double y1, string color = "#969696", string dash = "dash") =>
        Obj(("type", "line"), ("xref", xref), ("x0", x0), ("x1", x1), ("yref", yref), ("y0", y0), ("y1", y1), ("line", Obj(("color", color), ("dash", dash), ("width", 1.2))));

    private static object Note(string text, double x, double y, string anchor) => Obj(("x", x), ("y", y), ("xref", "paper"), ("yref", "paper"),
        ("xanchor", anchor), ("text", Escape(text)), ("showarrow", false), ("font", Obj(("size", 11), ("color", "#636363"))));

    /// <summary>A plotly.js attribute object with keys in ordinal order, so the figure JSON never depends on insertion order.</summary>
    private static SortedDictionary<string, object> Obj(params (string Key, object Value)[] entries)
    {
        var d = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var (k, v) in entries) d.Add(k, v);
        return d;
    }

    private static object? Finite(double v) => double.IsFinite(v) ? v : null;

    /// <summary>plotly.js renders text as (a subset of) HTML: escape what a name might hold.</summary>
    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static InteractiveChart Build(string title, IReadOnlyList<Trace> traces, Layout layout, int width, int height)
    {
        layout.SetProperty("width", width);
        layout.SetProperty("height", height);
        var chart = GenericChart.setLayout(layout, GenericChart.ofTraceObjects(false, traces));
        return new InteractiveChart(title, chart, width, height);
    }
}
