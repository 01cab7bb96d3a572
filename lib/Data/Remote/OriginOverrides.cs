namespace OrganoidBiomarkers.Data.Remote;

/// <summary>
/// Base-URL overrides per origin host, for a private mirror or a test server: with
/// <c>stringdb-static.org=http://127.0.0.1:8080</c>, <c>https://stringdb-static.org/download/x.gz</c> is fetched from
/// <c>http://127.0.0.1:8080/download/x.gz</c>. The replacement keeps the original path and query after its own base path,
/// so one override per host serves every file of that host (a mirror must keep the origin's paths).
/// </summary>
public sealed class OriginOverrides
{
    /// <summary>Environment variable holding overrides: <c>host=URL</c> pairs separated by spaces, commas or semicolons.</summary>
    public const string EnvironmentVariable = "FETCH_INPUTS_BASE_URLS";

    private readonly SortedDictionary<string, Uri> _byHost;

    private OriginOverrides(SortedDictionary<string, Uri> byHost) => _byHost = byHost;

    /// <summary>No override: every origin URL is requested as it is.</summary>
    public static OriginOverrides None => new(new SortedDictionary<string, Uri>(StringComparer.OrdinalIgnoreCase));

    /// <summary>The hosts that are overridden, with their base URL (ordinal order).</summary>
    public IReadOnlyDictionary<string, Uri> Hosts => _byHost;

    /// <summary>
    /// Parses <c>host=URL</c> specifications. <paramref name="source"/> names where they came from (an option, the
    /// environment variable, a config file line) for the error message. Later specifications override earlier ones.
    /// </summary>
    /// <param name="specifications"><c>host=URL</c> items; host names compare case-insensitively.</param>
    /// <param name="source">Where they came from, for the error message.</param>
    /// <returns>A new instance with this one's overrides and the new ones; this instance is unchanged.</returns>
    /// <exception cref="ArgumentException">An item is not HOST=URL (the host with a scheme, path or port), or the URL
    /// is not an absolute http(s) URL.</exception>
    public OriginOverrides With(IEnumerable<string> specifications, string source)
    {
        var copy = new SortedDictionary<string, Uri>(_byHost, StringComparer.OrdinalIgnoreCase);
        foreach (var spec in specifications)
        {
            int eq = spec.IndexOf('=');
            string host = eq > 0 ? spec[..eq].Trim() : "";
            string url = eq > 0 ? spec[(eq + 1)..].Trim() : "";
            if (host.Length == 0 || host.Contains('/') || host.Contains(':'))
                throw new ArgumentException($"{source}: '{spec}' is not HOST=URL (e.g. stringdb-static.org=http://127.0.0.1:8080): give the origin's host name without scheme or path");
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                throw new ArgumentException($"{source}: '{url}' in '{spec}' is not an absolute http(s) URL");
            copy[host] = uri;
        }
        return new OriginOverrides(copy);
    }

    /// <summary>Splits the environment variable's value into <c>host=URL</c> items.</summary>
    /// <param name="value">The value; null or empty gives no item.</param>
    public static IEnumerable<string> SplitList(string? value) =>
        (value ?? "").Split([' ', ',', ';', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The URL to request for an origin URL (unchanged when its host is not overridden).</summary>
    /// <param name="origin">An absolute origin URL.</param>
    public Uri Apply(Uri origin)
    {
        if (!_byHost.TryGetValue(origin.Host, out var baseUri)) return origin;
        string basePath = baseUri.AbsolutePath.TrimEnd('/');
        return new Uri(baseUri.GetLeftPart(UriPartial.Authority) + basePath + origin.PathAndQuery);
    }

    /// <summary>True when requests for <paramref name="origin"/>'s host go to an override.</summary>
    /// <param name="origin">An absolute origin URL.</param>
    public bool IsOverridden(Uri origin) => _byHost.ContainsKey(origin.Host);
}
