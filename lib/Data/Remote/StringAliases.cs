using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Data.Remote;

/// <summary>
/// STRING protein -> gene symbol from a STRING aliases file (v10/v10.5 layout: one header line starting with <c>#</c>,
/// e.g. <c>## string_protein_id ## alias ## source ##</c>, then TAB-separated <c>protein alias sources</c> rows whose
/// source field holds one or more space-separated source names). Aliases may contain spaces, brackets and <c>@</c>:
/// only TAB separates fields.
/// <para>
/// Rule: each protein takes an alias from the first source, in <see cref="FetchSettings.StringAliasSources"/> order,
/// that lists it. Default order: <c>BioMart_HUGO</c> (the HGNC symbol Ensembl BioMart gives the protein's gene; about
/// one per protein, 19,119 rows in v10.5, and the filter the public v10.5 readers use), then <c>Ensembl_HGNC</c>,
/// <c>Ensembl_UniProt_GN</c>, <c>BLAST_UniProt_GN</c> (gene names for proteins BioMart leaves without an HGNC symbol;
/// this fallback order is a reasonable choice, not a STRING convention). When one source lists several aliases for a
/// protein, the first in file order is kept and the protein is counted.
/// </para>
/// </summary>
public static class StringAliases
{
    /// <summary>The default source order: BioMart_HUGO, Ensembl_HGNC, Ensembl_UniProt_GN, BLAST_UniProt_GN (see above).</summary>
    public static readonly IReadOnlyList<string> DefaultSources = ["BioMart_HUGO", "Ensembl_HGNC", "Ensembl_UniProt_GN", "BLAST_UniProt_GN"];

    /// <summary>Checks the layout on the first lines (header starting with '#', then 3 TAB-separated fields).</summary>
    /// <param name="path">The aliases file, plain or gzip.</param>
    /// <exception cref="InputException">The header or one of the first five rows is not in the layout.</exception>
    public static void CheckFormat(string path)
    {
        using var reader = TextFiles.Open(path);
        string? header = reader.ReadLine();
        if (header is null || !header.StartsWith('#'))
            throw new InputException(path, 1, $"the first line '{Show(header)}' is not the aliases header (starting with '#')", "use 9606.protein.aliases.v10.5.txt.gz from STRING");
        for (int i = 2; i <= 6 && reader.ReadLine() is { } line; i++)
            if (line.Split('\t').Length != 3 || !line.StartsWith("9606.", StringComparison.Ordinal))
                throw new InputException(path, i, $"'{Show(line)}' is not 'protein<TAB>alias<TAB>sources' of a human (9606.) protein", "use 9606.protein.aliases.v10.5.txt.gz");
    }

    /// <summary>Reads the aliases and applies the rule; every count goes to <paramref name="log"/>.</summary>
    /// <param name="path">The aliases file, plain or gzip.</param>
    /// <param name="sources">Alias sources in priority order, at least one (<see cref="DefaultSources"/>).</param>
    /// <param name="log">Receives the counts.</param>
    /// <returns>STRING protein id -> gene symbol, for proteins some listed source names.</returns>
    /// <exception cref="ArgumentException">No source given.</exception>
    public static IReadOnlyDictionary<string, string> ReadSymbols(string path, IReadOnlyList<string> sources, CountLog log)
    {
        if (sources.Count == 0) throw new ArgumentException("at least one alias source is needed", nameof(sources));
        // Per protein: the best (lowest) source level seen so far, its first alias, and how many distinct aliases that level lists.
        var best = new Dictionary<string, (int Level, string Alias, int Distinct)>(StringComparer.Ordinal);
        var proteins = new HashSet<string>(StringComparer.Ordinal);
        int lineNo = 0, rows = 0;
        using var reader = TextFiles.Open(path);
        try
        {
            for (string? line; (line = reader.ReadLine()) is not null;)
            {
                lineNo++;
                if (line.Length == 0) continue;
                if (line[0] == '#') { if (rows == 0) continue; throw new InputException(path, lineNo, "a '#' line inside the data", "use the file as distributed by STRING"); }
                var f = line.Split('\t');
                if (f.Length != 3)
                    throw new InputException(path, lineNo, $"{f.Length} TAB-separated fields where the aliases file has 3 ('{Show(line)}')", "re-download the file (truncated?)");
                rows++;
                string protein = f[0];
                proteins.Add(protein);
                int level = Level(f[2], sources);
                if (level < 0 || f[1].Length == 0) continue;
                if (best.TryGetValue(protein, out var b))
                {
                    if (level > b.Level) continue;
                    if (level == b.Level) { if (f[1] != b.Alias) best[protein] = b with { Distinct = b.Distinct + 1 }; continue; }
                }
                best[protein] = (level, f[1], 1);
            }
        }
        catch (InvalidDataException e)
        {
            throw new InputException(path, lineNo, $"not a valid gzip stream ({e.Message})", "re-download the file; it is truncated or not gzip");
        }
        if (rows == 0) throw new InputException(path, lineNo, "no alias rows", "re-download the file");
        string file = Path.GetFileName(path);
        log.Record($"{file}: alias rows", rows, proteins.Count, "distinct proteins with at least one alias row");
        for (int i = 0; i < sources.Count; i++)
        {
            int n = best.Values.Count(v => v.Level == i);
            log.Record($"{file}: symbol from {sources[i]}", proteins.Count, n, i == 0 ? "proteins whose alias sources include it" : $"proteins without any of {string.Join(", ", sources.Take(i))} that have it");
        }
        log.Record($"{file}: proteins mapped to a symbol", proteins.Count, best.Count, $"{proteins.Count - best.Count} protein(s) without an alias from {string.Join(", ", sources)} stay unmapped");
        int several = best.Values.Count(v => v.Distinct > 1);
        log.Record($"{file}: proteins with several aliases at their source", best.Count, best.Count, $"{several} protein(s) list more than one alias at the chosen source: the first in file order kept");
        return best.ToDictionary(kv => kv.Key, kv => kv.Value.Alias, StringComparer.Ordinal);
    }

    private static int Level(string sourceField, IReadOnlyList<string> sources)
    {
        int level = -1;
        foreach (var s in sourceField.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            for (int i = 0; i < sources.Count && (level < 0 || i < level); i++)
                if (string.Equals(s, sources[i], StringComparison.Ordinal)) { level = i; break; }
        return level;
    }

    private static string Show(string? line) => line is null ? "(end of file)" : line.Length <= 80 ? line : line[..77] + "...";
}
