using System.Globalization;
using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Data;

/// <summary>Reads data/manifest.tsv (see data/README.md for its columns).</summary>
public static class Manifest
{
    /// <summary>The required header columns, in the file's order (meanings in data/README.md).</summary>
    public static readonly string[] Columns =
        ["id", "file", "role", "status", "sha256", "bytes", "fetch", "origin_url", "origin", "licence", "content", "paper_used"];

    /// <summary>
    /// Reads every row, in file order. An empty <c>bytes</c> field (or one that is not an integer) gives a null
    /// <see cref="ManifestEntry.Bytes"/>; an empty <c>sha256</c> a null <see cref="ManifestEntry.Sha256"/> (allowed only
    /// for <c>not-available</c> and <c>connected</c> rows); sha256 values are lower-cased.
    /// </summary>
    /// <param name="path">A tab-separated manifest such as data/manifest.tsv.</param>
    /// <exception cref="InputException">The file is missing or malformed, a column is missing, an id occurs twice, the
    /// fetch mode is not direct, mirror-only, not-available or connected, or a sha256 that must be given is not 64 hex
    /// digits (names the line).</exception>
    public static IReadOnlyList<ManifestEntry> Read(string path)
    {
        var table = DelimitedFile.Read(path, '\t');
        var col = table.RequireColumns(Columns);
        var entries = new List<ManifestEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            string id = row[col["id"]];
            if (!seen.Add(id)) throw new InputException(path, row.Line, $"duplicated id '{id}'", "give every manifest row its own id");
            var fetch = row[col["fetch"]] switch
            {
                "direct" => FetchMode.Direct,
                "mirror-only" => FetchMode.MirrorOnly,
                "not-available" => FetchMode.NotAvailable,
                "connected" => FetchMode.Connected,
                var other => throw new InputException(path, row.Line, $"fetch '{other}' is not one of direct, mirror-only, not-available, connected", "fix the fetch column"),
            };
            string sha = row[col["sha256"]];
            // Connected inputs are verified against data/connected/inputs.tsv (their bytes depend on the origin reached).
            if (fetch is not (FetchMode.NotAvailable or FetchMode.Connected) && (sha.Length != 64 || !sha.All(Uri.IsHexDigit)))
                throw new InputException(path, row.Line, $"sha256 '{sha}' of '{id}' is not 64 hex digits", "write the file's sha256 (sha256sum FILE)");
            long? bytes = long.TryParse(row[col["bytes"]], NumberStyles.Integer, CultureInfo.InvariantCulture, out var b) ? b : null;
            entries.Add(new ManifestEntry(id, row[col["file"]], row[col["role"]], row[col["status"]],
                sha.Length == 0 ? null : sha.ToLowerInvariant(), bytes, fetch, row[col["origin_url"]], row[col["origin"]],
                row[col["licence"]], row[col["content"]], row[col["paper_used"]]));
        }
        return entries;
    }
}
