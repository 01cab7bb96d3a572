using System.Globalization;
using Xunit;

namespace OrganoidBiomarkers.Tests.Models;

/// <summary>
/// Locates the read-only data mirror: env DATA_MIRROR, else a sibling 'shared/data' folder found by walking up from the
/// test assembly. Null when absent (mirror tests then skip). Nothing read from it is ever written into the repository.
/// </summary>
internal static class MirrorData
{
    public static readonly string? Root = Find();

    private static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("DATA_MIRROR");
        if (!string.IsNullOrEmpty(env)) return Directory.Exists(env) ? env : null;
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "shared", "data");
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }

    public static string File(params string[] parts) => Path.Combine([Root!, .. parts]);

    /// <summary>The repository root (folder holding OrganoidBiomarkers.sln), for the git-ignored data/cache.</summary>
    public static string? RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (System.IO.File.Exists(Path.Combine(d.FullName, "OrganoidBiomarkers.sln"))) return d.FullName;
        return null;
    }

    /// <summary>
    /// gseapy's normalized ES table: '#' comment lines, a header 'Term|NES' + sample IDs, then pathway rows.
    /// Returns the pathways in file order, the sample IDs in column order and values[pathway][sample].
    /// </summary>
    public static (string[] Pathways, string[] Samples, double[][] Values) ReadNes(string path)
    {
        var lines = System.IO.File.ReadAllLines(path).Where(l => !l.StartsWith('#') && l.Length > 0).ToArray();
        var header = lines[0].Split('\t');
        if (!header[0].StartsWith("Term|")) throw new InvalidDataException($"{path}: header starts '{header[0]}', expected 'Term|...'");
        var samples = header[1..];
        var rows = lines[1..].Select(l => l.Split('\t')).ToArray();
        foreach (var r in rows)
            if (r.Length != header.Length) throw new InvalidDataException($"{path}: row '{r[0]}' has {r.Length} fields, header {header.Length}");
        return (rows.Select(r => r[0]).ToArray(), samples,
            rows.Select(r => r[1..].Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray());
    }

    /// <summary>Pathways (first column) whose z-score in <paramref name="drugColumn"/> is &lt;= <paramref name="threshold"/>.</summary>
    public static string[] ReadProximal(string path, string drugColumn, double threshold)
    {
        var lines = System.IO.File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        int col = Array.IndexOf(lines[0].Split('\t'), drugColumn);
        if (col < 0) throw new InvalidDataException($"{path}: no column '{drugColumn}'");
        return lines[1..].Select(l => l.Split('\t'))
            .Where(f => double.Parse(f[col], CultureInfo.InvariantCulture) <= threshold)
            .Select(f => f[0]).ToArray();
    }

    /// <summary>
    /// Median IC50 over replicates per organoid for one drug of van de Wetering's Table S2b (columns Organoid, Drug_ID,
    /// Drug Name, ..., IC50), organoid IDs upper-cased (P19a -> P19A) to match the expression columns. The median of an
    /// even count is the mean of the middle two (pandas). Organoids in order of first appearance in the screen.
    /// </summary>
    public static (string[] Organoids, double[] MedianIc50) ReadMedianIc50(string path, string drugName, int drugId)
    {
        var lines = System.IO.File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        var h = lines[0].Split('\t');
        int org = Array.IndexOf(h, "Organoid"), id = Array.IndexOf(h, "Drug_ID"), name = Array.IndexOf(h, "Drug Name"), ic = Array.IndexOf(h, "IC50");
        var byOrganoid = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var f in lines[1..].Select(l => l.Split('\t')))
        {
            if (f[name] != drugName || int.Parse(f[id], CultureInfo.InvariantCulture) != drugId) continue;
            var o = f[org].ToUpperInvariant();
            if (!byOrganoid.TryGetValue(o, out var list)) { byOrganoid[o] = list = new List<double>(); order.Add(o); }
            list.Add(double.Parse(f[ic], CultureInfo.InvariantCulture));
        }
        return (order.ToArray(), order.Select(o => Median(byOrganoid[o])).ToArray());
    }

    /// <summary>Organoid order of the authors' median_response.txt for one drug (their own derived file), upper-cased.</summary>
    public static string[] ReadAuthorsResponseOrder(string path, string drugName) =>
        System.IO.File.ReadAllLines(path).Skip(1).Select(l => l.Split('\t')).Where(f => f.Length >= 3 && f[1] == drugName)
            .Select(f => f[0].ToUpperInvariant()).ToArray();

    private static double Median(List<double> v)
    {
        var s = v.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }
}

/// <summary>A fact that runs only when the data mirror is present (otherwise skipped with the reason).</summary>
public sealed class MirrorFactAttribute : FactAttribute
{
    public MirrorFactAttribute()
    {
        if (MirrorData.Root is null)
            Skip = "data mirror not found: set DATA_MIRROR or place it at ../shared/data (see shared/data/README.md)";
    }
}

/// <summary>
/// A fact that needs the mirror AND scikit-learn's fits of it, written by Golden/models/authors_5fu_sklearn.py into the
/// git-ignored data/cache/models (derived from mirror data, so never committed).
/// </summary>
public sealed class SklearnOnMirrorFactAttribute : FactAttribute
{
    public static string? CachePath =>
        MirrorData.RepoRoot() is { } root ? Path.Combine(root, "data", "cache", "models", "authors_5fu_sklearn.json") : null;

    public SklearnOnMirrorFactAttribute()
    {
        if (MirrorData.Root is null) Skip = "data mirror not found: set DATA_MIRROR or place it at ../shared/data";
        else if (CachePath is null || !System.IO.File.Exists(CachePath))
            Skip = "run /usr/bin/python3 tests/OrganoidBiomarkers.Tests/Golden/models/authors_5fu_sklearn.py first (writes data/cache/models/authors_5fu_sklearn.json)";
    }
}
