using System.Globalization;
using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Data;

/// <summary>Reads data/manifest.tsv (see data/README.md for its columns).</summary>
public static class Manifest
{
    public static readonly string[] Columns =
        ["id", "file", "role", "status", "sha256", "bytes", "fetch", "origin_url", "origin", "licence", "content", "paper_used"];

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
