using System.Globalization;

namespace OrganoidBiomarkers.Data.Remote;

/// <summary>
/// How the connected fetch behaves: origin overrides, transfer limits and the converters' settings. Every setting has
/// a documented default; <see cref="With"/> takes <c>key=value</c> pairs (from <c>--set</c>, a config file or a test)
/// and refuses unknown keys and bad values, naming them.
/// </summary>
public sealed record FetchSettings
{
    /// <summary>Base-URL overrides per origin host (private mirror, tests).</summary>
    public OriginOverrides Overrides { get; init; } = OriginOverrides.None;

    /// <summary>Attempts per origin URL that receive no new byte before the origin is given up (default 5).</summary>
    public int Retries { get; init; } = 5;

    /// <summary>Wait before the first retry; doubled after each failed attempt, capped at 60 s (default 2 s).</summary>
    public TimeSpan Backoff { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>A server that sends no byte (headers or body) for this long is treated as stalled (default 60 s).</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How often a long transfer prints a progress line (default 5 s).</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>STRING edges are kept when combined_score &gt;= this (0-999; default 700, STRING's "high confidence").</summary>
    public int StringMinScore { get; init; } = 700;

    /// <summary>STRING alias sources in priority order for ENSP -> gene symbol (see <see cref="StringAliases"/>).</summary>
    public IReadOnlyList<string> StringAliasSources { get; init; } = StringAliases.DefaultSources;

    /// <summary>
    /// The Elsevier "mmc" number of Lee 2018 Table S3 (drug response). UNCONFIRMED: 4 follows the pattern of van de
    /// Wetering 2015 (Table S2 = mmc3); the converter checks the workbook's content and says when it is not Table S3.
    /// </summary>
    public int Lee2018TableS3Mmc { get; init; } = 4;

    /// <summary>Hits per page of GDC <c>/files</c> queries (the API's default is 10; default here 500).</summary>
    public int GdcPageSize { get; init; } = 500;

    /// <summary>Files per GDC <c>/data</c> request (one tar.gz per batch; default 50, about 20 MB compressed).</summary>
    public int GdcBatchSize { get; init; } = 50;

    /// <summary>The keys <see cref="With"/> accepts, with their meaning (for --help and error messages).</summary>
    public static readonly IReadOnlyDictionary<string, string> Keys = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["retries"] = "attempts per URL without progress before trying the next origin (1-100, default 5)",
        ["backoff_s"] = "seconds before the first retry, doubled each time, capped at 60 (0-60, default 2)",
        ["stall_timeout_s"] = "seconds without a byte before a transfer counts as stalled (0.1-3600, default 60)",
        ["progress_interval_s"] = "seconds between progress lines of a long transfer (0.1-3600, default 5)",
        ["string.min_score"] = "keep STRING pairs with combined_score >= this (0-999, default 700)",
        ["string.alias_sources"] = "comma-separated alias sources in priority order (default BioMart_HUGO,Ensembl_HGNC,Ensembl_UniProt_GN,BLAST_UniProt_GN)",
        ["lee2018.table_s3_mmc"] = "Elsevier mmc number of Lee 2018 Table S3 (1-20, default 4, UNCONFIRMED)",
        ["gdc.page_size"] = "hits per GDC /files page (1-10000, default 500)",
        ["gdc.batch_size"] = "files per GDC /data request (1-1000, default 50)",
    };

    /// <summary>Applies <c>key=value</c> settings; <paramref name="source"/> names their origin in error messages.</summary>
    /// <param name="assignments"><c>key=value</c> items, applied in order (a later one overrides an earlier one).</param>
    /// <param name="source">Where they came from (an option, a config file line), for error messages.</param>
    /// <returns>New settings; this instance is unchanged.</returns>
    /// <exception cref="ArgumentException">An item is not KEY=VALUE, the key is unknown (with a "did you mean"), or the
    /// value is out of the key's range.</exception>
    public FetchSettings With(IEnumerable<string> assignments, string source)
    {
        var s = this;
        foreach (var a in assignments)
        {
            int eq = a.IndexOf('=');
            if (eq <= 0) throw new ArgumentException($"{source}: '{a}' is not KEY=VALUE (keys: {string.Join(", ", Keys.Keys)})");
            string key = a[..eq].Trim(), value = a[(eq + 1)..].Trim();
            s = key switch
            {
                "retries" => s with { Retries = Int(key, value, 1, 100, source) },
                "backoff_s" => s with { Backoff = TimeSpan.FromSeconds(Number(key, value, 0, 60, source)) },
                "stall_timeout_s" => s with { StallTimeout = TimeSpan.FromSeconds(Number(key, value, 0.1, 3600, source)) },
                "progress_interval_s" => s with { ProgressInterval = TimeSpan.FromSeconds(Number(key, value, 0.1, 3600, source)) },
                "string.min_score" => s with { StringMinScore = Int(key, value, 0, 999, source) },
                "string.alias_sources" => s with { StringAliasSources = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } list ? list : throw new ArgumentException($"{source}: {key} needs at least one source name") },
                "lee2018.table_s3_mmc" => s with { Lee2018TableS3Mmc = Int(key, value, 1, 20, source) },
                "gdc.page_size" => s with { GdcPageSize = Int(key, value, 1, 10000, source) },
                "gdc.batch_size" => s with { GdcBatchSize = Int(key, value, 1, 1000, source) },
                _ => throw new ArgumentException($"{source}: unknown setting '{key}'{Suggest(key)} (keys: {string.Join(", ", Keys.Keys)})"),
            };
        }
        return s;
    }

