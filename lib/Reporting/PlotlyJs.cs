using System.Text;

namespace OrganoidBiomarkers.Reporting;

/// <summary>
/// plotly.js as shipped inside the Plotly.NET package (an embedded resource of Plotly.NET.dll: plotly.js 2.28.0,
/// minified, MIT), so interactive charts work with no network: a page embeds it once, from here, never from a CDN.
/// </summary>
public static class PlotlyJs
{
    private const string Resource = "Plotly.NET.plotly-2.28.0.min.js";

    /// <summary>The plotly.js version Plotly.NET 6.0.0 embeds.</summary>
    public const string Version = "2.28.0";

    private static readonly Lazy<string> SourceText = new(() =>
    {
        var assembly = typeof(Plotly.NET.GenericChart).Assembly;
        using var stream = assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} {assembly.GetName().Version} has no resource {Resource} " +
                                                   $"(has: {string.Join(", ", assembly.GetManifestResourceNames())}): update PlotlyJs.Version to the Plotly.NET package");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    });

    /// <summary>The minified plotly.js source.</summary>
    public static string Source => SourceText.Value;

    /// <summary>
    /// Script tags that define <c>window.Plotly</c>: plotly.js inline, with AMD's <c>define</c> hidden while it loads
    /// (in a classic Jupyter page require.js is present, and plotly.js would register as an anonymous AMD module instead
    /// of a global). Include once per page, before any chart.
    /// </summary>
    public static string ScriptTags => ScriptTagsText.Value;

    private static readonly Lazy<string> ScriptTagsText = new(() =>
        "<script>window.__organoidDefine = window.define; window.define = undefined;</script>\n" +
        "<script>/* plotly.js " + Version + " (MIT), embedded from the Plotly.NET package */\n" +
        Source.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase) + "\n</script>\n" +
        "<script>window.define = window.__organoidDefine;</script>\n");
}