    /// <summary>
    /// Reads a config file: <c>base-url HOST=URL</c> and <c>set KEY=VALUE</c> lines; <c>#</c> starts a comment.
    /// </summary>
    /// <param name="path">The config file.</param>
    /// <returns>New settings with the file's overrides and settings applied in line order.</returns>
    /// <exception cref="ArgumentException">The file does not exist, or a line is malformed (names the file and line).</exception>
    public FetchSettings WithConfigFile(string path)
    {
        if (!File.Exists(path)) throw new ArgumentException($"config file {path} does not exist");
        var s = this;
        int n = 0;
        foreach (var raw in File.ReadLines(path))
        {
            n++;
            var line = raw.Split('#')[0].Trim();
            if (line.Length == 0) continue;
            var parts = line.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
            string where = $"{path}:{n}";
            s = parts switch
            {
                ["base-url", var spec] => s with { Overrides = s.Overrides.With([spec.Trim()], where) },
                ["set", var kv] => s.With([kv.Trim()], where),
                _ => throw new ArgumentException($"{where}: '{line}' is neither 'base-url HOST=URL' nor 'set KEY=VALUE'"),
            };
        }
        return s;
    }

    /// <summary>The settings that change what a converter writes, as recorded beside each derived input.</summary>
    /// <param name="converter">The converter, e.g. "string"; empty text for one without settings.</param>
    public string Describe(string converter) => converter switch
    {
        "string" => $"combined_score >= {StringMinScore}; aliases {string.Join(" > ", StringAliasSources)}",
        _ => "",
    };

    private static int Int(string key, string value, int min, int max, string source) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max ? v
            : throw new ArgumentException($"{source}: {key}={value} is not an integer in {min}..{max}");

    private static double Number(string key, string value, double min, double max, string source) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max ? v
            : throw new ArgumentException($"{source}: {key}={value} is not a number in {min.ToString(CultureInfo.InvariantCulture)}..{max.ToString(CultureInfo.InvariantCulture)}");

    private static string Suggest(string key) => NearMatch.Suggest(key, Keys.Keys) is { } k ? $" (did you mean '{k}'?)" : "";
}

/// <summary>Edit distance for "did you mean" suggestions.</summary>
public static class NearMatch
{
    /// <summary>Levenshtein distance, case-insensitive.</summary>
    /// <param name="a">A string.</param>
    /// <param name="b">Another string.</param>
    /// <returns>The number of single-character insertions, deletions and substitutions, &gt;= 0.</returns>
    public static int Distance(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }

    /// <summary>The closest candidate within a small distance, or null.</summary>
    /// <param name="value">What the user typed.</param>
    /// <param name="candidates">The valid names; ties go to the ordinal-first.</param>
    /// <returns>The closest candidate when its distance is at most max(2, length / 3), else null.</returns>
    public static string? Suggest(string value, IEnumerable<string> candidates)
    {
        var best = candidates.Select(c => (c, d: Distance(c, value))).OrderBy(t => t.d).ThenBy(t => t.c, StringComparer.Ordinal).FirstOrDefault();
        return best.c is not null && best.d <= Math.Max(2, value.Length / 3) ? best.c : null;
    }
}
